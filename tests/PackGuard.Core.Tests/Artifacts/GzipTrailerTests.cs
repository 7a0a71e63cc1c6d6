using System.Text;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

/// <summary>
/// .NET's gzip decoder takes input that stops mid-stream for a clean end; the walker checks the
/// trailer's length so that a cut-off file is unreadable, while concatenated members stay valid.
/// </summary>
public sealed class GzipTrailerTests
{
    private static readonly byte[] Tarball = TestArchive.TarGz(
    [
        TestFile.Text("package/package.json", """{"name":"a","version":"1.0.0"}"""),
        new TestFile("package/data.bin", [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251))]),
    ]);

    [Theory]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(600)]
    public void A_gzip_cut_before_its_content_forms_a_tar_is_unreadable(int keep)
    {
        var error = Walk.Unreadable(Tarball[..keep], "cut.tgz");

        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_cut_off_plain_gzip_is_unreadable()
    {
        var text = TestArchive.Gzip(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\n"))));

        Walk.Unreadable(text[..(text.Length - 20)], "log.txt.gz").Message.ShouldContain("trailer");
    }

    [Fact]
    public void Concatenated_gzip_members_are_read_as_one_stream()
    {
        var multi = TestArchive.Gzip("first\n"u8.ToArray()).Concat(TestArchive.Gzip("second\n"u8.ToArray())).ToArray();

        var outcome = Walk.Bytes(multi, "notes.txt.gz");

        outcome.Findings.ShouldBeEmpty();
        Encoding.ASCII.GetString(outcome.Visitor["notes.txt"].Content).ShouldBe("first\nsecond\n");
    }

    [Fact]
    public void A_tarball_followed_by_another_member_is_still_read()
    {
        var outcome = Walk.Bytes([.. Tarball, .. TestArchive.Gzip("trailing\n"u8.ToArray())], "pkg.tgz");

        outcome.Summary.EntryCount.ShouldBe(2);
    }
}
