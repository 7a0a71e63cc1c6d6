using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard gate</c> on real consecutive releases from the npm registry, where 2.1.88 of
/// claude-code shipped its sources in a 59.8 MB map. Skipped with PACKGUARD_OFFLINE=1. With
/// <c>--history 3</c> each run downloads up to four ~30 MB tarballs; they are cached in the machine's
/// PACKGUARD_CACHE_DIR when that is set, else in the sandbox's own cache.
/// </summary>
public sealed class GateCommandOnlineTests : IDisposable
{
    private const string Package = "npm:@anthropic-ai/claude-code@";
    private readonly CliSandbox _cli = new() { CreateHttpClient = SourceHttpClientFactory.Create };

    public GateCommandOnlineTests()
    {
        if (Environment.GetEnvironmentVariable("PACKGUARD_CACHE_DIR") is { Length: > 0 } cache)
            _cli.Variables["PACKGUARD_CACHE_DIR"] = cache;
    }

    public void Dispose() => _cli.Dispose();

    [OnlineFact]
    public async Task A_nuget_release_is_judged_against_its_previous_release_with_owners_read_from_the_signatures()
    {
        // Newtonsoft.Json 13.0.1 is the release where the .NET Foundation became an owner; both are
        // author-signed by the same "Json.NET (.NET Foundation)" certificate subject.
        var result = await _cli.RunAsync("gate", "nuget:Newtonsoft.Json@13.0.1", "--history", "3", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        json["gate"]!["against"]!.GetValue<string>().ShouldBe("12.0.3");
        json["gate"]!["signals"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["gate/maintainers-changed"]);
        var owners = json["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "gate/maintainers-changed")!;
        owners["severity"]!.GetValue<string>().ShouldBe("medium");
        owners["message"]!.GetValue<string>().ShouldContain("added dotnetfoundation");
    }

    [OnlineFact]
    public async Task The_release_that_added_the_source_map_fails_and_the_sentence_names_the_map_and_the_size_jump()
    {
        var result = await _cli.RunAsync("gate", Package + "2.1.88", "--history", "3", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        var sentence = json["gate"]!["verdict"]!.GetValue<string>();
        sentence.ShouldStartWith("@anthropic-ai/claude-code@2.1.88 adds cli.js.map (59.8 MB, 1,906 first-party sources), and the package grew 2.2×");
        sentence.ShouldEndWith("none of the previous 3 releases shipped a source map.");
        json["gate"]!["releasesCompared"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["2.1.87", "2.1.86", "2.1.85"]);
        var rules = json["findings"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).ToList();
        rules.ShouldContain("diff/new-file-kind");
        rules.ShouldContain("diff/size-jump");
    }

    [OnlineTheory]
    [InlineData("2.1.87")]
    [InlineData("2.1.89")]
    public async Task The_releases_on_either_side_pass(string version)
    {
        var result = await _cli.RunAsync("gate", Package + version, "--history", "3", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        json["gate"]!["verdict"]!.GetValue<string>().ShouldStartWith($"No change a release manager needs to look at in @anthropic-ai/claude-code@{version}");
        json["gate"]!["signals"]!.AsArray().ShouldBeEmpty();
    }
}
