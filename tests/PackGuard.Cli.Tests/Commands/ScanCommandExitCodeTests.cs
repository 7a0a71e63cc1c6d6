using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// The exit codes of <c>packguard scan</c>, each from a real scan: 0 pass, 1 fail, 2 usage or
/// configuration error (nothing scanned), 3 a target could not be read.
/// </summary>
public sealed class ScanCommandExitCodeTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public ScanCommandExitCodeTests()
    {
        _cli.WriteFile("tidy-1.0.0.tgz", CliFixtures.Clean);
        _cli.WriteFile("acme-cli-2.1.88.tgz", CliFixtures.ProprietaryWithExternalMap);
        _cli.WriteFile("acme-lib-1.4.0.tgz", CliFixtures.OpenSourceWithMap);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<(CliResult Result, JsonNode Report)> ScanJson(params string[] args)
    {
        var result = await _cli.RunAsync(["scan", .. args, "--format", "json"]);
        return (result, JsonNode.Parse(result.Output)!);
    }

    private static void ShouldBeAPlainMessage(string error)
    {
        error.ShouldStartWith("packguard: ");
        error.ShouldNotContain("   at ");
        error.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Relative_config_and_output_paths_are_relative_to_the_working_directory()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Work, "reports"));
        _cli.WriteFile("strict.json", """{ "failOn": "medium" }""");

        var result = await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz", "--config", "strict.json", "--output", "reports/scan.txt");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        File.ReadAllText(Path.Combine(_cli.Work, "reports", "scan.txt")).ShouldStartWith("acme-lib-1.4.0.tgz\n");
    }
}
