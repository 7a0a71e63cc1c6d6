using PackGuard.Dependencies.Audit;
using PackGuard.Findings;
using PackGuard.Rules;
using PackGuard.Scanning;
using static PackGuard.Dependencies.Audit.ProjectSamples;

namespace PackGuard.Tests.Dependencies.Audit;

/// <summary>
/// The <c>--online</c> checks against a registry that holds what each test says: internal names
/// that exist or are unclaimed publicly, and versions younger than the cooldown.
/// </summary>
public sealed class OnlineCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DependencyPolicy Acme = new() { InternalScopes = ["@acme"], InternalPrefixes = ["acme-"] };

    private static ScanResult Audit(DependencyPolicy policy, Dictionary<string, IReadOnlyDictionary<string, int>> registry, params Package[] packages)
    {
        using var fixture = new LockfileFixture();
        fixture.Write("package-lock.json", PackageLock(packages).Content);
        return ProjectAudits.Run(fixture.Root, new ProjectSample([]) { Policy = policy, Registry = registry, Now = Now });
    }

    private static IReadOnlyDictionary<string, int> Versions(params (string Version, int HoursAgo)[] versions) =>
        versions.ToDictionary(v => v.Version, v => v.HoursAgo);

    private static readonly Package Private = Registry("@acme/auth", "2.0.0") with { Resolved = "https://npm.acme.example/@acme/auth/-/auth-2.0.0.tgz" };

    [Fact]
    public void An_internal_name_that_exists_on_the_public_registry_is_high()
    {
        var result = Audit(Acme with { InternalRegistries = ["npm.acme.example"] }, new() { ["npm:@acme/auth"] = Versions(("9.9.9", 10)) }, Private);

        var confusion = result.Findings.Where(f => f.RuleId == "dependency/confusion").ToList();
        var exists = confusion.Single(f => (string?)f.Properties["confusion"] == "exists-publicly");
        exists.Severity.ShouldBe(Severity.High);
        exists.Message.ShouldContain("exists on the npm registry");
        result.Dependencies!.Online.ShouldBeTrue();
    }

    [Fact]
    public void An_unclaimed_internal_name_is_low_and_says_how_to_claim_it()
    {
        var result = Audit(Acme, new(), Private, Registry("acme-logger", "1.0.0") with { Resolved = "https://npm.acme.example/acme-logger/-/acme-logger-1.0.0.tgz" });

        var unclaimed = result.Findings.Where(f => (string?)f.Properties["confusion"] == "unclaimed-publicly").ToList();
        unclaimed.Count.ShouldBe(2);
        unclaimed.ShouldAllBe(f => f.Severity == Severity.Low);
        unclaimed.Single(f => (string?)f.Properties["package"] == "@acme/auth").Message.ShouldContain("Create the organization");
        unclaimed.Single(f => (string?)f.Properties["package"] == "acme-logger").Message.ShouldContain("placeholder");
    }

    [Fact]
    public void An_internal_name_already_fetched_from_the_public_registry_is_reported_once_as_critical()
    {
        var result = Audit(Acme, new() { ["npm:@acme/auth"] = Versions(("2.0.0", 900)) }, Registry("@acme/auth", "2.0.0"));

        result.Findings.Where(f => f.RuleId == "dependency/confusion").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void A_version_younger_than_the_cooldown_is_too_new_and_an_older_one_is_not()
    {
        var registry = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["npm:left-pad"] = Versions(("1.3.0", 5)),
            ["npm:ms"] = Versions(("2.1.3", 49)),
        };

        var result = Audit(DependencyPolicy.Default, registry, Registry("left-pad", "1.3.0"), Registry("ms", "2.1.3"));

        var tooNew = result.Findings.Where(f => f.RuleId == "dependency/too-new").ShouldHaveSingleItem();
        ((string?)tooNew.Properties["package"]).ShouldBe("left-pad");
        tooNew.Message.ShouldContain("published 5 hours ago");
        tooNew.Properties["cooldownHours"]!.GetValue<double>().ShouldBe(48);
        // A longer cooldown from the policy catches ms too.
        Audit(DependencyPolicy.Default with { Cooldown = TimeSpan.FromDays(3) }, registry, Registry("left-pad", "1.3.0"), Registry("ms", "2.1.3"))
            .Findings.Count(f => f.RuleId == "dependency/too-new").ShouldBe(2);
    }

    [Fact]
    public void Only_registry_packages_are_asked_about_each_name_once_with_its_versions()
    {
        using var fixture = new LockfileFixture();
        fixture.Write("package-lock.json", PackageLock(
            Registry("left-pad", "1.3.0"),
            new Package("tiny", "1.0.0") { Resolved = "git+ssh://git@github.com/acme/tiny.git#main", Integrity = null }).Content);
        fixture.Write("sub/package-lock.json", PackageLock(Registry("left-pad", "1.2.0")).Content);
        var (files, _) = ProjectFiles.Read(fixture.Root);

        var plan = OnlineChecks.Plan(files);

        plan.ShouldHaveSingleItem().Name.ShouldBe("left-pad");
        plan[0].Versions.ShouldBe(["1.3.0", "1.2.0"], ignoreOrder: true);
    }
}
