using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard diff</c> on real releases from the public registries. Skipped with
/// PACKGUARD_OFFLINE=1. The claude-code pair downloads ~47 MB; it is cached in the machine's
/// PACKGUARD_CACHE_DIR when that is set, else in the sandbox's own cache.
/// </summary>
public sealed class DiffCommandOnlineTests : IDisposable
{
    private readonly CliSandbox _cli = new() { CreateHttpClient = SourceHttpClientFactory.Create };

    public DiffCommandOnlineTests()
    {
        if (Environment.GetEnvironmentVariable("PACKGUARD_CACHE_DIR") is { Length: > 0 } cache)
            _cli.Variables["PACKGUARD_CACHE_DIR"] = cache;
    }

    public void Dispose() => _cli.Dispose();

    [OnlineTheory]
    [InlineData("npm:ms@2.1.2", "npm:ms@2.1.3")]
    [InlineData("npm:semver@7.6.2", "npm:semver@7.6.3")]
    [InlineData("npm:debug@4.3.6", "npm:debug@4.3.7")]
    [InlineData("nuget:Newtonsoft.Json@13.0.2", "nuget:Newtonsoft.Json@13.0.3")]
    public async Task A_routine_patch_release_passes_with_no_high_finding(string old, string @new)
    {
        var result = await _cli.RunAsync("diff", old, @new, "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var report = JsonNode.Parse(result.Output)!;
        report["summary"]!["critical"]!.GetValue<int>().ShouldBe(0);
        report["summary"]!["high"]!.GetValue<int>().ShouldBe(0);
        report["changes"]!["installScripts"]!.AsArray().ShouldBeEmpty();
    }

    [OnlineFact]
    public async Task The_claude_code_release_that_leaked_its_source_fails_naming_the_map_and_the_size_jump()
    {
        var result = await _cli.RunAsync("diff", "npm:@anthropic-ai/claude-code@2.1.87", "npm:@anthropic-ai/claude-code@2.1.88", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.Error);
        var report = JsonNode.Parse(result.Output)!;
        var findings = report["findings"]!.AsArray();
        var kind = findings.Single(f => f!["ruleId"]!.GetValue<string>() == "diff/new-file-kind")!;
        kind["severity"]!.GetValue<string>().ShouldBe("high");
        kind["message"]!.GetValue<string>().ShouldContain("ships its first source map: cli.js.map (59.8 MB), and the map embeds original source code");
        var size = findings.Single(f => f!["ruleId"]!.GetValue<string>() == "diff/size-jump")!;
        size["message"]!.GetValue<string>().ShouldContain("from 46.6 MB in @anthropic-ai/claude-code@2.1.87 to 102.8 MB in @anthropic-ai/claude-code@2.1.88 (2.20×");
        size["message"]!.GetValue<string>().ShouldContain("cli.js.map (+59.8 MB, new)");
        findings.ShouldContain(f => f!["ruleId"]!.GetValue<string>() == "diff/new-finding" && f["severity"]!.GetValue<string>() == "critical"
            && f["properties"]!["ruleId"]!.GetValue<string>() == "source-map/embedded-sources");
        report["changes"]!["entries"]!["added"]!.ToJsonString().ShouldBe("""[{"path":"cli.js.map","kind":"source-map","oldSize":null,"newSize":59766257}]""");
    }
}
