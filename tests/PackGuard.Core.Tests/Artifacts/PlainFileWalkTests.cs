using System.Text;
using PackGuard.Artifacts;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class PlainFileWalkTests
{
    [Fact]
    public void A_file_that_is_no_archive_is_one_entry_named_by_its_file_name()
    {
        var outcome = Walk.Bytes(Encoding.UTF8.GetBytes("console.log('hi');\n"), "cli.js");

        outcome.Summary.ShouldBe(new WalkSummary(ArchiveFormat.None, 1, 19));
        var entry = outcome.Visitor.Entries.ShouldHaveSingleItem();
        entry.Entry.ShouldBe(new ArtifactEntry("cli.js", EntryKind.File, 19, null, 0));
        entry.Text.ShouldBe("console.log('hi');\n");
        entry.Truncated.ShouldBe(false);
    }

    [Fact]
    public void An_empty_file_is_one_empty_entry()
    {
        var outcome = Walk.Bytes([], "empty.bin");

        outcome.Visitor["empty.bin"].Content.ShouldBeEmpty();
        outcome.Visitor["empty.bin"].Truncated.ShouldBe(false);
    }

    [Fact]
    public void An_unsupported_container_is_read_as_a_plain_file()
    {
        var xz = new byte[] { 0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00, 1, 2, 3 };

        var outcome = Walk.Bytes(xz, "package.tar.xz");

        outcome.Summary.Format.ShouldBe(ArchiveFormat.Unsupported);
        outcome.Visitor["package.tar.xz"].Content.ShouldBe(xz);
        outcome.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bundle.js.gz", "bundle.js")]
    [InlineData("bundle.js.GZ", "bundle.js")]
    [InlineData("data", "data")]
    public void A_gzip_of_a_plain_file_is_one_entry_named_without_gz(string fileName, string entryName)
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("var a = 1;\n", 2000)));

        var outcome = Walk.Bytes(TestArchive.Gzip(content), fileName);

        outcome.Summary.ShouldBe(new WalkSummary(ArchiveFormat.Gzip, 1, content.Length));
        var entry = outcome.Visitor.Entries.ShouldHaveSingleItem();
        entry.Entry.ShouldBe(new ArtifactEntry(entryName, EntryKind.File, null, null, 0));
        entry.Content.ShouldBe(content);
    }

    [Fact]
    public void A_tgz_whose_content_is_not_a_tar_is_named_as_a_tar()
    {
        var outcome = Walk.Bytes(TestArchive.Gzip(Encoding.UTF8.GetBytes("not a tar")), "odd.tgz");

        outcome.Visitor.Paths.ShouldBe(["odd.tar"]);
        outcome.Visitor["odd.tar"].Text.ShouldBe("not a tar");
    }

    [Fact]
    public void A_missing_file_is_unreadable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "packguard-missing-" + Guid.NewGuid().ToString("N"), "x.tgz");

        var error = Should.Throw<ArtifactUnreadableException>(() => Walk.File(missing));

        error.ArtifactPath.ShouldBe(missing);
        error.Message.ShouldStartWith($"Cannot read '{missing}': the file cannot be opened");
    }
}
