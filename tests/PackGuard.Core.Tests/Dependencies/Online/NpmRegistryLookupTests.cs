using System.Net;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

public sealed class NpmRegistryLookupTests : IDisposable
{
    private const string Abbreviated = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

    private readonly LookupFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static readonly DateTimeOffset Old = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Fresh = LookupFixture.Now.AddHours(-3);

    /// <summary>Serves demo's abbreviated document (no <c>time</c>) and, for the full one, its times.</summary>
    private void ServeDemo(DateTimeOffset modified, Dictionary<string, DateTimeOffset> times, string name = "demo")
    {
        var url = LookupFixture.Npm + name.Replace("/", "%2f", StringComparison.Ordinal);
        var abbreviated = LookupFixture.Json(new Dictionary<string, object>
        {
            ["name"] = name,
            ["dist-tags"] = new { latest = "1.0.0" },
            ["versions"] = times.Keys.ToDictionary(v => v, v => new { name, version = v, dist = new { tarball = "https://x/" } }),
            ["modified"] = modified.ToString("O"),
        });
        var full = LookupFixture.Json(new Dictionary<string, object>
        {
            ["name"] = name,
            ["versions"] = times.Keys.ToDictionary(v => v, v => new { name, version = v, readme = new string('r', 5000) }),
            ["time"] = times.ToDictionary(t => t.Key, t => t.Value.ToString("O")).Append(new("created", Old.ToString("O"))).Append(new("modified", modified.ToString("O"))).ToDictionary(),
        });
        _fixture.Http.Route(url, (request, _) =>
        {
            var body = request.Headers.Accept.ToString().Contains("install-v1", StringComparison.Ordinal) ? abbreviated : full;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        });
    }

    private int RequestsFor(string url, string acceptPart) =>
        _fixture.Http.Requests.Count(r => r.Url.AbsoluteUri == url && r.Accept!.Contains(acceptPart, StringComparison.Ordinal));

    [Fact]
    public async Task A_name_nobody_published_is_missing()
    {
        var package = await _fixture.LookupAsync(Ecosystems.Npm, "packguard-unclaimed", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Missing);
        package.Registry.ShouldBe(LookupFixture.Npm);
        package.Published.ShouldBeEmpty();
        package.Error.ShouldBeNull();
        _fixture.Http.Requests.ShouldHaveSingleItem().Accept.ShouldBe(Abbreviated);
    }

    [Fact]
    public async Task When_modified_is_older_than_the_cutoff_the_full_packument_is_not_fetched()
    {
        ServeDemo(Old.AddDays(10), new() { ["1.0.0"] = Old, ["1.1.0"] = Old.AddDays(10) });

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0", "1.1.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.LastModified.ShouldBe(Old.AddDays(10));
        package.Published.ShouldBeEmpty();
        package.PublishedBefore("1.1.0", LookupFixture.Cutoff).ShouldBe(true);
        _fixture.Http.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task When_modified_is_recent_the_full_packument_gives_each_versions_time()
    {
        ServeDemo(Fresh, new() { ["1.0.0"] = Old, ["1.1.0"] = Fresh, ["2.0.0"] = Fresh });

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0", "1.1.0", "9.9.9");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published.ShouldBe(new Dictionary<string, DateTimeOffset> { ["1.0.0"] = Old, ["1.1.0"] = Fresh });
        package.LastModified.ShouldBe(Fresh);
        package.PublishedBefore("1.0.0", LookupFixture.Cutoff).ShouldBe(true);
        package.PublishedBefore("1.1.0", LookupFixture.Cutoff).ShouldBe(false);
        package.PublishedBefore("9.9.9", LookupFixture.Cutoff).ShouldBeNull();
        RequestsFor(LookupFixture.Npm + "demo", "install-v1").ShouldBe(1);
        _fixture.Http.Requests.Last().Accept.ShouldBe("application/json");
        _fixture.Http.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Without_the_shortcut_an_old_package_costs_the_full_packument_too()
    {
        ServeDemo(Old, new() { ["1.0.0"] = Old });

        var package = await _fixture.Lookup(shortcut: false).LookupAsync(Ecosystems.Npm, "demo", ["1.0.0"], LookupFixture.Cutoff, CancellationToken.None);

        package.Published["1.0.0"].ShouldBe(Old);
        _fixture.Http.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_registry_that_puts_times_in_the_first_document_is_asked_once()
    {
        // Registries without abbreviated documents (and some mirrors) answer the first request with everything.
        _fixture.Http.Json(LookupFixture.Npm + "demo", LookupFixture.Json(new
        {
            name = "demo",
            time = new Dictionary<string, string> { ["1.0.0"] = Fresh.ToString("O"), ["created"] = Old.ToString("O") },
        }));

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0", "2.0.0");

        package.Published.ShouldBe(new Dictionary<string, DateTimeOffset> { ["1.0.0"] = Fresh });
        package.LastModified.ShouldBeNull();
        _fixture.Http.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Scoped_names_are_escaped_as_npm_does()
    {
        ServeDemo(Old, new() { ["1.0.0"] = Old }, name: "@acme/demo");

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "@acme/demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        _fixture.Http.Requests.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("https://npm.example/@acme%2fdemo");
    }

    [Fact]
    public async Task Presence_alone_does_not_read_the_document()
    {
        // A body that is not JSON proves it is never parsed.
        _fixture.Http.Respond(LookupFixture.Npm + "demo", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("not json") });

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_server_error_after_the_retries_is_unknown_with_the_reason()
    {
        _fixture.Http.FailFirst(LookupFixture.Npm + "demo", 3, HttpStatusCode.InternalServerError);

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error.ShouldBe("https://npm.example/ kept failing with HTTP 500 (Internal Server Error) after 3 attempts; try again later.");
        _fixture.Http.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_transient_failure_is_retried()
    {
        ServeDemo(Old, new() { ["1.0.0"] = Old });
        _fixture.Http.FailFirst(LookupFixture.Npm + "demo", 2, HttpStatusCode.ServiceUnavailable);

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Error.ShouldBeNull();
    }

    [Fact]
    public async Task Refused_access_is_unknown_not_missing()
    {
        _fixture.Http.Status(LookupFixture.Npm + "demo", HttpStatusCode.Forbidden);

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error.ShouldBe("https://npm.example/ refused to show npm package 'demo': access refused (HTTP 403).");
    }

    [Fact]
    public async Task An_unreadable_document_is_unknown()
    {
        _fixture.Http.Json(LookupFixture.Npm + "demo", """{"name": "demo", "modified": """);

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error.ShouldStartWith("https://npm.example/ returned an unreadable document for npm package 'demo': ");
    }

    [Fact]
    public async Task When_the_full_packument_fails_the_name_still_exists_and_the_error_says_why_times_are_missing()
    {
        _fixture.Http.Route(LookupFixture.Npm + "demo", (request, _) => Task.FromResult(
            request.Headers.Accept.ToString().Contains("install-v1", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(LookupFixture.Json(new { name = "demo", modified = Fresh.ToString("O") })) }
                : new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("") }));

        var package = await _fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published.ShouldBeEmpty();
        package.PublishedBefore("1.0.0", LookupFixture.Cutoff).ShouldBeNull();
        package.Error.ShouldBe("publish times unavailable: https://npm.example/ kept failing with HTTP 502 (Bad Gateway) after 3 attempts; try again later.");
    }

    [Theory]
    [InlineData("lib/../admin", "a package name can only contain URL-safe characters")]
    [InlineData("_private", "a package name cannot start with '_'")]
    [InlineData("@scope", "a scoped package name has the form @scope/name")]
    public async Task An_invalid_name_is_not_sent(string name, string reason)
    {
        var package = await _fixture.LookupAsync(Ecosystems.Npm, name);

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error!.ShouldContain(reason);
        _fixture.Http.Requests.ShouldBeEmpty();
    }
}
