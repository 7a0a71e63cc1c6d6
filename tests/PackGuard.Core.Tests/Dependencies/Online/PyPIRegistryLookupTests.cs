using System.Diagnostics;
using System.Net;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

public sealed class PyPIRegistryLookupTests : IDisposable
{
    private const string Project = LookupFixture.PyPI + "pypi/flask-login/json";

    private readonly LookupFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static object File(string iso, string? plain = null) => new Dictionary<string, object?>
    {
        ["filename"] = "x.whl",
        ["upload_time"] = plain ?? iso[..19],
        ["upload_time_iso_8601"] = iso,
        ["yanked"] = false,
    };

    [Fact]
    public async Task A_version_is_as_old_as_its_earliest_file()
    {
        _fixture.Http.Json(Project, LookupFixture.Json(new
        {
            info = new { name = "Flask-Login", description = new string('d', 200_000), version = "0.6.3" },
            releases = new Dictionary<string, object[]>
            {
                ["0.6.2"] = [File("2022-07-25T21:48:24.123456Z")],
                // A wheel uploaded a day after the sdist does not make the release younger.
                ["0.6.3"] = [File("2026-11-21T09:00:00.000001Z"), File("2026-11-20T08:00:00.000001Z")],
                ["0.7.0"] = [],
            },
            urls = new[] { File("2030-01-01T00:00:00Z") },
        }));

        var package = await _fixture.LookupAsync(Ecosystems.PyPI, "Flask_Login", "0.6.2", "0.6.3", "0.7.0", "9.9");

        package.Presence.ShouldBe(RegistryPresence.Exists);
        package.Registry.ShouldBe(LookupFixture.PyPI);
        package.Published.ShouldBe(new Dictionary<string, DateTimeOffset>
        {
            ["0.6.2"] = DateTimeOffset.Parse("2022-07-25T21:48:24.123456Z"),
            ["0.6.3"] = DateTimeOffset.Parse("2026-11-20T08:00:00.000001Z"),
        });
        package.PublishedBefore("0.6.3", LookupFixture.Cutoff).ShouldBe(false);
        _fixture.Http.Requests.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe(Project);
    }

    [Fact]
    public async Task Versions_match_as_PEP_440_compares_them()
    {
        _fixture.Http.Json(Project, LookupFixture.Json(new
        {
            releases = new Dictionary<string, object[]>
            {
                ["1.0"] = [File("2021-01-01T00:00:00Z")],
                ["2.0.0b1"] = [File("2022-01-01T00:00:00Z")],
            },
        }));

        var package = await _fixture.LookupAsync(Ecosystems.PyPI, "flask-login", "1.0.0", "2.0.0-Beta1");

        package.Published.Keys.Order().ShouldBe(["1.0.0", "2.0.0-Beta1"]);
    }

    [Fact]
    public async Task A_plain_upload_time_is_utc()
    {
        _fixture.Http.Json(Project, """{"releases": {"1.0": [{"upload_time": "2021-01-01T05:00:00"}]}}""");

        var package = await _fixture.LookupAsync(Ecosystems.PyPI, "flask-login", "1.0");

        package.Published["1.0"].ShouldBe(new DateTimeOffset(2021, 1, 1, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Without_releases_each_versions_own_document_is_read()
    {
        _fixture.Http.Json(Project, """{"info": {"name": "flask-login"}}""");
        _fixture.Http.Json(LookupFixture.PyPI + "pypi/flask-login/0.6.3/json", LookupFixture.Json(new
        {
            info = new { version = "0.6.3" },
            urls = new[] { File("2023-10-30T14:53:19.123Z"), File("2023-10-30T14:50:00Z") },
        }));

        var package = await _fixture.LookupAsync(Ecosystems.PyPI, "flask-login", "0.6.3", "0.6.4");

        package.Published.ShouldBe(new Dictionary<string, DateTimeOffset> { ["0.6.3"] = DateTimeOffset.Parse("2023-10-30T14:50:00Z") });
        package.Error.ShouldBeNull();
        _fixture.Http.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_unregistered_name_is_missing()
    {
        var package = await _fixture.LookupAsync(Ecosystems.PyPI, "acme-internal-utils", "1.0");

        package.Presence.ShouldBe(RegistryPresence.Missing);
        _fixture.Http.Requests.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe(LookupFixture.PyPI + "pypi/acme-internal-utils/json");
    }

    [Fact]
    public async Task An_unresolvable_registry_is_unknown_at_once_and_not_asked_again()
    {
        _fixture.Http.ThrowFirst(LookupFixture.PyPI + "pypi/requests/json", 3, () =>
            new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (pypi.example:443)"));
        var lookup = _fixture.Lookup();
        var clock = Stopwatch.StartNew();

        var first = await lookup.LookupAsync(Ecosystems.PyPI, "requests", ["2.31.0"], LookupFixture.Cutoff, CancellationToken.None);
        var second = await lookup.LookupAsync(Ecosystems.PyPI, "flask", ["3.0.0"], LookupFixture.Cutoff, CancellationToken.None);

        first.Presence.ShouldBe(RegistryPresence.Unknown);
        first.Error.ShouldBe("could not reach https://pypi.example/: Name or service not known (pypi.example:443)");
        second.Presence.ShouldBe(RegistryPresence.Unknown);
        second.Error.ShouldBe("not asked: an earlier request in this run failed (could not reach https://pypi.example/: Name or service not known (pypi.example:443)).");
        // A name that does not resolve is not retried, and the second package is not sent at all.
        _fixture.Http.Requests.ShouldHaveSingleItem();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_in_time_is_unknown_within_the_bound()
    {
        _fixture.Http.Route(LookupFixture.PyPI + "pypi/requests/json", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var limits = LookupFixture.Fast with { Retry = new(1, TimeSpan.Zero, TimeSpan.FromMilliseconds(200)) };
        var lookup = _fixture.Lookup(limits: limits);
        var clock = Stopwatch.StartNew();

        var package = await lookup.LookupAsync(Ecosystems.PyPI, "requests", ["2.31.0"], LookupFixture.Cutoff, CancellationToken.None);
        var next = await lookup.LookupAsync(Ecosystems.PyPI, "flask", [], LookupFixture.Cutoff, CancellationToken.None);

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error.ShouldBe("could not reach https://pypi.example/: timed out after 0.2 s");
        next.Error!.ShouldStartWith("not asked: ");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        _fixture.Http.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("-leading")]
    [InlineData("trailing.")]
    [InlineData("spa ce")]
    [InlineData("ünïcode")]
    [InlineData("a/b")]
    public async Task A_name_pip_would_refuse_is_not_sent(string name)
    {
        var package = await _fixture.LookupAsync(Ecosystems.PyPI, name);

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        _fixture.Http.Requests.ShouldBeEmpty();
    }
}
