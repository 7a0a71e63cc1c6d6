using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests;

/// <summary>The command line as a whole: help, parse errors, and what reaches the user when something breaks.</summary>
public sealed class PackGuardCliTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public PackGuardCliTests() => _cli.WriteFile("tidy.tgz", CliFixtures.Clean);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Help_matches_snapshot()
    {
        var result = await _cli.RunAsync("--help");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Error.ShouldBeEmpty();
        Snapshot.Match(result.Output, "help.txt");
    }

    [Fact]
    public async Task Scan_help_matches_snapshot()
    {
        var result = await _cli.RunAsync("scan", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        Snapshot.Match(result.Output, "scan-help.txt");
    }

    [Fact]
    public async Task Scan_help_lists_every_option_of_the_contract()
    {
        var output = (await _cli.RunAsync("scan", "-h")).Output;

        output.ShouldContain("--format <text|json|sarif>");
        output.ShouldContain("--output <FILE>");
        output.ShouldContain("--fail-on <critical|high|medium|low|info|none>");
        output.ShouldContain("--config <FILE>");
    }

    [Fact]
    public async Task Version_prints_the_version_reports_carry()
    {
        var result = await _cli.RunAsync("--version");
        var report = await _cli.RunAsync("scan", "tidy.tgz", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        var reported = JsonNode.Parse(report.Output)!["tool"]!["version"]!.GetValue<string>();
        result.Output.ShouldBe(reported + Environment.NewLine);
        reported.ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    public static TheoryData<string[], string> ParseErrors => new()
    {
        { ["frobnicate"], "Unrecognized command or argument 'frobnicate'" },
        { [], "Required command was not provided" },
        { ["scan"], "Required argument 'target' missing" },
        { ["scan", "tidy.tgz", "--format", "xml"], "Argument 'xml' not recognized" },
        { ["scan", "tidy.tgz", "--fail-on", "severe"], "--fail-on must be one of critical, high, medium, low, info, none (got \"severe\")" },
        { ["scan", "tidy.tgz", "--fail-on"], "Required argument missing for option: '--fail-on'" },
        { ["rules", "show"], "Required argument 'ruleId' missing" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public async Task A_command_line_that_does_not_parse_exits_2_and_says_why(string[] args, string message)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain("packguard: " + message);
        result.Error.ShouldEndWith("Run 'packguard --help' for usage." + Environment.NewLine);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("--fial-on", "scan", "--fial-on", "medium", "tidy.tgz")]
    [InlineData("-x", "scan", "tidy.tgz", "-x")]
    [InlineData("--verbose", "rules", "show", "--verbose")]
    public async Task An_unknown_option_is_a_usage_error_not_a_missing_file(string option, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldStartWith($"packguard: Unrecognized option '{option}'.");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_target_named_like_an_option_can_follow_a_double_dash()
    {
        _cli.WriteFile("-odd.tgz", CliFixtures.Clean);

        var result = await _cli.RunAsync("scan", "--", "-odd.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldStartWith("-odd.tgz\n");
    }

    [Fact]
    public async Task Cancellation_exits_3_with_a_short_message()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await _cli.RunAsync(["scan", "tidy.tgz"], cancel.Token);

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldBe("packguard: cancelled" + Environment.NewLine);
    }

    [Fact]
    public async Task An_unexpected_failure_is_reported_as_a_bug_without_a_stack_trace()
    {
        _cli.Http.Route("https://registry.npmjs.org/left-pad", (_, _) => throw new InvalidOperationException("handler exploded"));

        var result = await _cli.RunAsync("scan", "npm:left-pad");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldContain("packguard: unexpected error: InvalidOperationException: handler exploded");
        result.Error.ShouldContain("This is a bug in PackGuard");
        result.Error.ShouldNotContain("   at ");
    }
}
