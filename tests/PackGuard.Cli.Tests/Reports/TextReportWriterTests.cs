using PackGuard.Cli.Tests.Support;
using PackGuard.Inspectors;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Reports;

/// <summary>
/// The text report as users see it, through the whole command line: snapshots of fixed
/// fixtures, and the layout rules every report keeps (width, no trailing blanks, no colour
/// where colour is not allowed).
/// </summary>
public sealed class TextReportWriterTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public TextReportWriterTests()
    {
        _cli.WriteFile("acme-cli-2.1.88.tgz", CliFixtures.ProprietaryWithExternalMap);
        _cli.WriteFile("acme-lib-1.4.0.tgz", CliFixtures.ManyMinorFindings);
        _cli.WriteFile("tidy-1.0.0.tgz", CliFixtures.Clean);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<string> Report(params string[] targets)
    {
        var result = await _cli.RunAsync(["scan", .. targets]);
        result.Error.ShouldBeEmpty();
        return result.Output;
    }

    [Fact]
    public async Task A_proprietary_package_with_an_external_map_matches_snapshot() =>
        Snapshot.Match(await Report("acme-cli-2.1.88.tgz"), "proprietary-external-map.txt");

    [Fact]
    public async Task Low_and_info_findings_of_one_rule_are_grouped_matches_snapshot() =>
        Snapshot.Match(await Report("acme-lib-1.4.0.tgz"), "grouped-minor-findings.txt");

    [Fact]
    public async Task A_passing_package_matches_snapshot() =>
        Snapshot.Match(await Report("tidy-1.0.0.tgz"), "passing.txt");

    [Fact]
    public async Task Two_targets_match_snapshot() =>
        Snapshot.Match(await Report("acme-cli-2.1.88.tgz", "tidy-1.0.0.tgz"), "two-targets.txt");

    public static TheoryData<string> Fixtures => ["acme-cli-2.1.88.tgz", "acme-lib-1.4.0.tgz"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Paragraphs_wrap_to_the_width_and_no_line_ends_in_a_blank(string target)
    {
        _cli.Width = 60;

        var lines = (await Report(target)).Split('\n');

        // Indented lines are the wrapped paragraphs: messages, locations and fixes. Only a word
        // longer than the width (a long path) may overflow. (Headings are not wrapped.)
        var paragraphs = lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        paragraphs.Count.ShouldBeGreaterThan(0);
        paragraphs.ShouldAllBe(l => l.Length <= 60 || !l.Trim().Contains(' '));
        lines.ShouldAllBe(l => !l.EndsWith(' '));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Redirected_output_has_no_escape_codes(string target)
    {
        var output = await Report(target);

        output.ShouldNotContain("\u001b");
    }

    [Fact]
    public async Task On_a_colour_terminal_the_verdict_and_severities_are_coloured()
    {
        var plain = await Report("acme-cli-2.1.88.tgz");
        _cli.Console = CliConsoles.Colour;

        var coloured = await Report("acme-cli-2.1.88.tgz");

        coloured.ShouldContain("\u001b[");
        // The words stay the same; only the escape codes around them are added.
        RegexSafety.Create("\u001b\\[[0-9;]*m").Replace(coloured, "").ShouldBe(plain);
    }

    [Fact]
    public async Task Fail_on_none_says_that_nothing_fails()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--fail-on", "none");

        result.Output.ShouldContain(" PASS  1 critical, 0 high, 0 medium, 0 low, 0 info (--fail-on none: never fails)\n");
    }

    [Fact]
    public async Task One_entry_is_counted_in_the_singular()
    {
        _cli.WriteFile("cli.js", "console.log(1);\n");

        var output = await Report("cli.js");

        output.ShouldContain("\n16 B, 1 entry · sha256 ");
    }

    [Fact]
    public async Task Square_brackets_in_names_and_licences_are_printed_not_taken_for_markup()
    {
        _cli.WriteFile("odd[1].tgz", TestArchive.ReproducibleNpmTarball(
            TestFile.Text("package.json", """{"name":"odd","version":"1.0.0","license":"SEE LICENSE IN [red]LICENSE[/]"}""")));

        var output = await Report("odd[1].tgz");

        output.ShouldStartWith("odd[1].tgz\nodd 1.0.0 (npm) · licence: SEE LICENSE IN [red]LICENSE[/]\n");
    }

    [Theory]
    [InlineData("package/\u001b]0;pwned\u0007.js", "package/\\u001B]0;pwned\\u0007.js")]
    [InlineData("line\nPASS", "line\\u000APASS")]
    [InlineData("a\u202Egnp.exe", "a\\u202Egnp.exe")]
    [InlineData("café, tabs\tand all", "café, tabs\\u0009and all")]
    [InlineData("plain/name.js", "plain/name.js")]
    public void Control_and_bidirectional_characters_from_the_artifact_are_shown_escaped(string raw, string shown) =>
        PackGuard.Cli.Reports.TextReportWriter.Visible(raw).ShouldBe(shown);
}
