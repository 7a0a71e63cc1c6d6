using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources.NuGet;

public sealed class NuGetResolverTests : IDisposable
{
    private const string Index = "https://feed.example/v3/index.json";
    private const string Flat = "https://feed.example/flat/";
    private const string Registrations = "https://feed.example/reg/";

    private readonly TestSandbox _box = new();

    public NuGetResolverTests() => UseSources($"""<add key="feed" value="{Index}" />""");

    public void Dispose() => _box.Dispose();

    private Task<ResolvedTarget> Resolve(string raw) =>
        _box.Resolver().ResolveAsync(TargetSpecParser.Parse(raw), null, CancellationToken.None);

    private void UseSources(string adds, string extra = "") => _box.Write("work/nuget.config", $"""
        <configuration>
          <packageSources><clear />{adds}</packageSources>
          {extra}
        </configuration>
        """);

    private static byte[] Nupkg(string id, string version) =>
        TestArchive.Zip([TestFile.Text($"{id}.nuspec", $"<package><metadata><id>{id}</id><version>{version}</version></metadata></package>")]);

    private static string Sha512(byte[] data) => Convert.ToBase64String(SHA512.HashData(data));

    /// <summary>Serves a v3 feed with the given versions of Demo; returns the package bytes by version.</summary>
    private Dictionary<string, byte[]> ServeFeed(string index = Index, string flat = Flat, string? registrations = null, params string[] versions)
    {
        var resources = new List<object> { new Dictionary<string, string> { ["@id"] = flat, ["@type"] = "PackageBaseAddress/3.0.0" } };
        if (registrations is not null)
            resources.Add(new Dictionary<string, string> { ["@id"] = registrations, ["@type"] = "RegistrationsBaseUrl/3.6.0" });
        _box.Http.Json(index, JsonSerializer.Serialize(new { version = "3.0.0", resources }));
        _box.Http.Json(flat + "demo/index.json", JsonSerializer.Serialize(new { versions }));
        var packages = new Dictionary<string, byte[]>();
        foreach (var v in versions)
        {
            var lower = v.ToLowerInvariant();
            packages[v] = Nupkg("Demo", v);
            _box.Http.Bytes($"{flat}demo/{lower}/demo.{lower}.nupkg", packages[v]);
        }
        return packages;
    }

    private void ServeRegistration(string version, string? hash, bool paged = false)
    {
        var leaf = new { catalogEntry = new { id = "Demo", version, packageHash = hash, packageHashAlgorithm = "SHA512" } };
        if (!paged)
        {
            _box.Http.Json(Registrations + "demo/index.json", JsonSerializer.Serialize(new { items = new[] { new { lower = version, upper = version, items = new[] { leaf } } } }));
            return;
        }
        var page = Registrations + "demo/page/0.json";
        _box.Http.Json(Registrations + "demo/index.json", JsonSerializer.Serialize(new { items = new[] { new Dictionary<string, string> { ["@id"] = page, ["lower"] = "0.1.0", ["upper"] = "9.0.0" } } }));
        _box.Http.Json(page, JsonSerializer.Serialize(new { items = new[] { leaf } }));
    }

    [Fact]
    public async Task The_history_lists_every_version_with_what_the_registration_says_of_it()
    {
        ServeFeed(registrations: Registrations, versions: ["1.0.0", "1.1.0", "2.0.0"]);
        var page = Registrations + "demo/page/0.json";
        _box.Http.Json(Registrations + "demo/index.json", JsonSerializer.Serialize(new { items = new[] { new Dictionary<string, string> { ["@id"] = page, ["lower"] = "1.0.0", ["upper"] = "2.0.0" } } }));
        _box.Http.Json(page, JsonSerializer.Serialize(new
        {
            items = new object[]
            {
                new { catalogEntry = new { version = "1.0.0", listed = true, published = "2026-01-02T03:04:05+00:00" } },
                // nuget.org marks unlisted versions with a 1900 publish time.
                new { catalogEntry = new { version = "1.1.0", published = "1900-01-01T00:00:00+00:00" } },
            },
        }));

        var history = await _box.Resolver().HistoryAsync(TargetSpecParser.Parse("nuget:Demo@2.0.0"), CancellationToken.None);

        history.Registry.ShouldBe(PackGuard.Gate.ReleaseRegistry.NuGet);
        history.Find("1.0.0")!.Published.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        history.Find("1.1.0")!.Listed.ShouldBeFalse();
        history.Find("1.1.0")!.Published.ShouldBeNull();
        // A version the registration does not mention is taken as listed, publish time unknown.
        history.Find("2.0.0")!.Listed.ShouldBeTrue();
        history.Find("2.0.0")!.Published.ShouldBeNull();
        history.Previous("2.0.0", 10).Select(r => r.Version).ShouldBe(["1.0.0"]);
    }

    [Fact]
    public async Task A_package_no_source_has_has_no_history()
    {
        ServeFeed(versions: ["1.0.0"]);
        _box.Http.Status(Flat + "ghost/index.json", HttpStatusCode.NotFound);

        await Should.ThrowAsync<TargetUnavailableException>(() => _box.Resolver().HistoryAsync(TargetSpecParser.Parse("nuget:Ghost@1.0.0"), CancellationToken.None));
    }

    [Fact]
    public async Task An_exact_version_is_downloaded_from_the_flat_container()
    {
        var packages = ServeFeed(versions: ["1.0.0", "2.0.0"]);

        var target = await Resolve("nuget:Demo@1.0");

        target.Ecosystem.ShouldBe("nuget");
        target.ResolvedVersion.ShouldBe("1.0.0");
        target.Registry.ShouldBe(new Uri(Index));
        (await File.ReadAllBytesAsync(target.LocalPath)).ShouldBe(packages["1.0.0"]);
        target.LocalPath.ShouldContain(Path.Combine(_box.Cache.RootPath, "sha512"));
        target.LocalPath.ShouldEndWith(Convert.ToHexStringLower(SHA512.HashData(packages["1.0.0"])) + ".nupkg");
        // Nothing was published to verify against, so nothing is claimed.
        target.VerifiedIntegrity.ShouldBeNull();
        _box.TempFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new[] { "1.0.0", "1.5.0", "2.0.0-beta" }, "1.5.0")]
    [InlineData(new[] { "0.1.0-alpha", "0.2.0-beta.2", "0.2.0-beta.10" }, "0.2.0-beta.10")]
    public async Task Without_a_version_the_latest_stable_wins(string[] versions, string expected)
    {
        ServeFeed(versions: versions);

        var target = await Resolve("nuget:demo");

        target.ResolvedVersion.ShouldBe(expected);
    }

    [Fact]
    public async Task Versions_match_case_insensitively_and_download_lowercase()
    {
        ServeFeed(versions: ["1.0.0-Beta"]);

        var target = await Resolve("nuget:DEMO@1.0.0-beta");

        target.ResolvedVersion.ShouldBe("1.0.0-Beta");
        _box.Http.CountFor(Flat + "demo/1.0.0-beta/demo.1.0.0-beta.nupkg").ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_registration_package_hash_is_verified(bool paged)
    {
        var packages = ServeFeed(registrations: Registrations, versions: ["1.0.0"]);
        ServeRegistration("1.0.0", Sha512(packages["1.0.0"]), paged);

        var target = await Resolve("nuget:Demo@1.0.0");

        target.VerifiedIntegrity.ShouldBe("sha512-" + Sha512(packages["1.0.0"]));
    }

    [Fact]
    public async Task A_registration_hash_that_does_not_match_is_refused()
    {
        ServeFeed(registrations: Registrations, versions: ["1.0.0"]);
        ServeRegistration("1.0.0", Sha512("something else"u8.ToArray()));

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo@1.0.0"));

        ex.Message.ShouldContain("Integrity check failed for nuget:Demo@1.0.0");
        _box.TempFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_registration_without_a_hash_leaves_the_package_unverified()
    {
        ServeFeed(registrations: Registrations, versions: ["1.0.0"]);
        ServeRegistration("1.0.0", hash: null);

        var target = await Resolve("nuget:Demo@1.0.0");

        target.VerifiedIntegrity.ShouldBeNull();
    }

    [Fact]
    public async Task A_missing_version_lists_the_latest_ones()
    {
        ServeFeed(versions: ["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0", "3.0.0"]);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo@9.0.0"));

        ex.Message.ShouldContain("has no version 9.0.0");
        ex.Message.ShouldContain("3.0.0, 2.1.0, 2.0.0, 1.2.0, 1.1.0");
        ex.Message.ShouldNotContain("1.0.0,");
    }

    [Fact]
    public async Task An_unknown_package_lists_the_sources_tried_and_the_skipped_v2_feeds()
    {
        UseSources($"""
            <add key="feed" value="{Index}" />
            <add key="legacy" value="https://old.example/api/v2" />
            """);
        ServeFeed(versions: ["1.0.0"]);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Unknown.Package"));

        ex.Message.ShouldContain("'Unknown.Package' was not found in any configured source");
        ex.Message.ShouldContain("feed (https://feed.example/v3/index.json)");
        ex.Message.ShouldContain("legacy (https://old.example/api/v2)");
        ex.Message.ShouldContain("v2");
    }

    [Fact]
    public async Task Sources_are_tried_in_order_until_one_has_the_package()
    {
        UseSources($"""
            <add key="first" value="https://first.example/index.json" />
            <add key="disabled" value="https://disabled.example/index.json" />
            <add key="feed" value="{Index}" />
            """, """<disabledPackageSources><add key="disabled" value="true" /></disabledPackageSources>""");
        ServeFeed(index: "https://first.example/index.json", flat: "https://first.example/flat/", versions: ["0.1.0"]);
        ServeFeed(versions: ["1.0.0"]);

        var target = await Resolve("nuget:Demo@1.0.0");

        target.Registry.ShouldBe(new Uri(Index));
        _box.Http.Requests.ShouldNotContain(r => r.Url.Host == "disabled.example");
    }

    [Fact]
    public async Task An_unreachable_source_stops_resolution_instead_of_falling_through()
    {
        UseSources($"""
            <add key="private" value="https://private.example/index.json" />
            <add key="feed" value="{Index}" />
            """);
        _box.Http.ThrowFirst("https://private.example/index.json", 3, () => new HttpRequestException("Connection refused"));
        ServeFeed(versions: ["1.0.0"]);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo"));

        ex.Message.ShouldContain("could not reach NuGet source private");
        _box.Http.Requests.ShouldNotContain(r => r.Url.Host == "feed.example");
    }

    [Fact]
    public async Task Credentials_go_to_the_feed_host_only()
    {
        UseSources($"""<add key="feed" value="{Index}" />""", """
            <packageSourceCredentials>
              <feed><add key="Username" value="me" /><add key="ClearTextPassword" value="pw" /></feed>
            </packageSourceCredentials>
            """);
        ServeFeed(flat: "https://cdn.example/flat/", versions: ["1.0.0"]);

        await Resolve("nuget:Demo@1.0.0");

        var basic = "Basic " + Convert.ToBase64String("me:pw"u8.ToArray());
        _box.Http.Requests.Single(r => r.Url.Host == "feed.example").Authorization.ShouldBe(basic);
        _box.Http.Requests.Where(r => r.Url.Host == "cdn.example").ShouldAllBe(r => r.Authorization == null);
    }

    [Fact]
    public async Task A_401_with_only_an_encrypted_password_explains_why()
    {
        UseSources($"""<add key="feed" value="{Index}" />""", """
            <packageSourceCredentials>
              <feed><add key="Username" value="me" /><add key="Password" value="AQAAANCMnd8BFdERjHoAwE" /></feed>
            </packageSourceCredentials>
            """);
        _box.Http.Status(Index, HttpStatusCode.Unauthorized);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo"));

        ex.Message.ShouldContain("authentication required");
        ex.Message.ShouldContain("encrypted Password");
        ex.Message.ShouldContain("ClearTextPassword");
        _box.Http.Requests.Single().Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task A_feed_without_a_package_base_address_is_reported()
    {
        _box.Http.Json(Index, """{ "version": "3.0.0", "resources": [] }""");

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo"));

        ex.Message.ShouldContain("PackageBaseAddress/3.0.0");
    }

    [Fact]
    public async Task A_purl_repository_url_replaces_the_configured_sources()
    {
        UseSources("""<add key="elsewhere" value="https://elsewhere.example/index.json" />""");
        ServeFeed(versions: ["1.0.0"]);

        var target = await Resolve($"pkg:nuget/Demo@1.0.0?repository_url={Index}");

        target.Registry.ShouldBe(new Uri(Index));
        _box.Http.Requests.ShouldNotContain(r => r.Url.Host == "elsewhere.example");
    }

    [Fact]
    public async Task Nothing_enabled_is_reported_with_the_files_read()
    {
        UseSources("");

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo"));

        ex.Message.ShouldContain("No NuGet package sources are enabled");
        ex.Message.ShouldContain(Path.Combine(_box.Work, "nuget.config"));
    }
}
