using System.Reflection;
using System.Text.Json;
using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Scanning;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Reports.ReportFixtures;

namespace PackGuard.Tests.Reports;

/// <summary>What the JSON report looks like, byte for byte; the contract tests check its meaning.</summary>
public sealed class JsonReportWriterTests
{
    private static readonly JsonReportWriter Writer = new(TestToolVersion);

    [Fact]
    public void Failing_report_matches_snapshot() =>
        Snapshot.Match(ReportOutput.Text(Writer, Failing), "failing-report.json");

    [Fact]
    public void Passing_report_matches_snapshot() =>
        Snapshot.Match(ReportOutput.Text(Writer, Passing), "passing-report.json");

    [Fact]
    public void Two_targets_match_snapshot() =>
        Snapshot.Match(ReportOutput.Text(Writer, Failing, Passing), "two-targets.json");

    [Fact]
    public void Output_is_utf8_without_bom_with_lf_line_ends_and_one_trailing_newline()
    {
        var bytes = ReportOutput.Bytes(Writer, Failing);

        bytes[0].ShouldBe((byte)'{');
        bytes.ShouldNotContain((byte)'\r');
        bytes[^1].ShouldBe((byte)'\n');
        bytes[^2].ShouldBe((byte)'}');
    }

    [Fact]
    public void Text_stays_readable_non_ascii_and_markup_characters_are_not_escaped()
    {
        var text = ReportOutput.Text(Writer, Failing);

        text.ShouldContain("Größe config.properties");
        text.ShouldContain("AKf3…Qz9");
        text.ShouldContain("<internal> hosts & build paths");
        text.ShouldContain("Add `*.map` to .npmignore");
        text.ShouldNotContain("\\u");
    }

    [Fact]
    public void Writer_prints_the_report_and_never_recomputes_it()
    {
        // Deliberately inconsistent: a critical finding, yet "pass" and a summary of zeros.
        var report = new ScanReport(
            new ScanResult(LeakyTarget, [SourceMapFinding]),
            Verdict.Pass,
            FailThreshold.None,
            new Dictionary<Severity, int> { [Severity.Critical] = 0, [Severity.Info] = 7 });

        var text = ReportOutput.Text(Writer, report);

        text.ShouldContain("\"verdict\": \"pass\"");
        text.ShouldContain("\"failOn\": \"none\"");
        text.ShouldContain("\"critical\": 0,");
        text.ShouldContain("\"info\": 7");
    }

    [Fact]
    public void Findings_keep_the_order_they_were_given_in()
    {
        var report = Failing with { Result = Failing.Result with { Findings = [SecretFinding, SourceMapFinding] } };

        var text = ReportOutput.Text(Writer, report);

        text.IndexOf(HighEntropy, StringComparison.Ordinal)
            .ShouldBeLessThan(text.IndexOf(EmbeddedSources, StringComparison.Ordinal));
    }

    [Fact]
    public void No_reports_give_an_empty_array()
    {
        ReportOutput.Text(Writer).ShouldBe("[]\n");
    }

    [Fact]
    public void Always_array_writes_a_single_report_as_an_array_of_one()
    {
        var text = ReportOutput.Text(new JsonReportWriter(TestToolVersion) { AlwaysArray = true }, Passing);

        text.ShouldStartWith("[");
        JsonDocument.Parse(text).RootElement.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void The_stream_is_left_open_for_the_caller()
    {
        using var buffer = new MemoryStream();
        Writer.Write([Passing], buffer);
        buffer.CanWrite.ShouldBeTrue();
    }

    [Fact]
    public void Default_tool_version_is_the_informational_version_without_build_metadata()
    {
        var informational = typeof(JsonReportWriter).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var text = ReportOutput.Text(new JsonReportWriter(), Passing);

        ToolVersion.Current.ShouldNotContain('+');
        informational.ShouldStartWith(ToolVersion.Current);
        text.ShouldContain($"\"version\": \"{ToolVersion.Current}\"");
    }

    [Theory]
    [InlineData("0.1.0+4f1c2e9", "0.1.0")]
    [InlineData("1.2.3-beta.1+build.5", "1.2.3-beta.1")]
    [InlineData("2.0.0", "2.0.0")]
    public void Build_metadata_is_dropped_from_versions(string version, string expected) =>
        ToolVersion.WithoutBuildMetadata(version).ShouldBe(expected);
}
