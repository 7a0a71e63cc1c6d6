using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace PackGuard.Tests.Support;

/// <summary>A file to put in a test archive. <see cref="LinkTarget"/> makes it a symbolic link.</summary>
public sealed record TestFile(string Path, byte[] Content, string? LinkTarget = null, bool HardLink = false)
{
    /// <summary>A text file.</summary>
    public static TestFile Text(string path, string content) => new(path, Encoding.UTF8.GetBytes(content));

    /// <summary>A symbolic link.</summary>
    public static TestFile Symlink(string path, string target) => new(path, [], target);

    /// <summary>A tar hard link to another entry.</summary>
    public static TestFile Hardlink(string path, string target) => new(path, [], target, HardLink: true);
}

/// <summary>Builds small archives in memory so that tests own their fixtures.</summary>
public static class TestArchive
{
    /// <summary>
    /// The timestamp of every entry in a reproducible archive (the day of the incident in
    /// DESIGN.md); any fixed value would do.
    /// </summary>
    public static readonly DateTimeOffset FixedTime = new(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A tar archive (PAX format, so long names and odd characters survive).</summary>
    /// <param name="files">The entries, in order.</param>
    /// <param name="format">The tar flavour.</param>
    /// <param name="modificationTime">Every entry's mtime; the current time when not given, as TarWriter does.</param>
    public static byte[] Tar(IEnumerable<TestFile> files, TarEntryFormat format = TarEntryFormat.Pax, DateTimeOffset? modificationTime = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, format, leaveOpen: true))
        {
            foreach (var file in files)
            {
                TarEntryType type = file.LinkTarget is null ? RegularFile(format)
                    : file.HardLink ? TarEntryType.HardLink : TarEntryType.SymbolicLink;
                TarEntry entry = format switch
                {
                    TarEntryFormat.Pax => new PaxTarEntry(type, file.Path),
                    TarEntryFormat.Gnu => new GnuTarEntry(type, file.Path),
                    TarEntryFormat.Ustar => new UstarTarEntry(type, file.Path),
                    _ => new V7TarEntry(type, file.Path),
                };
                if (modificationTime is { } time)
                    entry.ModificationTime = time;
                if (file.LinkTarget is not null)
                    entry.LinkName = file.LinkTarget;
                else
                    entry.DataStream = new MemoryStream(file.Content);
                writer.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A gzip-compressed tar, like an npm tarball.</summary>
    public static byte[] TarGz(IEnumerable<TestFile> files) => Gzip(Tar(files));

    /// <summary>A gzip-compressed tar in the given tar format.</summary>
    public static byte[] TarGz(IEnumerable<TestFile> files, TarEntryFormat format) => Gzip(Tar(files, format));

    /// <summary>An npm-style tarball: every path is placed under <c>package/</c>.</summary>
    public static byte[] NpmTarball(params TestFile[] files) =>
        TarGz(files.Select(f => f with { Path = "package/" + f.Path }));

    /// <summary>
    /// An npm-style tarball whose bytes are the same on every run, machine and .NET version, for
    /// reports that print the artifact's size and SHA-256: entries carry <see cref="FixedTime"/>,
    /// and the gzip stream uses stored (uncompressed) blocks, whose layout no zlib update changes.
    /// The tar is ustar: TarWriter names PAX extended headers after the process id.
    /// </summary>
    public static byte[] ReproducibleNpmTarball(params TestFile[] files)
    {
        var tar = Tar(files.Select(f => f with { Path = "package/" + f.Path }), TarEntryFormat.Ustar, FixedTime);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.NoCompression, leaveOpen: true))
            gzip.Write(tar);
        var bytes = buffer.ToArray();
        // The header's OS byte names the platform that compressed; pin it to Unix (RFC 1952: 3).
        bytes[9] = 3;
        return bytes;
    }

    /// <summary>Gzip-compresses bytes.</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return buffer.ToArray();
    }

    /// <summary>A zip archive (also the shape of .nupkg, .whl, .jar and .vsix).</summary>
    public static byte[] Zip(IEnumerable<TestFile> files) => Zip(files, CompressionLevel.Fastest);

    /// <summary>A zip archive compressed at the given level (<see cref="CompressionLevel.SmallestSize"/> for bombs).</summary>
    public static byte[] Zip(IEnumerable<TestFile> files, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Path, level);
                if (file.LinkTarget is not null)
                {
                    // Unix symlink: S_IFLNK in the high 16 bits of the external attributes, target as content.
                    entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
                    using var link = entry.Open();
                    link.Write(Encoding.UTF8.GetBytes(file.LinkTarget));
                    continue;
                }
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Writes bytes to a new file in a fresh temporary directory and returns its path.</summary>
    public static string WriteTemp(byte[] data, string fileName)
    {
        var dir = Directory.CreateTempSubdirectory("packguard-test-").FullName;
        var path = System.IO.Path.Combine(dir, fileName);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static TarEntryType RegularFile(TarEntryFormat format) =>
        format == TarEntryFormat.V7 ? TarEntryType.V7RegularFile : TarEntryType.RegularFile;
}
