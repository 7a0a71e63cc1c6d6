using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard scan</c> against the real public registries, through the production HTTP client,
/// with a hermetic environment (no user .npmrc or NuGet.Config) and a per-test cache. Skipped
/// with PACKGUARD_OFFLINE=1.
/// </summary>
public sealed class ScanCommandOnlineTests : IDisposable
{
    private readonly CliSandbox _cli = new() { CreateHttpClient = SourceHttpClientFactory.Create };

    public void Dispose() => _cli.Dispose();

    private static JsonNode Target(CliResult result) => JsonNode.Parse(result.Output)!["target"]!;

    [OnlineFact]
    public async Task A_small_npm_package_passes()
    {
        var result = await _cli.RunAsync("scan", "npm:is-number@7.0.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var target = Target(result);
        target["ecosystem"]!.GetValue<string>().ShouldBe("npm");
        target["name"]!.GetValue<string>().ShouldBe("is-number");
        target["version"]!.GetValue<string>().ShouldBe("7.0.0");
        target["license"]!.GetValue<string>().ShouldBe("MIT");
        target["registry"]!.GetValue<string>().ShouldBe("https://registry.npmjs.org/");
        Directory.GetFiles(_cli.Variables["PACKGUARD_CACHE_DIR"], "*.tgz", SearchOption.AllDirectories).ShouldHaveSingleItem();
    }

    [OnlineFact]
    public async Task An_npm_package_that_does_not_exist_exits_3_and_says_not_found()
    {
        var result = await _cli.RunAsync("scan", "npm:no-such-package-packguard-test-xyz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable, result.ToString());
        result.Error.ShouldBe(
            "packguard: npm:no-such-package-packguard-test-xyz: npm package 'no-such-package-packguard-test-xyz' " +
            "was not found in https://registry.npmjs.org/." + Environment.NewLine);
        result.Output.ShouldBeEmpty();
    }

    [OnlineFact]
    public async Task A_nuget_package_passes_and_is_reported_as_nuget()
    {
        var result = await _cli.RunAsync("scan", "nuget:xunit.abstractions@2.0.3", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var target = Target(result);
        target["ecosystem"]!.GetValue<string>().ShouldBe("nuget");
        target["name"]!.GetValue<string>().ShouldBe("xunit.abstractions");
        target["version"]!.GetValue<string>().ShouldBe("2.0.3");
        target["registry"]!.GetValue<string>().ShouldBe("https://api.nuget.org/v3/index.json");
    }
}
