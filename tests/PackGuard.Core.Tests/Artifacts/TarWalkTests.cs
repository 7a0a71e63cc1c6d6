using System.Formats.Tar;
using System.Text;
using PackGuard.Artifacts;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class TarWalkTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_npm_tarball_yields_its_entries_in_order_with_their_content(bool readAhead)
    {
        var tarball = TestArchive.NpmTarball(
            TestFile.Text("package.json", """{"name":"demo","version":"1.0.0"}"""),
            TestFile.Text("index.js", "module.exports = 42;\n"),
            TestFile.Text("lib/util.js", "exports.x = 1;\n"));

        var outcome = Walk.Bytes(tarball, "demo-1.0.0.tgz", readAhead: readAhead);

        outcome.Visitor.Paths.ShouldBe(["package/package.json", "package/index.js", "package/lib/util.js"]);
        outcome.Visitor["package/index.js"].Text.ShouldBe("module.exports = 42;\n");
        outcome.Visitor["package/index.js"].Truncated.ShouldBe(false);
        outcome.Visitor["package/index.js"].Entry.ShouldBe(new ArtifactEntry("package/index.js", EntryKind.File, 21, null, 0));
        outcome.Summary.ShouldBe(new WalkSummary(ArchiveFormat.Gzip, 3, 33 + 21 + 15));
        outcome.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TarEntryFormat.Ustar)]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    [InlineData(TarEntryFormat.V7)]
    public void Every_tar_format_is_read(TarEntryFormat format)
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", "alpha"), TestFile.Text("package/b.txt", "beta")], format);

        var outcome = Walk.Bytes(tar, "plain.tar");

        outcome.Summary.Format.ShouldBe(ArchiveFormat.Tar);
        outcome.Visitor.Paths.ShouldBe(["package/a.txt", "package/b.txt"]);
        outcome.Visitor["package/b.txt"].Text.ShouldBe("beta");
    }

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void Long_names_survive(TarEntryFormat format)
    {
        var longName = "package/" + string.Join('/', Enumerable.Range(0, 12).Select(i => $"directory-{i:00}")) + "/file-with-a-long-name.js";
        longName.Length.ShouldBeGreaterThan(100);

        var outcome = Walk.Bytes(TestArchive.TarGz([TestFile.Text(longName, "x")], format), "long.tgz");

        outcome.Visitor.Paths.ShouldBe([longName]);
        outcome.Visitor[longName].Text.ShouldBe("x");
    }

    [Fact]
    public void A_ustar_name_split_into_prefix_and_name_is_joined()
    {
        var name = new string('d', 120) + "/file.txt"; // over 100 characters: ustar stores a prefix
        var outcome = Walk.Bytes(TestArchive.TarGz([TestFile.Text(name, "ok")], TarEntryFormat.Ustar), "ustar.tgz");

        outcome.Visitor.Paths.ShouldBe([name]);
    }

    [Fact]
    public void A_leading_dot_slash_is_removed_and_the_root_directory_is_skipped()
    {
        var tar = WithDirectory("./", TestArchive.Tar([TestFile.Text("./package/index.js", "x")]));

        var outcome = Walk.Bytes(TestArchive.Gzip(tar), "dots.tgz");

        outcome.Visitor.Paths.ShouldBe(["package/index.js"]);
        outcome.Summary.EntryCount.ShouldBe(1);
    }

    [Fact]
    public void Directories_and_links_are_reported_with_an_empty_head_and_no_content()
    {
        var tar = WithDirectory("package/lib/", TestArchive.Tar([
            TestFile.Text("package/lib/a.js", "a"),
            TestFile.Symlink("package/lib/b.js", "a.js"),
            TestFile.Hardlink("package/lib/c.js", "package/lib/a.js"),
        ]));

        var outcome = Walk.Bytes(tar, "kinds.tar");

        var directory = outcome.Visitor["package/lib"];
        directory.Entry.Kind.ShouldBe(EntryKind.Directory);
        directory.Head.ShouldBeEmpty();
        directory.Completions.ShouldBe(0);
        var symlink = outcome.Visitor["package/lib/b.js"];
        symlink.Entry.ShouldBe(new ArtifactEntry("package/lib/b.js", EntryKind.SymbolicLink, null, "a.js", 0));
        symlink.Completions.ShouldBe(0);
        outcome.Visitor["package/lib/c.js"].Entry.Kind.ShouldBe(EntryKind.HardLink);
        outcome.Visitor["package/lib/c.js"].Entry.LinkTarget.ShouldBe("package/lib/a.js");
        outcome.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void The_head_is_the_first_8_KiB_and_the_content_arrives_whole_in_chunks()
    {
        var data = new byte[1_000_000];
        new Random(7).NextBytes(data);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("big.bin", data)), "big.tgz");

        var entry = outcome.Visitor["package/big.bin"];
        entry.Head.ShouldBe(data[..ContentSniffer.HeadSize]);
        entry.Content.ShouldBe(data);
        entry.Chunks.ShouldBeGreaterThan(1);
        entry.Truncated.ShouldBe(false);
    }

    [Fact]
    public void Entries_nobody_wants_are_skipped_and_the_walk_goes_on()
    {
        var visitor = new RecordingVisitor(e => e.Path.EndsWith(".js", StringComparison.Ordinal));
        var tarball = TestArchive.NpmTarball(
            new TestFile("blob.bin", new byte[300_000]),
            TestFile.Text("index.js", "after the blob"));

        var outcome = Walk.Bytes(tarball, "skip.tgz", visitor: visitor);

        outcome.Visitor["package/blob.bin"].Completions.ShouldBe(0);
        outcome.Visitor["package/index.js"].Text.ShouldBe("after the blob");
        outcome.Summary.ExpandedBytes.ShouldBe(300_000 + 14);
    }

    [Fact]
    public void An_empty_file_is_delivered_as_empty_and_complete()
    {
        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("empty.txt", [])), "empty.tgz");

        var entry = outcome.Visitor["package/empty.txt"];
        entry.Head.ShouldBeEmpty();
        entry.Content.ShouldBeEmpty();
        entry.Truncated.ShouldBe(false);
    }

    [Fact]
    public void Format_is_detected_by_content_not_by_extension()
    {
        var tarball = TestArchive.NpmTarball(TestFile.Text("index.js", "x"));

        var outcome = Walk.Bytes(tarball, "misnamed.zip");

        outcome.Summary.Format.ShouldBe(ArchiveFormat.Gzip);
        outcome.Visitor.Paths.ShouldBe(["package/index.js"]);
    }

    /// <summary>Prepends a ustar directory entry, which TestArchive does not write.</summary>
    private static byte[] WithDirectory(string name, byte[] tar)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name));
        var directory = buffer.ToArray();
        // Drop the writer's two end-of-archive blocks before appending the rest.
        return [.. directory.AsSpan(0, directory.Length - 1024), .. tar];
    }

    [Fact]
    public void Text_heads_are_what_the_file_starts_with()
    {
        var outcome = Walk.Bytes(TestArchive.NpmTarball(TestFile.Text("README.md", "# Demo\n")), "readme.tgz");

        Encoding.UTF8.GetString(outcome.Visitor["package/README.md"].Head).ShouldBe("# Demo\n");
    }
}
