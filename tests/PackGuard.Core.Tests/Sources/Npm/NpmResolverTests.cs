using System.Net;
using PackGuard.Sources;
using PackGuard.Sources.Http;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Sources.Npm.NpmFixture;

namespace PackGuard.Tests.Sources.Npm;

public sealed class NpmResolverTests : IDisposable
{
    private static readonly Dictionary<string, string> Latest11 = new() { ["latest"] = "1.1.0", ["next"] = "2.0.0-rc.1" };

    private readonly TestSandbox _box = new();
    private readonly FakeNpmVersion _v100 = Version("demo", "1.0.0");
    private readonly FakeNpmVersion _v110 = Version("demo", "1.1.0");
    private readonly FakeNpmVersion _v200rc = Version("demo", "2.0.0-rc.1");

    public void Dispose() => _box.Dispose();

    private Task<ResolvedTarget> Resolve(string raw, IProgress<TransferProgress>? progress = null, CancellationToken ct = default) =>
        _box.Resolver().ResolveAsync(TargetSpecParser.Parse(raw), progress, ct);

    private void PublishDemo() => Publish(_box.Http, "demo", Latest11, _v100, _v110, _v200rc);

    [Fact]
    public async Task An_exact_version_is_downloaded_into_the_cache_and_verified()
    {
        PublishDemo();
        var progress = new RecordingProgress();

        var target = await Resolve("npm:demo@1.0.0", progress);

        target.Ecosystem.ShouldBe("npm");
        target.Registry.ShouldBe(new Uri(Registry));
        target.ResolvedVersion.ShouldBe("1.0.0");
        target.VerifiedIntegrity.ShouldBe(_v100.Integrity);
        target.IsDirectory.ShouldBeFalse();
        target.LocalPath.ShouldStartWith(_box.Cache.RootPath);
        (await File.ReadAllBytesAsync(target.LocalPath)).ShouldBe(_v100.Tarball);
        _box.TempFiles().ShouldBeEmpty();
        progress.Reports.Last().ShouldBe(new TransferProgress("npm:demo@1.0.0", _v100.Tarball.Length, _v100.Tarball.Length));
    }

    [Fact]
    public async Task Registry_requests_carry_the_npm_accept_header_and_our_user_agent()
    {
        PublishDemo();

        await Resolve("npm:demo");

        var packument = _box.Http.Requests.First();
        packument.Url.ShouldBe(new Uri(Registry + "demo"));
        packument.Accept!.ShouldContain("application/vnd.npm.install-v1+json");
        packument.UserAgent.ShouldBe(SourceHttpClientFactory.UserAgent);
        SourceHttpClientFactory.UserAgent.ShouldStartWith("packguard/");
    }

    [Theory]
    [InlineData("npm:demo", "1.1.0")]
    [InlineData("npm:demo@latest", "1.1.0")]
    [InlineData("npm:demo@next", "2.0.0-rc.1")]
    [InlineData("npm:demo@~1.0", "1.0.0")]
    [InlineData("npm:demo@>=1.0.0 <1.1.0 || 2.x", "1.0.0")]
    [InlineData("pkg:npm/demo@1.1.0", "1.1.0")]
    public async Task Tags_and_ranges_resolve_to_a_concrete_version(string raw, string version)
    {
        PublishDemo();

        var target = await Resolve(raw);

        target.ResolvedVersion.ShouldBe(version);
        _box.Http.CountFor($"{Registry}demo/-/demo-{version}.tgz").ShouldBe(1);
    }

    [Fact]
    public async Task Scoped_names_are_requested_with_an_encoded_slash()
    {
        var scoped = Version("@acme/tool", "3.0.0");
        Publish(_box.Http, "@acme/tool", new Dictionary<string, string> { ["latest"] = "3.0.0" }, scoped);

        var target = await Resolve("pkg:npm/%40acme/tool");

        target.ResolvedVersion.ShouldBe("3.0.0");
        _box.Http.Requests.First().Url.AbsoluteUri.ShouldBe(Registry + "@acme%2ftool");
    }

    [Fact]
    public async Task The_configured_registry_is_used()
    {
        const string registry = "https://npm.corp.example/repo/";
        _box.Write("work/.npmrc", $"registry={registry}");
        Publish(_box.Http, registry, "demo", Latest11, Version("demo", "1.1.0", registry));

        var target = await Resolve("npm:demo");

        target.Registry.ShouldBe(new Uri(registry));
        _box.Http.Requests.ShouldAllBe(r => r.Url.Host == "npm.corp.example");
    }

    [Fact]
    public async Task A_purl_repository_url_overrides_the_configuration()
    {
        const string registry = "https://mirror.example/npm/";
        _box.Write("work/.npmrc", "registry=https://ignored.example/");
        Publish(_box.Http, registry, "demo", Latest11, Version("demo", "1.1.0", registry));

        var target = await Resolve($"pkg:npm/demo@1.1.0?repository_url={registry}");

        target.Registry.ShouldBe(new Uri(registry));
    }

    [Fact]
    public async Task An_unknown_package_is_unavailable_and_names_the_registry()
    {
        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:no-such-package"));

        ex.Message.ShouldBe($"npm package 'no-such-package' was not found in {Registry}.");
    }

    [Theory]
    [InlineData("npm:demo@9.9.9", "has no version 9.9.9")]
    [InlineData("npm:demo@^3", "has no version matching '^3'")]
    [InlineData("npm:demo@beta", "has no dist-tag 'beta'")]
    public async Task A_missing_version_lists_the_tags_and_recent_versions(string raw, string what)
    {
        PublishDemo();

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve(raw));

        ex.Message.ShouldContain(what);
        ex.Message.ShouldContain("latest=1.1.0, next=2.0.0-rc.1");
        ex.Message.ShouldContain("1.1.0, 1.0.0, 2.0.0-rc.1");
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "authentication required")]
    [InlineData(HttpStatusCode.Forbidden, "access refused")]
    public async Task Auth_failures_point_at_npmrc_without_revealing_the_token(HttpStatusCode status, string verb)
    {
        _box.Write("home/.npmrc", "//registry.npmjs.org/:_authToken=npm_SuperSecretToken123");
        _box.Http.Status(Registry + "demo", status);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain(verb);
        ex.Message.ShouldContain(".npmrc");
        ex.Message.ShouldNotContain("npm_SuperSecretToken123");
        _box.Http.Requests.Single().Authorization.ShouldBe("Bearer npm_SuperSecretToken123");
    }

    [Fact]
    public async Task Without_credentials_a_401_suggests_adding_a_token()
    {
        _box.Http.Status(Registry + "demo", HttpStatusCode.Unauthorized);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("//registry.npmjs.org/:_authToken=");
    }

    [Fact]
    public async Task A_token_goes_to_the_registry_but_not_to_a_tarball_on_another_host()
    {
        const string registry = "https://npm.corp.example/";
        _box.Write("home/.npmrc", $"registry={registry}\n//npm.corp.example/:_authToken=corp-token");
        var onCdn = Version("demo", "1.0.0") with { TarballUrl = "https://cdn.example.net/demo-1.0.0.tgz" };
        Publish(_box.Http, registry, "demo", new Dictionary<string, string> { ["latest"] = "1.0.0" }, onCdn);

        await Resolve("npm:demo");

        _box.Http.Requests.Single(r => r.Url.Host == "npm.corp.example").Authorization.ShouldBe("Bearer corp-token");
        _box.Http.Requests.Single(r => r.Url.Host == "cdn.example.net").Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task A_network_failure_is_retried_then_reported_as_unreachable()
    {
        _box.Http.ThrowFirst(Registry + "demo", 3, () => new HttpRequestException("Connection refused (registry.npmjs.org:443)"));

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldBe($"could not reach {Registry}: Connection refused (registry.npmjs.org:443)");
        _box.Http.CountFor(Registry + "demo").ShouldBe(3);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_not_retried()
    {
        _box.Http.ThrowFirst(Registry + "demo", 3, () =>
            new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (registry.npmjs.org:443)"));

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("could not reach");
        ex.Message.ShouldContain("Name or service not known");
        _box.Http.CountFor(Registry + "demo").ShouldBe(1);
    }

    [Fact]
    public async Task A_503_is_retried_and_the_download_succeeds()
    {
        PublishDemo();
        _box.Http.FailFirst(Registry + "demo", 1, HttpStatusCode.ServiceUnavailable);
        _box.Http.FailFirst(_v110.TarballUrl, 2, HttpStatusCode.ServiceUnavailable);

        var target = await Resolve("npm:demo");

        target.VerifiedIntegrity.ShouldBe(_v110.Integrity);
        _box.Http.CountFor(Registry + "demo").ShouldBe(2);
        _box.Http.CountFor(_v110.TarballUrl).ShouldBe(3);
    }

    [Fact]
    public async Task A_registry_that_keeps_failing_is_reported_after_three_attempts()
    {
        _box.Http.FailFirst(Registry + "demo", 3, HttpStatusCode.BadGateway);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("HTTP 502");
        ex.Message.ShouldContain("3 attempts");
    }

    [Fact]
    public async Task A_request_that_hangs_times_out()
    {
        _box.Http.Route(Registry + "demo", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var resolver = new TargetResolver(new HttpClient(_box.Http), _box.Environment, _box.Cache)
        {
            RetryPolicy = new RetryPolicy(1, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)),
        };

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => resolver.ResolveAsync(TargetSpecParser.Parse("npm:demo"), null, default));

        ex.Message.ShouldContain("timed out");
        _box.Http.CountFor(Registry + "demo").ShouldBe(2);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_network_failure()
    {
        using var cts = new CancellationTokenSource();
        _box.Http.Route(Registry + "demo", async (_, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

        var ex = await Should.ThrowAsync<Exception>(() => Resolve("npm:demo", ct: cts.Token));

        ex.ShouldBeAssignableTo<OperationCanceledException>();
        _box.Http.CountFor(Registry + "demo").ShouldBe(1);
    }

    [Fact]
    public async Task An_integrity_mismatch_is_refused_and_leaves_no_file_behind()
    {
        PublishDemo();
        _box.Http.Bytes(_v110.TarballUrl, Tarball("demo", "6.6.6"));

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("Integrity check failed for npm:demo@1.1.0");
        ex.Message.ShouldContain(_v110.Integrity![..20]);
        ex.Message.ShouldNotContain(_v110.Integrity!);
        _box.TempFiles().ShouldBeEmpty();
        Directory.GetFiles(_box.Cache.RootPath, "*.tgz", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cached_tarball_is_reused_without_downloading_it_again()
    {
        PublishDemo();
        var first = await Resolve("npm:demo@1.1.0");
        _box.Http.Status(_v110.TarballUrl, HttpStatusCode.InternalServerError);

        var second = await Resolve("npm:demo@1.1.0");

        second.LocalPath.ShouldBe(first.LocalPath);
        second.VerifiedIntegrity.ShouldBe(_v110.Integrity);
        _box.Http.CountFor(_v110.TarballUrl).ShouldBe(1);
    }

    [Fact]
    public async Task A_corrupted_cache_entry_is_downloaded_again()
    {
        PublishDemo();
        var first = await Resolve("npm:demo@1.1.0");
        await File.WriteAllTextAsync(first.LocalPath, "corrupted");

        var second = await Resolve("npm:demo@1.1.0");

        (await File.ReadAllBytesAsync(second.LocalPath)).ShouldBe(_v110.Tarball);
        _box.Http.CountFor(_v110.TarballUrl).ShouldBe(2);
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_is_reported_as_such()
    {
        PublishDemo();
        await File.WriteAllTextAsync(_box.Cache.RootPath, "a file where the cache directory should be");

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain($"Could not store npm:demo@1.1.0 in the download cache {_box.Cache.RootPath}");
        _box.Http.CountFor(_v110.TarballUrl).ShouldBe(1);
    }

    [Fact]
    public async Task Without_integrity_the_sha1_shasum_is_verified()
    {
        var old = _v100 with { Integrity = null };
        Publish(_box.Http, "demo", new Dictionary<string, string> { ["latest"] = "1.0.0" }, old);

        var target = await Resolve("npm:demo");

        target.VerifiedIntegrity!.ShouldStartWith("sha1-");
        Convert.ToHexStringLower(Convert.FromBase64String(target.VerifiedIntegrity!["sha1-".Length..])).ShouldBe(old.Shasum);
    }

    [Fact]
    public async Task A_wrong_shasum_is_refused()
    {
        var old = _v100 with { Integrity = null, Shasum = new string('0', 40) };
        Publish(_box.Http, "demo", new Dictionary<string, string> { ["latest"] = "1.0.0" }, old);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("sha1-");
    }

    [Fact]
    public async Task An_unreadable_integrity_value_is_refused_rather_than_skipped()
    {
        var odd = _v100 with { Integrity = "md5-XUFAKrxLKna5cZ2REBfFkg==", Shasum = null };
        Publish(_box.Http, "demo", new Dictionary<string, string> { ["latest"] = "1.0.0" }, odd);

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("cannot read");
        _box.Http.CountFor(_v100.TarballUrl).ShouldBe(0);
    }

    [Fact]
    public async Task Invalid_json_from_the_registry_is_reported()
    {
        _box.Http.Json(Registry + "demo", "{ \"versions\": [ not json");

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("npm:demo"));

        ex.Message.ShouldContain("invalid document");
    }

    private sealed class RecordingProgress : IProgress<TransferProgress>
    {
        public List<TransferProgress> Reports { get; } = [];

        public void Report(TransferProgress value) => Reports.Add(value);
    }
}
