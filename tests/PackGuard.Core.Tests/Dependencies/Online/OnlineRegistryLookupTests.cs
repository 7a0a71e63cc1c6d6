using System.Text.Json;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Dependencies.Online;

/// <summary>
/// Look-ups against the real registries (skipped with PACKGUARD_OFFLINE=1). Publish times are
/// checked against the registry's own full document, fetched here independently, so the tests hold
/// on registry.npmjs.org and on a mirror whose times differ from it.
/// </summary>
public sealed class OnlineRegistryLookupTests : IDisposable
{
    private static readonly DateTimeOffset Cutoff = DateTimeOffset.FromUnixTimeSeconds(0);

    private readonly TestSandbox _box = new();
    private readonly HttpClient _client = SourceHttpClientFactory.Create();

    public void Dispose()
    {
        _client.Dispose();
        _box.Dispose();
    }

    private Task<RegistryPackage> Lookup(string ecosystem, string name, params string[] versions) =>
        new RegistryLookup(_client, _box.Environment).LookupAsync(ecosystem, name, versions, Cutoff, CancellationToken.None);

    private async Task<DateTimeOffset> FullPackumentTime(string name, string version)
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("https://registry.npmjs.org/" + name.Replace("/", "%2f", StringComparison.Ordinal)));
        return document.RootElement.GetProperty("time").GetProperty(version).GetDateTimeOffset();
    }

    [OnlineFact]
    public async Task Npm_left_pad_exists_with_the_publish_time_of_its_last_version()
    {
        var package = await Lookup(Ecosystems.Npm, "left-pad", "1.3.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Registry.ShouldBe("https://registry.npmjs.org/");
        package.Error.ShouldBeNull();
        // A cut-off of 1970 is newer than nothing, so the time itself was fetched.
        package.Published["1.3.0"].ShouldBe(await FullPackumentTime("left-pad", "1.3.0"));
        package.Published["1.3.0"].ShouldBeInRange(new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow());
    }

    [OnlineFact]
    public async Task Npm_scoped_package_exists()
    {
        var package = await Lookup(Ecosystems.Npm, "@babel/core", "7.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published["7.0.0"].ShouldBe(await FullPackumentTime("@babel/core", "7.0.0"));
    }

    [OnlineFact]
    public async Task Npm_unclaimed_name_is_missing()
    {
        var package = await Lookup(Ecosystems.Npm, $"packguard-unclaimed-{Guid.NewGuid():N}", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Missing);
        package.Error.ShouldBeNull();
    }

    [OnlineFact]
    public async Task NuGet_known_id_exists_and_an_unclaimed_one_is_missing()
    {
        var known = await Lookup(Ecosystems.NuGet, "xunit.abstractions", "2.0.3");
        var unclaimed = await Lookup(Ecosystems.NuGet, $"PackGuard.Unclaimed.{Guid.NewGuid():N}", "1.0.0");

        known.Presence.ShouldBe(RegistryPresence.Exists);
        known.Registry.ShouldBe("https://api.nuget.org/v3/index.json");
        known.Error.ShouldBeNull();
        // nuget.org publishes the time (2015); a mirror may not. Either way, never 1900 or the future.
        if (known.Published.TryGetValue("2.0.3", out var at))
            at.ShouldBeInRange(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow());
        unclaimed.Presence.ShouldBe(RegistryPresence.Missing);
    }
}
