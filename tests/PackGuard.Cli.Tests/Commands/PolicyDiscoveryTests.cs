using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>Without <c>--config</c>, the nearest <c>packguard.json</c> from the working directory upward (not above home) is the policy, and reports say which file it was.</summary>
public sealed class PolicyDiscoveryTests : IDisposable
{
    private const string Strict = """{ "failOn": "medium" }""";
    private readonly CliSandbox _cli = new();

    public PolicyDiscoveryTests() => _cli.WriteFile("acme-lib-1.4.0.tgz", CliFixtures.OpenSourceWithMap);

    public void Dispose() => _cli.Dispose();

    private async Task<(CliResult Result, JsonNode Report)> ScanJson(params string[] extra)
    {
        var result = await _cli.RunAsync(["scan", "acme-lib-1.4.0.tgz", "--format", "json", .. extra]);
        return (result, JsonNode.Parse(result.Output)!);
    }

    [Fact]
    public async Task Without_a_file_the_defaults_apply_and_the_report_names_no_policy()
    {
        var (result, report) = await ScanJson();

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        report["failOn"]!.GetValue<string>().ShouldBe("high");
        report["policy"]!["config"].ShouldBeNull();
        (await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz")).Output.ShouldNotContain("policy:");
    }

    [Fact]
    public async Task The_working_directory_s_packguard_json_is_used_and_named()
    {
        _cli.WriteFile("packguard.json", Strict);

        var (result, report) = await ScanJson();
        var text = await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        report["failOn"]!.GetValue<string>().ShouldBe("medium");
        report["policy"]!["config"]!.GetValue<string>().ShouldBe("packguard.json");
        text.Output.ShouldContain("\npolicy: packguard.json\n");
    }

    [Fact]
    public async Task A_file_in_a_folder_above_is_found_up_to_home()
    {
        File.WriteAllText(Path.Combine(_cli.Home, "packguard.json"), Strict);

        var (result, report) = await ScanJson();

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        report["policy"]!["config"]!.GetValue<string>().ShouldBe(Path.Combine("..", "packguard.json"));
    }

    [Fact]
    public async Task Config_wins_over_the_discovered_file()
    {
        _cli.WriteFile("packguard.json", Strict);
        _cli.WriteFile("lenient.json", """{ "failOn": "critical" }""");

        var (result, report) = await ScanJson("--config", "lenient.json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        report["policy"]!["config"]!.GetValue<string>().ShouldBe("lenient.json");
    }

    [Fact]
    public async Task A_broken_discovered_file_is_a_configuration_error_naming_it()
    {
        File.WriteAllText(Path.Combine(_cli.Home, "packguard.json"), """{ "failOn": "sometimes" }""");

        var result = await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldBe($"packguard: config file {Path.Combine(_cli.Home, "packguard.json")}: failOn must be one of critical, high, medium, low, info, none" + Environment.NewLine);
        result.Output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("deps")]
    public async Task Other_reporting_commands_discover_it_too(string command)
    {
        _cli.WriteFile("packguard.json", """{ "failOn": "info", "excludes": ["no-such-dir/**"] }""");
        _cli.WriteFile("app/package-lock.json", """{ "name": "app", "lockfileVersion": 3, "packages": { "": { "name": "app" } } }""");
        string[] args = command == "diff"
            ? ["diff", "acme-lib-1.4.0.tgz", "acme-lib-1.4.0.tgz", "--format", "json"]
            : ["deps", "app", "--format", "json"];

        var result = await _cli.RunAsync(args);

        JsonNode.Parse(result.Output)!["policy"]!["config"]!.GetValue<string>().ShouldBe("packguard.json", result.ToString());
        JsonNode.Parse(result.Output)!["failOn"]!.GetValue<string>().ShouldBe("info");
    }
}
