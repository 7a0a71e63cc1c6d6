using System.IO.Compression;
using System.Text;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// Builds the hostile artifacts, each streamed straight to its file so that a 6 GiB bomb or a
/// 500 MB string never sits in the test's memory. Shared pieces live here; the cases are grouped
/// by what they attack: archives, source maps, manifests.
/// </summary>
internal static partial class HostileCorpus
{
    /// <summary>A proprietary manifest: embedded sources in this package are critical.</summary>
    public const string ProprietaryManifest = """{"name":"hostile-pkg","version":"6.6.6","license":"UNLICENSED"}""";

    /// <summary>Length of one unit of <see cref="WriteCode"/>: a 16-byte counter comment and a fixed statement.</summary>
    private const int CodeUnit = 1024;

    private static readonly byte[] ZeroBlock = new byte[1 << 20];

    /// <summary>
    /// A gzip-compressed tar (an npm tarball when the names start with <c>package/</c>); zeros
    /// compress as well at <see cref="CompressionLevel.Optimal"/> as at the smallest size, and as fast.
    /// </summary>
    public static void TarGz(Stream output, Action<RawTarWriter> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var gzip = new GZipStream(output, level, leaveOpen: true);
        var tar = new RawTarWriter(gzip);
        entries(tar);
        tar.End();
    }

    /// <summary>An uncompressed tar.</summary>
    public static void Tar(Stream output, Action<RawTarWriter> entries)
    {
        var tar = new RawTarWriter(output);
        entries(tar);
        tar.End();
    }

    /// <summary>A gzip-compressed tar held in memory, for archives nested inside others.</summary>
    public static byte[] TarGzBytes(Action<RawTarWriter> entries)
    {
        using var buffer = new MemoryStream();
        TarGz(buffer, entries);
        return buffer.ToArray();
    }

    /// <summary>A zip held in memory.</summary>
    public static byte[] ZipBytes(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="count"/> zero bytes.</summary>
    public static void WriteZeros(Stream output, long count)
    {
        for (var left = count; left > 0; left -= ZeroBlock.Length)
            output.Write(ZeroBlock, 0, (int)Math.Min(left, ZeroBlock.Length));
    }

    /// <summary>
    /// Writes <paramref name="size"/> bytes of one-line, JSON-safe JavaScript (no quote, backslash or
    /// newline). Each 1 KiB unit starts with a distinct counter, which keeps deflate near 100:1:
    /// compressible enough to stay small on disk, not enough to pass for a decompression bomb (the
    /// default limit is 250:1), so the parsers really see every byte.
    /// </summary>
    public static void WriteCode(Stream output, long size)
    {
        const int UnitsPerBuffer = 64;
        var statement = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("function f(a,b){return a*b+1;}var x=f(2,3); ", 24)));
        var buffer = new byte[CodeUnit * UnitsPerBuffer];
        for (var u = 0; u < UnitsPerBuffer; u++)
            statement.AsSpan(0, CodeUnit - 16).CopyTo(buffer.AsSpan(u * CodeUnit + 16));
        long unit = 0;
        for (var left = size; left > 0; left -= buffer.Length)
        {
            for (var u = 0; u < UnitsPerBuffer; u++, unit++)
                Encoding.ASCII.GetBytes($"/*{unit,12:D12}*/").CopyTo(buffer.AsSpan(u * CodeUnit));
            output.Write(buffer, 0, (int)Math.Min(left, buffer.Length));
        }
    }
}
