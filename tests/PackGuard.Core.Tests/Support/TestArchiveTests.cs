using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using PackGuard.Artifacts;

namespace PackGuard.Tests.Support;

/// <summary>
/// The reproducible tarball backs snapshots that print a SHA-256; if its bytes drifted with the
/// clock, the platform or a zlib update, those snapshots would fail for no reason of their own.
/// </summary>
public sealed class TestArchiveTests
{
    private static readonly TestFile[] Files =
    [
        TestFile.Text("package.json", """{"name":"demo","version":"1.0.0"}"""),
        TestFile.Text("index.js", "module.exports = 42;\n"),
    ];

    [Fact]
    public void A_reproducible_tarball_has_the_same_bytes_everywhere()
    {
        var tarball = TestArchive.ReproducibleNpmTarball(Files);

        // Pinned once: a change here means every snapshot that prints a hash changes with it.
        Convert.ToHexStringLower(SHA256.HashData(tarball))
            .ShouldBe("a12887f538a16aff920157839fe12df2c12fe2606d17202035e884e2682d0bef");
    }

    [Fact]
    public void A_reproducible_tarball_is_a_gzip_of_an_npm_tar()
    {
        var outcome = Walk.Bytes(TestArchive.ReproducibleNpmTarball(Files), "demo-1.0.0.tgz");

        outcome.Summary.Format.ShouldBe(ArchiveFormat.Gzip);
        outcome.Visitor["package/index.js"].Text.ShouldBe("module.exports = 42;\n");
    }

    [Fact]
    public void Entries_of_a_reproducible_tarball_carry_the_fixed_time()
    {
        using var tar = new GZipStream(new MemoryStream(TestArchive.ReproducibleNpmTarball(Files)), CompressionMode.Decompress);
        using var reader = new TarReader(tar);

        var times = new List<DateTimeOffset>();
        while (reader.GetNextEntry() is { } entry)
            times.Add(entry.ModificationTime);

        times.ShouldBe([TestArchive.FixedTime, TestArchive.FixedTime]);
    }
}
