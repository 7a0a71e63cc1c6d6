using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static PackGuard.Cli.Tests.Hostile.HostileCorpus;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// Hostile archives through the real command line: bombs, escaping and ambiguous names, lying
/// headers and directories, damage, and sheer size. Each case builds its artifact, scans it in a
/// child process and checks the bounds in <see cref="HostileResult"/> and the problem it names.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileArchiveTests(ITestOutputHelper output)
{
    private const string LimitsExceeded = "archive/limits-exceeded";
    private const string UnsafePath = "archive/unsafe-path";
    private const string AmbiguousName = "archive/ambiguous-name";
    private const string Corrupt = "archive/corrupt";

    [Fact]
    public void A_nested_zip_bomb_of_16_by_16_by_16_by_16_zips_is_a_compression_ratio_finding()
    {
        using var run = new HostileRun(output, "nested zip bomb (42.zip-like, 64 TiB)");
        var path = run.Artifact("bomb.zip", NestedZipBomb);

        var result = run.Scan(path);

        result.ShouldReport(LimitsExceeded);
        result.ExitCode.ShouldBe(1, result.ToString());
        // Every level compresses modestly; the walk as a whole is what crosses the ratio.
        var whole = result.FindingsOf(LimitsExceeded).Where(f => Limit(f) == "compressionRatio"
            && f["message"]!.GetValue<string>().Contains("artifact as a whole", StringComparison.Ordinal)).ShouldHaveSingleItem();
        whole["severity"]!.GetValue<string>().ShouldBe("high");
        whole["location"]!["path"]!.GetValue<string>().Split('!').Length.ShouldBe(BombLevels + 1);
    }

    [Fact]
    public void A_zip_with_one_2_GiB_entry_of_zeros_is_a_compression_ratio_finding()
    {
        using var run = new HostileRun(output, "high-ratio single-entry zip (2 GiB)");
        var path = run.Artifact("ratio.zip", HighRatioZip);

        var result = run.Scan(path);

        result.ShouldReport(LimitsExceeded);
        result.ExitCode.ShouldBe(1, result.ToString());
        var ratio = result.FindingsOf(LimitsExceeded).Where(f => Limit(f) == "compressionRatio").ShouldHaveSingleItem();
        ratio["location"]!["path"]!.GetValue<string>().ShouldBe("package/data.bin");
        ratio["severity"]!.GetValue<string>().ShouldBe("high");
    }

    [Fact]
    public void A_gzip_bomb_tarball_expanding_to_6_GiB_of_zeros_is_a_compression_ratio_finding()
    {
        using var run = new HostileRun(output, "gzip bomb (.tgz, 6 GiB)");
        var path = run.Artifact("bomb.tgz", GzipBomb);
        new FileInfo(path).Length.ShouldBeLessThan(10L << 20);

        var result = run.Scan(path);

        result.ShouldReport(LimitsExceeded);
        result.ExitCode.ShouldBe(1, result.ToString());
        var ratio = result.FindingsOf(LimitsExceeded).Where(f => Limit(f) == "compressionRatio").ShouldHaveSingleItem();
        ratio["message"]!.GetValue<string>().ShouldContain("gzip stream");
        ratio["location"]!["path"]!.GetValue<string>().ShouldBe("package/zeros.bin");
    }

    [Fact]
    public void A_tar_with_dot_dot_names_absolute_paths_and_links_out_reports_each_as_an_unsafe_path()
    {
        using var run = new HostileRun(output, "escaping names and links (tar)");
        var path = run.Artifact("escape.tgz", EscapingTar);

        var result = run.Scan(path);

        result.ShouldReport(UnsafePath);
        result.ExitCode.ShouldBe(1, result.ToString());
        var reported = result.FindingsOf(UnsafePath).ToDictionary(
            f => f["location"]!["path"]!.GetValue<string>(), f => f["properties"]!["reason"]!.GetValue<string>());
        reported.ShouldBe(new Dictionary<string, string>
        {
            ["package/../../../../home/user/.bashrc"] = "parent-traversal",
            ["/etc/cron.d/backdoor"] = "absolute-path",
            ["package/config"] = "link-outside-root",
            ["package/key"] = "link-outside-root",
            ["package/shadow"] = "link-outside-root",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Duplicate_and_case_colliding_names_are_ambiguous_name_findings()
    {
        using var run = new HostileRun(output, "duplicate and case-colliding names");
        var path = run.Artifact("dup.tgz", DuplicateNamesTar);

        var result = run.Scan(path);

        result.ShouldReport(AmbiguousName);
        var reported = result.FindingsOf(AmbiguousName).Select(f =>
            (f["location"]!["path"]!.GetValue<string>(), f["properties"]!["reason"]!.GetValue<string>())).ToList();
        reported.ShouldBe([
            ("package/package.json", "duplicate"),
            ("package/index.js", "duplicate"),
            ("package/A.js", "case-collision"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_tar_header_declaring_1_GiB_over_100_bytes_of_data_is_unreadable_as_truncated()
    {
        using var run = new HostileRun(output, "tar entry larger than the file");
        var path = run.Artifact("lying.tar", TarWithOversizedHeader);

        run.Scan(path).ShouldBeUnreadable("lying.tar", "truncated");
    }

    [Fact]
    public void A_zip_entry_declaring_16_bytes_over_a_1_MiB_deflate_stream_is_unreadable_rather_than_read_short()
    {
        using var run = new HostileRun(output, "zip sizes understated (local and central)");
        var path = run.Artifact("understated.zip", ZipWithUnderstatedSize());

        run.Scan(path).ShouldBeUnreadable("understated.zip", "CRC-32", "package/index.js");
    }

    [Fact]
    public void A_zip_entry_claiming_a_compressed_size_beyond_the_file_is_unreadable()
    {
        using var run = new HostileRun(output, "zip compressed size beyond the file");
        var path = run.Artifact("overstated.zip", ZipWithOverstatedCompressedSize());

        run.Scan(path).ShouldBeUnreadable("overstated.zip");
    }

    [Fact]
    public void A_truncated_gzip_stream_is_unreadable_and_says_so()
    {
        using var run = new HostileRun(output, "truncated gzip");
        var path = run.Artifact("cut.tgz", TruncatedGzip());

        run.Scan(path).ShouldBeUnreadable("cut.tgz", "truncated");
    }

    [Fact]
    public void A_truncated_tar_is_unreadable_and_says_so()
    {
        using var run = new HostileRun(output, "truncated tar");
        var path = run.Artifact("cut.tar", TruncatedTar());

        run.Scan(path).ShouldBeUnreadable("cut.tar", "truncated");
    }

    [Fact]
    public void A_truncated_zip_is_unreadable_and_says_its_central_directory_is_missing()
    {
        using var run = new HostileRun(output, "truncated zip");
        var path = run.Artifact("cut.zip", TruncatedZip());

        run.Scan(path).ShouldBeUnreadable("cut.zip", "Central Directory");
    }

    [Theory]
    [InlineData(CentralDirectoryLie.OffsetPastEnd)]
    [InlineData(CentralDirectoryLie.LocalOffsetIntoData)]
    [InlineData(CentralDirectoryLie.EntryCount)]
    public void A_zip_with_a_lying_central_directory_is_unreadable(CentralDirectoryLie lie)
    {
        using var run = new HostileRun(output, $"lying central directory ({lie})");
        var path = run.Artifact("lying.zip", ZipWithLyingCentralDirectory(lie));

        run.Scan(path).ShouldBeUnreadable("lying.zip");
    }

    [Fact]
    public void A_zip_whose_local_header_names_another_file_than_its_central_directory_is_reported()
    {
        using var run = new HostileRun(output, "lying central directory (name differs from local header)");
        var path = run.Artifact("lying.zip", ZipWithLyingCentralDirectory(CentralDirectoryLie.NameDiffersFromLocalHeader));

        var result = run.Scan(path);

        result.ExitCode.ShouldBe(1, result.ToString());
        var finding = result.ShouldReport(AmbiguousName);
        finding["severity"]!.GetValue<string>().ShouldBe("high");
        finding["properties"]!["reason"]!.GetValue<string>().ShouldBe("local-header-mismatch");
        finding["properties"]!["localName"]!.GetValue<string>().ShouldBe("package/pwned.sh");
        finding["location"]!["path"]!.GetValue<string>().ShouldBe("package/index.js");
    }

    [Fact]
    public void Names_with_invalid_UTF_8_and_control_characters_are_ambiguous_name_findings()
    {
        using var run = new HostileRun(output, "invalid UTF-8 and control characters in names");
        var path = run.Artifact("names.tgz", BadNamesTar);

        var result = run.Scan(path);

        result.ShouldReport(AmbiguousName);
        var reasons = result.FindingsOf(AmbiguousName).Select(f => f["properties"]!["reason"]!.GetValue<string>()).ToList();
        reasons.Count(r => r == "invalid-utf8").ShouldBe(1);
        reasons.Count(r => r == "control-character").ShouldBe(3);
    }

    [Fact]
    public void Control_characters_in_names_never_reach_the_terminal_through_the_text_report()
    {
        using var run = new HostileRun(output, "control characters in names (text report)");
        var path = run.Artifact("names.tgz", BadNamesTar);

        var result = run.Run(["scan", path, "--format", "text"]);

        result.ShouldEndWithinBounds();
        result.StandardOutput.ShouldContain("archive/ambiguous-name");
        result.StandardOutput.ShouldNotContain("\u001b");
        result.StandardOutput.ShouldNotContain("\u0007");
        result.StandardOutput.ShouldNotContain("\r");
        result.StandardOutput.ShouldNotContain("\nFAKE: all clear");
    }

    [Fact]
    public void A_tarball_of_100_000_tiny_entries_is_scanned_whole()
    {
        using var run = new HostileRun(output, "100,000 tiny entries (.tgz)");
        var path = run.Artifact("many.tgz", s => ManyEntries(s, 100_000));

        var result = run.Scan(path).ShouldEndWithinBounds();

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Report["target"]!["entryCount"]!.GetValue<int>().ShouldBe(100_001);
    }

    [Fact]
    public void Tarballs_nested_20_deep_stop_at_the_depth_limit_with_a_finding()
    {
        using var run = new HostileRun(output, "tgz nested 20 deep");
        var path = run.Artifact("nested.tgz", NestedTarballs(20));

        var result = run.Scan(path);

        var finding = result.ShouldReport(LimitsExceeded);
        Limit(finding).ShouldBe("depth");
        finding["location"]!["path"]!.GetValue<string>().Split('!').Length.ShouldBe(5);
    }

    [Fact]
    public void Zips_nested_20_deep_stop_at_the_depth_limit_with_a_finding()
    {
        using var run = new HostileRun(output, "zip nested 20 deep");
        var path = run.Artifact("nested.zip", NestedZips(20));

        var result = run.Scan(path);

        var finding = result.ShouldReport(LimitsExceeded);
        Limit(finding).ShouldBe("depth");
    }

    private static string Limit(JsonNode finding) => finding["properties"]!["limit"]!.GetValue<string>();
}
