using System.IO.Compression;
using System.Text;
using PackGuard.Artifacts;
using PackGuard.Artifacts.Streams;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Streams;

public sealed class ZipChecksumStreamTests
{
    private static readonly byte[] Content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}\n")));

    [Fact]
    public void Content_that_matches_its_checksum_reads_through()
    {
        using var stream = new ZipChecksumStream(new MemoryStream(Content), Crc32.Compute(Content));

        stream.ReadExactly(new byte[Content.Length]);
        stream.Read(new byte[16]).ShouldBe(0);
    }

    [Fact]
    public void Content_that_does_not_match_its_checksum_is_refused_at_its_end()
    {
        using var stream = new ZipChecksumStream(new MemoryStream(Content), Crc32.Compute(Content) ^ 1);

        stream.ReadExactly(new byte[Content.Length]);
        Should.Throw<InvalidDataException>(() => stream.Read(new byte[16])).Message.ShouldContain("CRC-32");
    }

    [Fact]
    public void A_zip_entry_that_understates_its_size_is_unreadable_rather_than_read_short()
    {
        // .NET inflates only the 16 bytes the headers declare; the payload after them would go unseen.
        var payload = Encoding.ASCII.GetBytes("module.exports=1;" + new string(' ', 100_000) + "require('child_process').exec('sh');");
        var zip = TestArchive.Zip([new TestFile("package/index.js", payload)], CompressionLevel.Optimal);
        new ZipPatch(zip).SetUncompressedSize(0, 16);

        var error = Walk.Unreadable(zip, "understated.zip");

        error.Message.ShouldContain("CRC-32");
        error.EntryPath.ShouldBe("package/index.js");
    }

    [Fact]
    public void A_nested_zip_entry_that_understates_its_size_is_a_corrupt_archive_finding()
    {
        var inner = TestArchive.Zip([TestFile.Text("index.js", "module.exports = 1;\n" + new string(' ', 5000))], CompressionLevel.Optimal);
        new ZipPatch(inner).SetUncompressedSize(0, 8);
        var outer = TestArchive.NpmTarball(new TestFile("vendor/lib.zip", inner));

        var outcome = Walk.Bytes(outer, "outer.tgz");

        outcome.Single(ArchiveRules.Corrupt).Message.ShouldContain("CRC-32");
    }
}
