using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources;

/// <summary>
/// Resolution against the real public registries, with a hermetic environment (no user
/// .npmrc or NuGet.Config) and a per-test cache. Skipped with PACKGUARD_OFFLINE=1.
/// </summary>
public sealed class OnlineResolverTests : IDisposable
{
    private readonly TestSandbox _box = new();
    private readonly HttpClient _client = SourceHttpClientFactory.Create();

    public void Dispose()
    {
        _client.Dispose();
        _box.Dispose();
    }

    private Task<ResolvedTarget> Resolve(string raw) =>
        new TargetResolver(_client, _box.Environment, _box.Cache).ResolveAsync(TargetSpecParser.Parse(raw), null, CancellationToken.None);

    [OnlineFact]
    public async Task Npm_exact_version_matches_the_published_integrity()
    {
        var target = await Resolve("npm:is-number@7.0.0");

        target.ResolvedVersion.ShouldBe("7.0.0");
        target.VerifiedIntegrity.ShouldBe("sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==");
        target.Registry.ShouldBe(new Uri("https://registry.npmjs.org/"));
        IsGzip(target.LocalPath).ShouldBeTrue();
    }

    [OnlineFact]
    public async Task Npm_ranges_and_tags_resolve()
    {
        (await Resolve("npm:is-number@^6.0.0")).ResolvedVersion.ShouldBe("6.0.0");
        (await Resolve("npm:is-number@latest")).ResolvedVersion.ShouldBe("7.0.0");
    }

    [OnlineFact]
    public async Task Npm_scoped_package_resolves()
    {
        var target = await Resolve("pkg:npm/%40isaacs/string-locale-compare@1.1.0");

        target.VerifiedIntegrity.ShouldBe("sha512-SQ7Kzhh9+D+ZW9MA0zkYv3VXhIDNx+LzM6EJ+/65I3QY+enU6Itte7E5XX7EWrqLW2FN4n06GWzBnPoC3th2aQ==");
        IsGzip(target.LocalPath).ShouldBeTrue();
    }

    [OnlineFact]
    public async Task Npm_unknown_package_is_reported_as_not_found()
    {
        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:packguard-definitely-not-a-package-xyz"));

        ex.Message.ShouldContain("was not found in https://registry.npmjs.org/");
    }

    [OnlineFact]
    public async Task NuGet_exact_version_downloads_from_nuget_org()
    {
        var target = await Resolve("nuget:xunit.abstractions@2.0.3");

        target.ResolvedVersion.ShouldBe("2.0.3");
        target.Registry.ShouldBe(new Uri("https://api.nuget.org/v3/index.json"));
        IsZip(target.LocalPath).ShouldBeTrue();
    }

    [OnlineFact]
    public async Task NuGet_latest_stable_is_picked()
    {
        var target = await Resolve("nuget:Microsoft.Bcl.HashCode");

        target.ResolvedVersion.ShouldBe("1.1.1");
        IsZip(target.LocalPath).ShouldBeTrue();
    }

    [OnlineFact]
    public async Task NuGet_unknown_package_lists_nuget_org_as_tried()
    {
        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:PackGuard.Definitely.Not.A.Package"));

        ex.Message.ShouldContain("nuget.org (https://api.nuget.org/v3/index.json)");
    }

    private static bool IsGzip(string path) => File.ReadAllBytes(path) is [0x1f, 0x8b, ..];

    private static bool IsZip(string path) => File.ReadAllBytes(path) is [(byte)'P', (byte)'K', ..];
}
