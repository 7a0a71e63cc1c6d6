using System.Text;
using PackGuard.Artifacts;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class NestedArchiveTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_tgz_inside_a_tgz_is_walked_with_bang_names_one_level_deeper(bool readAhead)
    {
        var inner = TestArchive.NpmTarball(TestFile.Text("index.js", "inner"));
        var outer = TestArchive.NpmTarball(
            new TestFile("vendor/dep.tgz", inner),
            TestFile.Text("after.js", "outer"));

        var outcome = Walk.Bytes(outer, "outer.tgz", readAhead: readAhead);

        outcome.Visitor.Paths.ShouldBe(["package/vendor/dep.tgz", "package/vendor/dep.tgz!package/index.js", "package/after.js"]);
        var innerEntry = outcome.Visitor["package/vendor/dep.tgz!package/index.js"];
        innerEntry.Entry.ShouldBe(new ArtifactEntry("package/vendor/dep.tgz!package/index.js", EntryKind.File, 5, null, 1));
        innerEntry.Text.ShouldBe("inner");
        innerEntry.Entry.InnerPath.ShouldBe("package/index.js");
        innerEntry.Entry.ContainerPrefix.ShouldBe("package/vendor/dep.tgz!");
        outcome.Visitor["package/after.js"].Text.ShouldBe("outer");
        outcome.Summary.EntryCount.ShouldBe(3);
        outcome.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void The_nested_archive_itself_is_announced_with_an_empty_head_and_gets_no_content()
    {
        var inner = TestArchive.NpmTarball(TestFile.Text("index.js", "inner"));

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("dep.tgz", inner)), "outer.tgz");

        var archive = outcome.Visitor["package/dep.tgz"];
        archive.Entry.NestedArchive.ShouldBe(ArchiveFormat.Gzip);
        archive.Entry.Size.ShouldBe(inner.Length);
        archive.Head.ShouldBeEmpty();
        archive.Completions.ShouldBe(0);
        archive.Chunks.ShouldBe(0);
    }

    [Fact]
    public void A_zip_inside_a_tgz_is_buffered_and_walked()
    {
        var zip = TestArchive.Zip([TestFile.Text("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")]);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("lib/tool.jar", zip)), "pkg.tgz");

        var manifest = outcome.Visitor["package/lib/tool.jar!META-INF/MANIFEST.MF"];
        manifest.Text.ShouldBe("Manifest-Version: 1.0\n");
        manifest.Entry.Depth.ShouldBe(1);
        outcome.Visitor["package/lib/tool.jar"].Entry.NestedArchive.ShouldBe(ArchiveFormat.Zip);
    }

    [Fact]
    public void A_jar_inside_a_zip_inside_a_tgz_is_two_levels_deep()
    {
        var jar = TestArchive.Zip([TestFile.Text("com/acme/App.class", "cafebabe")]);
        var zip = TestArchive.Zip([new TestFile("libs/app.jar", jar), TestFile.Text("readme.txt", "hi")]);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("dist/bundle.zip", zip)), "pkg.tgz");

        outcome.Visitor.Paths.ShouldBe([
            "package/dist/bundle.zip",
            "package/dist/bundle.zip!libs/app.jar",
            "package/dist/bundle.zip!libs/app.jar!com/acme/App.class",
            "package/dist/bundle.zip!readme.txt",
        ]);
        outcome.Visitor["package/dist/bundle.zip!libs/app.jar!com/acme/App.class"].Entry.Depth.ShouldBe(2);
        outcome.Visitor["package/dist/bundle.zip!libs/app.jar!com/acme/App.class"].Text.ShouldBe("cafebabe");
    }

    [Fact]
    public void A_jar_inside_a_top_level_zip_is_walked()
    {
        var jar = TestArchive.Zip([TestFile.Text("META-INF/MANIFEST.MF", "m")]);

        var outcome = Walk.Bytes(TestArchive.Zip([new TestFile("tools/x.jar", jar)]), "ext.vsix");

        outcome.Visitor.Paths.ShouldBe(["tools/x.jar", "tools/x.jar!META-INF/MANIFEST.MF"]);
    }

    [Fact]
    public void A_gzip_of_a_plain_file_inside_a_tar_is_one_nested_entry()
    {
        var data = Encoding.UTF8.GetBytes("{\"big\": true}");

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("data/config.json.gz", TestArchive.Gzip(data))), "pkg.tgz");

        outcome.Visitor["package/data/config.json.gz!config.json"].Content.ShouldBe(data);
        outcome.Visitor["package/data/config.json.gz!config.json"].Entry.Depth.ShouldBe(1);
    }

    [Fact]
    public void A_gzip_compressed_zip_has_no_declared_size_and_is_buffered_as_it_arrives()
    {
        var zip = TestArchive.Zip([TestFile.Text("inner.txt", "inside")]);

        var outcome = Walk.Bytes(TestArchive.Gzip(zip), "bundle.zip.gz");

        outcome.Visitor.Paths.ShouldBe(["bundle.zip", "bundle.zip!inner.txt"]);
        outcome.Visitor["bundle.zip"].Entry.Size.ShouldBeNull();
        outcome.Visitor["bundle.zip!inner.txt"].Text.ShouldBe("inside");
    }

    [Fact]
    public void A_gzip_compressed_zip_larger_than_the_entry_limit_is_reported_and_skipped()
    {
        var zip = TestArchive.Zip([new TestFile("random.bin", RandomBytes(300_000))], System.IO.Compression.CompressionLevel.NoCompression);

        var outcome = Walk.Bytes(TestArchive.Gzip(zip), "bundle.zip.gz", new ArtifactLimits(MaxEntrySize: 100_000));

        outcome.Visitor.Paths.ShouldBe(["bundle.zip"]);
        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Location.Path.ShouldBe("bundle.zip");
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("entrySize");
    }

    [Fact]
    public void A_nested_zip_that_declares_more_than_it_holds_is_corrupt_not_a_memory_hog()
    {
        var zip = TestArchive.Zip([TestFile.Text("a.txt", "a")]);
        var central = zip.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x01, 0x02]);
        BitConverter.GetBytes(400_000_000).CopyTo(zip, central + 24);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("liar.zip", zip), TestFile.Text("z.js", "z")), "pkg.tgz");

        outcome.Single(ArchiveRules.Corrupt).Message.ShouldContain("reading stopped at 'package/liar.zip!a.txt'");
        outcome.Visitor["package/z.js"].Text.ShouldBe("z");
    }

    [Fact]
    public void Archives_nested_deeper_than_the_limit_are_read_as_plain_files()
    {
        var innermost = TestArchive.Tar([TestFile.Text("deep.txt", "deep")]);
        var middle = TestArchive.NpmTarball(new TestFile("inner.tar", innermost));
        var outer = TestArchive.NpmTarball(new TestFile("middle.tgz", middle));

        var outcome = Walk.Bytes(outer, "outer.tgz", new ArtifactLimits(MaxDepth: 1));

        outcome.Visitor.Paths.ShouldBe(["package/middle.tgz", "package/middle.tgz!package/inner.tar"]);
        var plain = outcome.Visitor["package/middle.tgz!package/inner.tar"];
        plain.Entry.NestedArchive.ShouldBe(ArchiveFormat.None);
        plain.Content.ShouldBe(innermost);
        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Location.Path.ShouldBe("package/middle.tgz!package/inner.tar");
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("depth");
        finding.Properties["value"]!.GetValue<int>().ShouldBe(2);
        finding.Properties["max"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void Depth_zero_opens_no_nested_archive()
    {
        var inner = TestArchive.NpmTarball(TestFile.Text("index.js", "x"));

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("dep.tgz", inner)), "outer.tgz", new ArtifactLimits(MaxDepth: 0));

        outcome.Visitor.Paths.ShouldBe(["package/dep.tgz"]);
        outcome.Visitor["package/dep.tgz"].Content.ShouldBe(inner);
        outcome.Single(ArchiveRules.LimitsExceeded).Properties["limit"]!.GetValue<string>().ShouldBe("depth");
    }

    [Fact]
    public void Nested_entries_count_towards_the_summary()
    {
        var inner = TestArchive.NpmTarball(TestFile.Text("a.js", "aa"), TestFile.Text("b.js", "bbb"));

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("dep.tgz", inner), TestFile.Text("c.js", "c")), "outer.tgz");

        outcome.Summary.EntryCount.ShouldBe(4);
        outcome.Summary.ExpandedBytes.ShouldBe(2 + 3 + 1); // the nested archive's raw bytes are not content
    }

    private static byte[] RandomBytes(int count)
    {
        var data = new byte[count];
        new Random(count).NextBytes(data);
        return data;
    }
}
