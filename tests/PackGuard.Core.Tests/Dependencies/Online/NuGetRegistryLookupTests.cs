using System.Net;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

public sealed class NuGetRegistryLookupTests : IDisposable
{
    private readonly LookupFixture _fixture = new();

    public NuGetRegistryLookupTests() => _fixture.ServeNuGetIndex();

    public void Dispose() => _fixture.Dispose();

    private void ServeVersions(params string[] versions) =>
        _fixture.Http.Json(LookupFixture.NuGetFlat + "demo/index.json", LookupFixture.Json(new { versions }));

    private void ServeRegistration(params object[] entries) =>
        _fixture.Http.Json(LookupFixture.NuGetRegistrations + "demo/index.json", LookupFixture.Json(new
        {
            items = new[] { new { lower = "0.1.0", upper = "9.0.0", items = entries.Select(e => new { catalogEntry = e }).ToArray() } },
        }));

    [Fact]
    public async Task An_id_with_versions_exists_and_gets_its_publish_times_spelled_as_asked()
    {
        ServeVersions("1.0.0", "1.1.0", "2.0.0");
        ServeRegistration(
            new { version = "1.0.0", published = "2024-01-02T03:04:05+00:00" },
            new { version = "1.1.0", published = "2026-11-20T10:00:00+00:00" },
            new { version = "2.0.0", published = "2026-11-21T10:00:00+00:00" });

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "1.0", "1.1.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Registry.ShouldBe(LookupFixture.NuGetIndex);
        package.Published.ShouldBe(new Dictionary<string, DateTimeOffset>
        {
            ["1.0"] = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["1.1.0"] = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
        });
        package.PublishedBefore("1.1.0", LookupFixture.Cutoff).ShouldBe(false);
        package.Error.ShouldBeNull();
    }

    [Fact]
    public async Task An_unlisted_version_has_no_time()
    {
        ServeVersions("1.0.0");
        // nuget.org writes 1900-01-01 as the publish time of an unlisted version.
        ServeRegistration(new { version = "1.0.0", listed = false, published = "1900-01-01T00:00:00+00:00" });

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published.ShouldBeEmpty();
        package.PublishedBefore("1.0.0", LookupFixture.Cutoff).ShouldBeNull();
    }

    [Fact]
    public async Task A_feed_without_publish_times_gives_none_and_no_error()
    {
        ServeVersions("1.0.0");
        ServeRegistration(new { version = "1.0.0", listed = true });

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published.ShouldBeEmpty();
        package.Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_feed_without_a_registration_resource_gives_presence_only()
    {
        _fixture.ServeNuGetIndex(registrations: false);
        ServeVersions("1.0.0");

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published.ShouldBeEmpty();
        _fixture.Http.Requests.ShouldNotContain(r => r.Url.AbsoluteUri.StartsWith(LookupFixture.NuGetRegistrations, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Versions_the_feed_does_not_have_cost_no_registration_request()
    {
        ServeVersions("1.0.0");

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "3.0.0", "not-a-version");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Published.ShouldBeEmpty();
        _fixture.Http.Requests.Select(r => r.Url.AbsoluteUri).ShouldBe([LookupFixture.NuGetIndex, LookupFixture.NuGetFlat + "demo/index.json"]);
    }

    [Fact]
    public async Task An_unknown_id_is_missing()
    {
        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Acme.Internal.Billing", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Missing);
        package.Error.ShouldBeNull();
        _fixture.Http.Requests.Last().Url.AbsoluteUri.ShouldBe(LookupFixture.NuGetFlat + "acme.internal.billing/index.json");
    }

    [Fact]
    public async Task A_feed_whose_service_index_fails_is_unknown()
    {
        _fixture.Http.FailFirst(LookupFixture.NuGetIndex, 3, HttpStatusCode.ServiceUnavailable);

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error.ShouldBe("NuGet source nuget.org (https://nuget.example/v3/index.json) kept failing with HTTP 503 (Service Unavailable) after 3 attempts; try again later.");
    }

    [Fact]
    public async Task A_version_list_that_does_not_decode_is_unknown_not_a_crash()
    {
        // A lone surrogate escape: JsonElement.GetString throws on it.
        _fixture.Http.Json(LookupFixture.NuGetFlat + "demo/index.json", """{"versions": ["1.0.0", "\ud800"]}""");

        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error!.ShouldContain("unreadable answer for 'Demo'");
    }

    [Fact]
    public async Task An_invalid_id_is_not_sent()
    {
        var package = await _fixture.LookupAsync(Ecosystems.NuGet, "Demo..Evil/../x", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error!.ShouldContain("is not a valid nuget name");
        _fixture.Http.Requests.ShouldBeEmpty();
    }
}
