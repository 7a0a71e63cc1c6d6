using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Sources.Npm;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// Registry targets through a fake npm registry: what the report says about where the package
/// came from, where the download goes, the user's own npm configuration, and progress on stderr.
/// </summary>
public sealed class ScanCommandRegistryTests : IDisposable
{
    private static readonly Dictionary<string, string> Latest = new() { ["latest"] = "1.3.0" };
    private readonly CliSandbox _cli = new();
    private readonly FakeNpmVersion _version = NpmFixture.Version("left-pad", "1.3.0");

    public ScanCommandRegistryTests() => NpmFixture.Publish(_cli.Http, "left-pad", Latest, _version);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_npm_package_is_downloaded_scanned_and_described_with_its_registry()
    {
        var result = await _cli.RunAsync("scan", "npm:left-pad@1.3.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var target = JsonNode.Parse(result.Output)!["target"]!;
        target["spec"]!.GetValue<string>().ShouldBe("npm:left-pad@1.3.0");
        target["ecosystem"]!.GetValue<string>().ShouldBe("npm");
        target["name"]!.GetValue<string>().ShouldBe("left-pad");
        target["version"]!.GetValue<string>().ShouldBe("1.3.0");
        target["registry"]!.GetValue<string>().ShouldBe("https://registry.npmjs.org/");
        target["size"]!.GetValue<long>().ShouldBe(_version.Tarball.Length);
    }

    [Fact]
    public async Task Downloads_go_to_the_cache_directory_and_are_reused()
    {
        await _cli.RunAsync("scan", "npm:left-pad@1.3.0");
        var second = await _cli.RunAsync("scan", "npm:left-pad@1.3.0");

        second.ExitCode.ShouldBe(ExitCodes.Pass);
        _cli.Http.CountFor(_version.TarballUrl).ShouldBe(1);
        Directory.GetFiles(_cli.Variables["PACKGUARD_CACHE_DIR"], "*.tgz", SearchOption.AllDirectories).ShouldHaveSingleItem();
        _cli.CacheTempFiles().ShouldBeEmpty();
        Directory.Exists(Path.Combine(_cli.Home, ".cache")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_tarball_that_does_not_match_the_published_integrity_exits_3()
    {
        _cli.Http.Bytes(_version.TarballUrl, [.. _version.Tarball, 0]);

        var result = await _cli.RunAsync("scan", "npm:left-pad@1.3.0");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable, result.ToString());
        result.Error.ShouldStartWith("packguard: npm:left-pad@1.3.0: ");
        result.Error.ShouldContain("integrity", Case.Insensitive);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_projects_npmrc_chooses_the_registry()
    {
        const string Mirror = "https://npm.mirror.example/";
        _cli.WriteFile(".npmrc", $"registry={Mirror}\n");
        NpmFixture.Publish(_cli.Http, Mirror, "left-pad", Latest, NpmFixture.Version("left-pad", "1.3.0", Mirror));

        var result = await _cli.RunAsync("scan", "npm:left-pad", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        JsonNode.Parse(result.Output)!["target"]!["registry"]!.GetValue<string>().ShouldBe(Mirror);
        _cli.Http.CountFor("https://registry.npmjs.org/left-pad").ShouldBe(0);
    }

    [Fact]
    public async Task A_broken_npmrc_is_a_configuration_error()
    {
        _cli.WriteFile(".npmrc", "registry=not a url\n");

        var result = await _cli.RunAsync("scan", "npm:left-pad");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain("is not an absolute http(s) URL");
        _cli.Http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task On_a_terminal_download_progress_is_drawn_on_stderr_and_erased()
    {
        _cli.ErrorIsTerminal = true;

        var result = await _cli.RunAsync("scan", "npm:left-pad@1.3.0");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Error.ShouldStartWith("\rDownloading ");
        result.Error.ShouldEndWith("\r\u001b[K");
        result.Output.ShouldNotContain("Downloading");
        result.Output.ShouldNotContain("\u001b");
    }

    [Fact]
    public async Task Off_a_terminal_nothing_but_errors_goes_to_stderr()
    {
        var result = await _cli.RunAsync("scan", "npm:left-pad@1.3.0");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Error.ShouldBeEmpty();
    }
}
