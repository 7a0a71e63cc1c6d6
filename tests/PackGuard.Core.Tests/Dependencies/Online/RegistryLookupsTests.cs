using System.Collections.Concurrent;
using System.Net;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

public sealed class RegistryLookupsTests : IDisposable
{
    private readonly LookupFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    /// <summary>
    /// Records what it was asked and how many look-ups ran at once; each takes a few milliseconds.
    /// The first <see cref="HoldUntil"/> calls wait (up to 5 s) until that many run together, so a
    /// busy machine that starts workers slowly still shows the true bound.
    /// </summary>
    private sealed class RecordingLookup : IRegistryLookup
    {
        private int _running;
        private int _started;

        public int HoldUntil { get; init; }

        public ConcurrentQueue<(string Ecosystem, string Name, string[] Versions)> Calls { get; } = new();

        public int MostAtOnce { get; private set; }

        public async Task<RegistryPackage> LookupAsync(string ecosystem, string name, IReadOnlyCollection<string> versions, DateTimeOffset olderThan, CancellationToken ct)
        {
            Calls.Enqueue((ecosystem, name, versions.ToArray()));
            var now = Interlocked.Increment(ref _running);
            lock (Calls)
                MostAtOnce = Math.Max(MostAtOnce, now);
            try
            {
                if (Interlocked.Increment(ref _started) <= HoldUntil)
                {
                    for (var waited = 0; Volatile.Read(ref _running) < HoldUntil && waited < 5000; waited += 5)
                        await Task.Delay(5, ct);
                    lock (Calls)
                        MostAtOnce = Math.Max(MostAtOnce, Volatile.Read(ref _running));
                }
                await Task.Delay(15, ct);
                return new RegistryPackage(ecosystem, name, "fake", RegistryPresence.Exists);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    /// <summary>Reports synchronously, so the test sees every report before the call returns.</summary>
    private sealed class ListProgress : IProgress<(int Done, int Total)>
    {
        public List<(int Done, int Total)> Reports { get; } = [];

        public void Report((int Done, int Total) value)
        {
            lock (Reports)
                Reports.Add(value);
        }
    }

    private static (string, string, IReadOnlyCollection<string>) P(string ecosystem, string name, params string[] versions) => (ecosystem, name, versions);

    [Fact]
    public async Task At_most_the_given_number_run_at_once()
    {
        var lookup = new RecordingLookup { HoldUntil = 3 };
        var packages = Enumerable.Range(0, 40).Select(i => P(Ecosystems.Npm, $"pkg-{i}", "1.0.0"));

        var results = await RegistryLookups.LookupAllAsync(lookup, packages, LookupFixture.Cutoff, null, 3, CancellationToken.None);

        results.Count.ShouldBe(40);
        lookup.MostAtOnce.ShouldBe(3);
    }

    [Fact]
    public async Task The_default_runs_eight_at_once()
    {
        var lookup = new RecordingLookup { HoldUntil = RegistryLookups.DefaultConcurrency };
        var packages = Enumerable.Range(0, 40).Select(i => P(Ecosystems.Npm, $"pkg-{i}"));

        await RegistryLookups.LookupAllAsync(lookup, packages, LookupFixture.Cutoff, null, CancellationToken.None);

        lookup.MostAtOnce.ShouldBe(RegistryLookups.DefaultConcurrency);
        RegistryLookups.DefaultConcurrency.ShouldBe(8);
    }

    [Fact]
    public async Task Each_name_is_looked_up_once_with_all_its_versions_in_first_seen_order()
    {
        var lookup = new RecordingLookup();
        (string, string, IReadOnlyCollection<string>)[] packages =
        [
            P(Ecosystems.Npm, "b", "1.0.0"),
            P(Ecosystems.PyPI, "Flask_Login", "0.6.2"),
            P(Ecosystems.Npm, "a", "1.0.0"),
            P(Ecosystems.Npm, "b", "2.0.0", "1.0.0"),
            P(Ecosystems.PyPI, "flask-login", "0.6.3"),
            P(Ecosystems.NuGet, "Newtonsoft.Json", "13.0.3"),
            P(Ecosystems.NuGet, "newtonsoft.json", "13.0.3", ""),
            // npm names are case-sensitive: JSONStream and jsonstream are two packages.
            P(Ecosystems.Npm, "JSONStream", "1.0.0"),
            P(Ecosystems.Npm, "jsonstream", "1.0.0"),
            // The same name in another ecosystem is another package.
            P(Ecosystems.PyPI, "a", "1.0"),
        ];

        var results = await RegistryLookups.LookupAllAsync(lookup, packages, LookupFixture.Cutoff, null, CancellationToken.None);

        results.Select(r => $"{r.Ecosystem}:{r.Name}").ShouldBe(
            ["npm:b", "pypi:Flask_Login", "npm:a", "nuget:Newtonsoft.Json", "npm:JSONStream", "npm:jsonstream", "pypi:a"]);
        lookup.Calls.Count.ShouldBe(7);
        lookup.Calls.Single(c => c.Name == "b").Versions.ShouldBe(["1.0.0", "2.0.0"]);
        lookup.Calls.Single(c => c.Name == "Flask_Login").Versions.ShouldBe(["0.6.2", "0.6.3"]);
        lookup.Calls.Single(c => c.Name == "Newtonsoft.Json").Versions.ShouldBe(["13.0.3"]);
    }

    [Fact]
    public async Task Progress_counts_names_up_to_the_total()
    {
        var progress = new ListProgress();
        var packages = Enumerable.Range(0, 10).Select(i => P(Ecosystems.Npm, $"pkg-{i % 5}"));

        await RegistryLookups.LookupAllAsync(new RecordingLookup(), packages, LookupFixture.Cutoff, progress, CancellationToken.None);

        progress.Reports[0].ShouldBe((0, 5));
        progress.Reports.Select(r => r.Done).Order().ShouldBe([0, 1, 2, 3, 4, 5]);
        progress.Reports.ShouldAllBe(r => r.Total == 5);
    }

    [Fact]
    public async Task Cancellation_propagates()
    {
        using var cts = new CancellationTokenSource();
        var packages = Enumerable.Range(0, 100).Select(i => P(Ecosystems.Npm, $"pkg-{i}"));
        cts.CancelAfter(30);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            RegistryLookups.LookupAllAsync(new RecordingLookup(), packages, LookupFixture.Cutoff, null, 2, cts.Token));
    }

    [Fact]
    public async Task Nothing_to_look_up_is_an_empty_list()
    {
        var progress = new ListProgress();

        var results = await RegistryLookups.LookupAllAsync(new RecordingLookup(), [], LookupFixture.Cutoff, progress, CancellationToken.None);

        results.ShouldBeEmpty();
        progress.Reports.ShouldBe([(0, 0)]);
    }

    [Fact]
    public async Task Over_the_real_lookup_each_document_is_fetched_once()
    {
        _fixture.Http.Json(LookupFixture.Npm + "demo", LookupFixture.Json(new { name = "demo", modified = "2020-01-01T00:00:00Z" }));
        _fixture.Http.Json(LookupFixture.PyPI + "pypi/flask-login/json", """{"releases": {"0.6.3": [{"upload_time_iso_8601": "2023-10-30T14:50:00Z"}]}}""");
        (string, string, IReadOnlyCollection<string>)[] packages =
        [
            P(Ecosystems.Npm, "demo", "1.0.0"), P(Ecosystems.Npm, "demo", "1.1.0"), P(Ecosystems.Npm, "missing", "1.0.0"),
            P(Ecosystems.PyPI, "Flask-Login", "0.6.3"), P(Ecosystems.PyPI, "flask_login", "0.6.3"), P(Ecosystems.Npm, "missing", "2.0.0"),
        ];

        var results = await RegistryLookups.LookupAllAsync(_fixture.Lookup(), packages, LookupFixture.Cutoff, null, CancellationToken.None);

        results.Select(r => (r.Name, r.Presence)).ShouldBe([("demo", RegistryPresence.Exists), ("missing", RegistryPresence.Missing), ("Flask-Login", RegistryPresence.Exists)]);
        results[2].Published.Keys.ShouldBe(["0.6.3"]);
        _fixture.Http.Requests.Select(r => r.Url.AbsoluteUri).Order().ShouldBe(
            [LookupFixture.Npm + "demo", LookupFixture.Npm + "missing", LookupFixture.PyPI + "pypi/flask-login/json"]);
    }

    [Fact]
    public async Task A_failing_registry_does_not_fail_the_others()
    {
        for (var i = 0; i < 6; i++)
            _fixture.Http.Status($"{LookupFixture.PyPI}pypi/p{i}/json", HttpStatusCode.InternalServerError);
        _fixture.Http.Json(LookupFixture.Npm + "demo", """{"name": "demo"}""");
        var packages = Enumerable.Range(0, 6).Select(i => P(Ecosystems.PyPI, $"p{i}", "1.0")).Append(P(Ecosystems.Npm, "demo", "1.0.0"));

        var results = await RegistryLookups.LookupAllAsync(_fixture.Lookup(), packages, LookupFixture.Cutoff, null, 1, CancellationToken.None);

        results.Take(6).ShouldAllBe(r => r.Presence == RegistryPresence.Unknown);
        results[^1].Presence.ShouldBe(RegistryPresence.Exists);
        // Three packages in a row failed after their retries; the other three were not sent.
        _fixture.Http.Requests.Count(r => r.Url.Host == "pypi.example").ShouldBe(9);
        results[3].Error!.ShouldStartWith("not asked: an earlier request in this run failed (https://pypi.example/ kept failing with HTTP 500");
    }

    [Fact]
    public async Task An_unreachable_registry_costs_one_request_however_many_names()
    {
        _fixture.Http.ThrowFirst(LookupFixture.PyPI + "pypi/p0/json", 1, () =>
            new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (pypi.example:443)"));
        var packages = Enumerable.Range(0, 30).Select(i => P(Ecosystems.PyPI, $"p{i}", "1.0"));
        var limits = LookupFixture.Fast with { Retry = new(0, TimeSpan.Zero, TimeSpan.FromSeconds(5)) };

        var results = await RegistryLookups.LookupAllAsync(_fixture.Lookup(limits: limits), packages, LookupFixture.Cutoff, null, CancellationToken.None);

        results.ShouldAllBe(r => r.Presence == RegistryPresence.Unknown);
        results[0].Error.ShouldBe("could not reach https://pypi.example/: Connection refused (pypi.example:443)");
        results.Skip(1).ShouldAllBe(r => r.Error == "not asked: an earlier request in this run failed (could not reach https://pypi.example/: Connection refused (pypi.example:443)).");
        _fixture.Http.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_NuGet_feeds_service_index_is_fetched_once_for_many_concurrent_lookups()
    {
        _fixture.ServeNuGetIndex();
        for (var i = 0; i < 20; i++)
            _fixture.Http.Json($"{LookupFixture.NuGetFlat}p{i}/index.json", LookupFixture.Json(new { versions = new[] { "1.0.0" } }));
        var packages = Enumerable.Range(0, 20).Select(i => P(Ecosystems.NuGet, $"P{i}", "1.0.0"));

        var results = await RegistryLookups.LookupAllAsync(_fixture.Lookup(), packages, LookupFixture.Cutoff, null, CancellationToken.None);

        results.ShouldAllBe(r => r.Presence == RegistryPresence.Exists);
        _fixture.Http.CountFor(LookupFixture.NuGetIndex).ShouldBe(1);
    }

    [Fact]
    public async Task After_the_registry_has_answered_one_timeout_does_not_give_up_on_it()
    {
        _fixture.Http.Json(LookupFixture.Npm + "a", """{"name": "a"}""");
        _fixture.Http.Route(LookupFixture.Npm + "slow", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        _fixture.Http.Json(LookupFixture.Npm + "c", """{"name": "c"}""");
        var limits = LookupFixture.Fast with { Retry = new(0, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)) };

        var results = await RegistryLookups.LookupAllAsync(_fixture.Lookup(limits: limits),
            [P(Ecosystems.Npm, "a"), P(Ecosystems.Npm, "slow"), P(Ecosystems.Npm, "c")], LookupFixture.Cutoff, null, 1, CancellationToken.None);

        results.Select(r => r.Presence).ShouldBe([RegistryPresence.Exists, RegistryPresence.Unknown, RegistryPresence.Exists]);
        results[1].Error.ShouldBe("could not reach https://npm.example/: timed out after 0.1 s");
    }
}
