using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Inspectors.Exposure;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Policy;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Acceptance;

/// <summary>
/// The acceptance cases of the scanning core, on real packages from the npm registry: the release
/// that leaked its source through a 59.7 MB map, its neighbour without a map, and the most
/// downloaded packages, which must not cry wolf. Skipped with PACKGUARD_OFFLINE=1.
/// </summary>
public sealed class RealPackageTests(RealPackageTests.Registry registry) : IClassFixture<RealPackageTests.Registry>
{
    [OnlineFact]
    public async Task The_incident_release_is_one_critical_embedded_sources_finding_with_the_right_counts()
    {
        var report = await registry.ScanAsync("npm:@anthropic-ai/claude-code@2.1.88");

        report.Verdict.ShouldBe(Verdict.Fail);
        report.Result.Findings.Where(f => f.Severity >= Severity.High).ShouldHaveSingleItem();
        var finding = report.Result.Findings.Single(f => f.RuleId == SourceMapRules.EmbeddedSources);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Location.Path.ShouldBe("package/cli.js.map");
        Figure(finding, "sources").ShouldBe(4756);
        Figure(finding, "sourcesWithContent").ShouldBe(4756);
        Figure(finding, "firstPartySources").ShouldBe(1906);
        Figure(finding, "thirdPartySources").ShouldBe(2850);
        Figure(finding, "firstPartyLines").ShouldBe(513_676);
        Figure(finding, "firstPartyBytes").ShouldBe(30_395_086);
        Figure(finding, "mapBytes").ShouldBe(59_766_257);
        finding.Properties["hidden"]!.GetValue<bool>().ShouldBeTrue();
        finding.Properties["topDirectories"]!.AsArray()[0]!.ToJsonString().ShouldBe("""{"path":"src/utils","files":564}""");
        report.Result.Target.License.ShouldBe("SEE LICENSE IN README.md");

        // A secret inside the map's sourcesContent is reported at the original file and line:
        // the Datadog client token (public by design, so low) of src/services/analytics/datadog.ts.
        var token = report.Result.Findings.Single(f => f.RuleId.StartsWith("secret/", StringComparison.Ordinal) && f.Location.OriginalPath == "src/services/analytics/datadog.ts");
        token.Location.Path.ShouldBe("package/cli.js.map");
        token.Location.Line.ShouldBe(14);
        token.Severity.ShouldBe(Severity.Low);

        // What the map says about the company: its staging API under its own domain (from the
        // author's e-mail address), and a developer's home directory in a comment.
        var staging = report.Result.Findings.Single(f => f.RuleId == ExposureRules.InternalHost && f.Properties["value"]!.GetValue<string>() == "api-staging.anthropic.com");
        staging.Severity.ShouldBe(Severity.Medium);
        staging.Properties["ownDomain"]!.GetValue<string>().ShouldBe("anthropic.com");
        staging.Properties["locations"]!.AsArray().ShouldContain(l => l!["originalPath"] != null && l["originalPath"]!.GetValue<string>() == "src/constants/oauth.ts");
        var home = report.Result.Findings.Single(f => f.RuleId == ExposureRules.HomePath && f.Properties["value"]!.GetValue<string>() == "/Users/zeeg/");
        home.Severity.ShouldBe(Severity.Low);
        home.Location.OriginalPath.ShouldBe("src/utils/file.ts");
        report.Result.Findings.ShouldNotContain(f => f.RuleId.StartsWith("file/", StringComparison.Ordinal));
    }

    [OnlineFact]
    public async Task A_codename_the_team_declares_is_found_in_the_incident_bundle_and_its_map()
    {
        var report = await registry.ScanAsync("npm:@anthropic-ai/claude-code@2.1.88", new ExposureOptions { Codenames = ["tengu"] });

        var finding = report.Result.Findings.Single(f => f.RuleId == ExposureRules.Codename);
        finding.Severity.ShouldBe(Severity.High);
        Figure(finding, "occurrences").ShouldBeGreaterThan(2000);
        Figure(finding, "files").ShouldBeGreaterThan(300);
        finding.Location.Path.ShouldBe("package/cli.js");
    }

    [OnlineFact]
    public async Task The_neighbouring_release_without_a_map_passes()
    {
        var report = await registry.ScanAsync("npm:@anthropic-ai/claude-code@2.1.87");

        report.Verdict.ShouldBe(Verdict.Pass);
        report.Result.Findings.ShouldNotContain(f => f.Severity >= Severity.High);
        report.Result.Findings.ShouldNotContain(f => f.RuleId.StartsWith("source-map/", StringComparison.Ordinal));
    }

    [OnlineFact]
    public async Task The_ten_most_downloaded_npm_packages_have_no_high_or_critical_finding()
    {
        string[] top = ["semver", "ansi-styles", "debug", "minimatch", "strip-ansi", "chalk", "supports-color", "string-width", "ansi-regex", "ms"];
        foreach (var name in top)
        {
            var report = await registry.ScanAsync("npm:" + name);
            report.Result.Findings.Where(f => f.Severity >= Severity.High).ShouldBeEmpty(name);
            report.Verdict.ShouldBe(Verdict.Pass, name);
        }
    }

    [OnlineFact]
    public async Task Five_popular_nuget_packages_have_no_high_or_critical_finding()
    {
        string[] popular = ["nuget:Newtonsoft.Json@13.0.3", "nuget:Serilog@3.1.1", "nuget:Castle.Core@5.1.1", "nuget:Moq@4.20.72", "nuget:Polly@8.5.2"];
        foreach (var spec in popular)
        {
            var report = await registry.ScanAsync(spec);
            report.Result.Findings.Where(f => f.Severity >= Severity.High).ShouldBeEmpty(spec);
            report.Verdict.ShouldBe(Verdict.Pass, spec);
        }
    }

    [OnlineTheory]
    [InlineData("npm:void-elements@3.1.0", 4)]
    [InlineData("npm:hpack.js@2.1.6", 22)]
    public async Task Tarballs_with_base256_user_ids_from_old_node_tar_are_read(string spec, int entries)
    {
        var report = await registry.ScanAsync(spec);

        report.Result.Target.EntryCount.ShouldBe(entries);
        report.Verdict.ShouldBe(Verdict.Pass);
    }

    private static long Figure(Finding finding, string name) =>
        long.Parse(finding.Properties[name]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One download cache for the class, so each tarball is fetched once per run.</summary>
    public sealed class Registry : IDisposable
    {
        private readonly TestSandbox _sandbox = new();
        private readonly HttpClient _http = SourceHttpClientFactory.Create();

        public async Task<ScanReport> ScanAsync(string raw, ExposureOptions? exposure = null)
        {
            var resolver = new TargetResolver(_http, _sandbox.Environment, _sandbox.Cache);
            var target = await resolver.ResolveAsync(TargetSpecParser.Parse(raw), progress: null, CancellationToken.None);
            var result = new Scanner(Scanner.DefaultInspectors(TestKeys.Fingerprinter, exposure), ArtifactLimits.Default).Scan(target);
            return VerdictPolicy.Evaluate(result, FailThreshold.Default);
        }

        public void Dispose()
        {
            _http.Dispose();
            _sandbox.Dispose();
        }
    }
}
