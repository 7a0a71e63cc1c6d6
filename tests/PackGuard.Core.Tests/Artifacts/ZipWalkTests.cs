using System.IO.Compression;
using PackGuard.Artifacts;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class ZipWalkTests
{
    [Fact]
    public void A_zip_yields_its_entries_in_central_directory_order()
    {
        var zip = TestArchive.Zip([TestFile.Text("b.txt", "bee"), TestFile.Text("a/c.txt", "sea")]);

        var outcome = Walk.Bytes(zip, "files.zip");

        outcome.Summary.ShouldBe(new WalkSummary(ArchiveFormat.Zip, 2, 6));
        outcome.Visitor.Paths.ShouldBe(["b.txt", "a/c.txt"]);
        outcome.Visitor["a/c.txt"].Text.ShouldBe("sea");
        outcome.Visitor["a/c.txt"].Entry.Size.ShouldBe(3);
    }

    [Fact]
    public void A_nupkg_is_a_zip()
    {
        var nupkg = TestArchive.Zip([
            TestFile.Text("Demo.Lib.nuspec", "<package/>"),
            new TestFile("lib/net8.0/Demo.Lib.dll", [0x4D, 0x5A, 0x90, 0x00]),
            TestFile.Text("[Content_Types].xml", "<Types/>"),
        ]);

        var outcome = Walk.Bytes(nupkg, "Demo.Lib.1.0.0.nupkg");

        outcome.Summary.Format.ShouldBe(ArchiveFormat.Zip);
        outcome.Visitor.Paths.ShouldBe(["Demo.Lib.nuspec", "lib/net8.0/Demo.Lib.dll", "[Content_Types].xml"]);
        outcome.Visitor["lib/net8.0/Demo.Lib.dll"].Content.ShouldBe(new byte[] { 0x4D, 0x5A, 0x90, 0x00 });
    }

    [Fact]
    public void A_wheel_is_a_zip()
    {
        var wheel = TestArchive.Zip([
            TestFile.Text("demo/__init__.py", "VERSION = '1.0'\n"),
            TestFile.Text("demo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: demo\n"),
            TestFile.Text("demo-1.0.dist-info/RECORD", ""),
        ]);

        var outcome = Walk.Bytes(wheel, "demo-1.0-py3-none-any.whl");

        outcome.Visitor.Paths.ShouldBe(["demo/__init__.py", "demo-1.0.dist-info/METADATA", "demo-1.0.dist-info/RECORD"]);
        outcome.Visitor["demo/__init__.py"].Text.ShouldBe("VERSION = '1.0'\n");
    }

    [Fact]
    public void Directory_entries_and_unix_symlinks_are_recognised()
    {
        var zip = TestArchive.Zip([
            new TestFile("lib/", []),
            TestFile.Text("lib/real.js", "x"),
            TestFile.Symlink("lib/alias.js", "real.js"),
        ]);

        var outcome = Walk.Bytes(zip, "links.zip");

        outcome.Visitor["lib"].Entry.Kind.ShouldBe(EntryKind.Directory);
        var link = outcome.Visitor["lib/alias.js"];
        link.Entry.ShouldBe(new ArtifactEntry("lib/alias.js", EntryKind.SymbolicLink, null, "real.js", 0));
        link.Completions.ShouldBe(0);
        outcome.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Large_entries_arrive_whole()
    {
        var data = new byte[700_000];
        new Random(3).NextBytes(data);

        var outcome = Walk.Bytes(TestArchive.Zip([new TestFile("blob.bin", data)], CompressionLevel.Optimal), "blob.zip");

        outcome.Visitor["blob.bin"].Content.ShouldBe(data);
        outcome.Visitor["blob.bin"].Truncated.ShouldBe(false);
    }
}
