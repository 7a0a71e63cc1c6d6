using System.IO.Compression;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class ArchiveLimitsTests
{
    [Fact]
    public void An_entry_declared_larger_than_the_limit_is_delivered_up_to_the_limit_and_truncated()
    {
        var data = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var tarball = TestArchive.NpmTarball(new TestFile("big.bin", data), TestFile.Text("next.js", "next"));

        var outcome = Walk.Bytes(tarball, "big.tgz", new ArtifactLimits(MaxEntrySize: 1000));

        var big = outcome.Visitor["package/big.bin"];
        big.Content.ShouldBe(data[..1000]);
        big.Head.ShouldBe(data[..1000]);
        big.Truncated.ShouldBe(true);
        outcome.Visitor["package/next.js"].Text.ShouldBe("next");
        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Location.Path.ShouldBe("package/big.bin");
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("entrySize");
        finding.Properties["value"]!.GetValue<long>().ShouldBe(5000);
        finding.Properties["max"]!.GetValue<long>().ShouldBe(1000);
        finding.Properties["declared"]!.GetValue<bool>().ShouldBeTrue();
        finding.Fingerprint.ShouldBe(Fingerprint.Compute(ArchiveRules.LimitsExceeded, "package/big.bin", "entrySize"));
    }

    [Fact]
    public void An_entry_without_a_declared_size_is_cut_when_its_bytes_cross_the_limit()
    {
        var data = new byte[300_000];
        new Random(11).NextBytes(data);

        var outcome = Walk.Bytes(TestArchive.Gzip(data), "blob.bin.gz", new ArtifactLimits(MaxEntrySize: 200_000));

        var entry = outcome.Visitor["blob.bin"];
        entry.Content.ShouldBe(data[..200_000]);
        entry.Truncated.ShouldBe(true);
        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("entrySize");
        finding.Properties["declared"]!.GetValue<bool>().ShouldBeFalse();
        finding.Properties["value"]!.GetValue<long>().ShouldBeGreaterThan(200_000);
    }

    [Fact]
    public void A_nested_archive_larger_than_the_entry_limit_is_still_walked_entry_by_entry()
    {
        var files = Enumerable.Range(0, 8).Select(i => new TestFile($"part{i}.bin", RandomBytes(4000 + i))).ToArray();
        var inner = TestArchive.Tar(files.Select(f => f with { Path = "package/" + f.Path }));

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("parts.tar", inner)), "pkg.tgz", new ArtifactLimits(MaxEntrySize: 5000));

        inner.Length.ShouldBeGreaterThan(5000);
        outcome.Findings.ShouldBeEmpty();
        outcome.Visitor["package/parts.tar!package/part7.bin"].Content.ShouldBe(files[7].Content);
    }

    [Fact]
    public void Crossing_the_total_size_reports_once_and_stops_reading()
    {
        var tarball = TestArchive.NpmTarball(
            new TestFile("a.bin", new byte[600]),
            new TestFile("b.bin", new byte[600]),
            new TestFile("c.bin", new byte[600]));

        var outcome = Walk.Bytes(tarball, "total.tgz", new ArtifactLimits(MaxTotalSize: 1000));

        outcome.Visitor.Paths.ShouldBe(["package/a.bin", "package/b.bin"]);
        outcome.Visitor["package/a.bin"].Content.Length.ShouldBe(600);
        outcome.Visitor["package/b.bin"].Content.Length.ShouldBe(400);
        outcome.Visitor["package/b.bin"].Truncated.ShouldBe(true);
        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Location.Path.ShouldBe("package/b.bin");
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("totalSize");
        finding.Properties["max"]!.GetValue<long>().ShouldBe(1000);
    }

    [Fact]
    public void More_entries_than_the_limit_reports_once_and_stops()
    {
        var files = Enumerable.Range(0, 10).Select(i => TestFile.Text($"f{i}.js", "x")).ToArray();

        var outcome = Walk.Bytes(TestArchive.NpmTarball(files), "many.tgz", new ArtifactLimits(MaxEntries: 4));

        outcome.Visitor.Paths.Count().ShouldBe(4);
        outcome.Summary.EntryCount.ShouldBe(4);
        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Location.Path.ShouldBe("package/f4.js");
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("entryCount");
        finding.Properties["value"]!.GetValue<long>().ShouldBe(5);
        finding.Properties["max"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public void The_entry_limit_counts_nested_entries()
    {
        var inner = TestArchive.NpmTarball(TestFile.Text("a.js", "a"), TestFile.Text("b.js", "b"), TestFile.Text("c.js", "c"));

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("dep.tgz", inner), TestFile.Text("z.js", "z")),
            "outer.tgz", new ArtifactLimits(MaxEntries: 3));

        outcome.Visitor.Paths.ShouldBe(["package/dep.tgz", "package/dep.tgz!package/a.js", "package/dep.tgz!package/b.js"]);
        outcome.Single(ArchiveRules.LimitsExceeded).Location.Path.ShouldBe("package/dep.tgz!package/c.js");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_gzip_bomb_ends_in_a_high_finding_not_a_hang(bool readAhead)
    {
        var bomb = TestArchive.NpmTarball(new TestFile("zeros.bin", new byte[8 * 1024 * 1024]), TestFile.Text("after.js", "never"));
        var limits = new ArtifactLimits(MaxCompressionRatio: 50) { RatioThreshold = 1024 * 1024 };

        var outcome = Walk.Bytes(bomb, "bomb.tgz", limits, readAhead: readAhead);

        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("package/zeros.bin");
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("compressionRatio");
        finding.Properties["value"]!.GetValue<double>().ShouldBeGreaterThan(50);
        finding.Properties["max"]!.GetValue<double>().ShouldBe(50);
        finding.Properties["expandedBytes"]!.GetValue<long>().ShouldBeLessThan(8 * 1024 * 1024);
        outcome.Visitor["package/zeros.bin"].Truncated.ShouldBe(true);
        outcome.Visitor.Paths.ShouldNotContain("package/after.js"); // the rest of that stream is not read
    }

    [Fact]
    public void A_zip_bomb_entry_is_stopped_and_the_next_entry_is_read()
    {
        var zip = TestArchive.Zip([new TestFile("zeros.bin", new byte[6 * 1024 * 1024]), TestFile.Text("after.txt", "after")],
            CompressionLevel.SmallestSize);
        var limits = new ArtifactLimits(MaxCompressionRatio: 100) { RatioThreshold = 512 * 1024 };

        var outcome = Walk.Bytes(zip, "bomb.zip", limits);

        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("zeros.bin");
        finding.Message.ShouldContain("zip entry");
        outcome.Visitor["zeros.bin"].Truncated.ShouldBe(true);
        outcome.Visitor["after.txt"].Text.ShouldBe("after");
    }

    [Fact]
    public void A_zip_bomb_is_found_even_when_no_inspector_reads_it()
    {
        var zip = TestArchive.Zip([new TestFile("zeros.bin", new byte[6 * 1024 * 1024])], CompressionLevel.SmallestSize);
        var limits = new ArtifactLimits(MaxCompressionRatio: 100) { RatioThreshold = 512 * 1024 };

        var outcome = Walk.Bytes(zip, "bomb.zip", limits, new RecordingVisitor(_ => false));

        outcome.Single(ArchiveRules.LimitsExceeded).Properties["limit"]!.GetValue<string>().ShouldBe("compressionRatio");
    }

    [Fact]
    public void A_gzip_bomb_nested_in_a_tar_stops_that_stream_only()
    {
        var bomb = TestArchive.Gzip(new byte[4 * 1024 * 1024]);
        var tar = TestArchive.Tar([new TestFile("package/data.gz", bomb), TestFile.Text("package/after.js", "after")]);
        var limits = new ArtifactLimits(MaxCompressionRatio: 50) { RatioThreshold = 256 * 1024 };

        var outcome = Walk.Bytes(tar, "pkg.tar", limits);

        outcome.Single(ArchiveRules.LimitsExceeded).Location.Path.ShouldBe("package/data.gz!data");
        outcome.Visitor["package/after.js"].Text.ShouldBe("after");
    }

    [Fact]
    public void Nested_archives_whose_ratios_multiply_past_the_limit_are_stopped_as_a_whole()
    {
        // Each level stays under the 20:1 limit (the code ~3:1, ten copies of its tarball ~12:1);
        // the whole expands ~27 times its size, as a 42.zip-like bomb does at a larger scale.
        var code = string.Concat(Enumerable.Range(0, 1500).Select(i => $"var v{i % 300} = {i % 7};\n"));
        var inner = TestArchive.TarGz([TestFile.Text("lib/code.js", code)]);
        var outer = TestArchive.NpmTarball([.. Enumerable.Range(0, 10).Select(i => new TestFile($"vendor/copy{i}.tgz", inner))]);
        var limits = new ArtifactLimits(MaxCompressionRatio: 20) { RatioThreshold = 64 * 1024 };

        var outcome = Walk.Bytes(outer, "nested.tgz", limits);

        var finding = outcome.Single(ArchiveRules.LimitsExceeded);
        finding.Severity.ShouldBe(Severity.High);
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("compressionRatio");
        finding.Message.ShouldContain("artifact as a whole");
        finding.Properties["compressedBytes"]!.GetValue<long>().ShouldBe(outer.Length);
        outcome.Visitor.Paths.ShouldNotContain("package/vendor/copy9.tgz!lib/code.js");
    }

    [Fact]
    public void Ordinary_compressible_content_below_the_threshold_is_not_a_bomb()
    {
        var text = string.Concat(Enumerable.Repeat("const a = 1;\n", 50_000)); // ~650 KB, compresses very well

        var outcome = Walk.Bytes(TestArchive.NpmTarball(TestFile.Text("index.js", text)), "ok.tgz");

        outcome.Findings.ShouldBeEmpty();
        outcome.Visitor["package/index.js"].Text.ShouldBe(text);
    }

    [Fact]
    public void A_nested_zip_too_large_to_buffer_is_read_as_a_truncated_plain_file()
    {
        var zip = TestArchive.Zip([new TestFile("random.bin", RandomBytes(50_000))], CompressionLevel.NoCompression);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("big.zip", zip)), "pkg.tgz", new ArtifactLimits(MaxEntrySize: 10_000));

        outcome.Visitor.Paths.ShouldBe(["package/big.zip"]);
        outcome.Visitor["package/big.zip"].Content.Length.ShouldBe(10_000);
        outcome.Single(ArchiveRules.LimitsExceeded).Properties["limit"]!.GetValue<string>().ShouldBe("entrySize");
    }

    private static byte[] RandomBytes(int count)
    {
        var data = new byte[count];
        new Random(count).NextBytes(data);
        return data;
    }
}
