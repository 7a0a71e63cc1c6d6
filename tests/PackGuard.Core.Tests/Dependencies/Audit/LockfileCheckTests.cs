using PackGuard.Dependencies.Audit;
using PackGuard.Findings;
using PackGuard.Scanning;
using static PackGuard.Dependencies.Audit.ProjectSamples;

namespace PackGuard.Tests.Dependencies.Audit;

/// <summary>The <c>lockfile/*</c> checks, one behaviour each, on small package-locks and other formats.</summary>
public sealed class LockfileCheckTests
{
    private static ScanResult Audit(DependencyPolicy? policy, params (string Path, string Content)[] files)
    {
        using var fixture = new LockfileFixture();
        foreach (var (path, content) in files)
            fixture.Write(path, content);
        return ProjectAudits.Run(fixture.Root, policy);
    }

    private static ScanResult Audit(params Package[] packages) => Audit(null, ("package-lock.json", PackageLock(packages).Content));

    private static List<Finding> Of(ScanResult result, string rule) => [.. result.Findings.Where(f => f.RuleId == rule)];

    [Fact]
    public void Http_and_git_urls_without_tls_are_high_and_name_the_url()
    {
        var result = Audit(
            Registry("left-pad", "1.3.0") with { Resolved = "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz" },
            new Package("tiny", "1.0.0") { Resolved = "git://github.com/acme/tiny.git#0123456789abcdef0123456789abcdef01234567", Integrity = null });

        var insecure = Of(result, "lockfile/insecure-transport");
        insecure.Count.ShouldBe(2);
        insecure.ShouldAllBe(f => f.Severity == Severity.High);
        insecure[0].Message.ShouldContain("without TLS");
        // An http URL of the public registry is not also an unexpected host: one problem, one finding.
        Of(result, "lockfile/unexpected-host").ShouldBeEmpty();
    }

    [Fact]
    public void A_host_is_allowed_when_the_project_configuration_or_the_policy_names_it()
    {
        var mirror = Registry("left-pad", "1.3.0") with { Resolved = "https://npm.mirror.example/left-pad/-/left-pad-1.3.0.tgz" };
        var lockfile = PackageLock(mirror).Content;

        var unexpected = Of(Audit(null, ("package-lock.json", lockfile)), "lockfile/unexpected-host").ShouldHaveSingleItem();
        unexpected.Message.ShouldContain("npm.mirror.example");
        ((string?)unexpected.Properties["host"]).ShouldBe("npm.mirror.example");

        Of(Audit(null, ("package-lock.json", lockfile), (".npmrc", "registry=https://npm.mirror.example/\n")), "lockfile/unexpected-host").ShouldBeEmpty();
        Of(Audit(new DependencyPolicy { InternalRegistries = ["https://npm.mirror.example/npm/"] }, ("package-lock.json", lockfile)), "lockfile/unexpected-host").ShouldBeEmpty();

        // deps.allowedHosts replaces the default list: the public registry is then unexpected too.
        var strict = Audit(new DependencyPolicy { AllowedHosts = ["npm.mirror.example"] }, ("package-lock.json", PackageLock(mirror, Registry("ms", "2.1.3")).Content));
        Of(strict, "lockfile/unexpected-host").ShouldHaveSingleItem().Properties["package"]!.GetValue<string>().ShouldBe("ms");
    }

    [Fact]
    public void A_git_dependency_is_medium_on_a_branch_and_low_on_a_full_commit()
    {
        var result = Audit(
            new Package("on-branch", "1.0.0") { Resolved = "git+ssh://git@github.com/acme/on-branch.git#main", Integrity = null },
            new Package("on-commit", "1.0.0") { Resolved = "git+ssh://git@github.com/acme/on-commit.git#0123456789abcdef0123456789abcdef01234567", Integrity = null });

        var git = Of(result, "lockfile/git-dependency");
        git.Single(f => (string?)f.Properties["package"] == "on-branch").Severity.ShouldBe(Severity.Medium);
        git.Single(f => (string?)f.Properties["package"] == "on-commit").Severity.ShouldBe(Severity.Low);
        // git sources carry no registry hash by nature; that is the git rule's point, not a second finding.
        Of(result, "lockfile/missing-integrity").ShouldBeEmpty();
    }

    [Fact]
    public void A_tarball_url_is_a_url_dependency_and_without_a_hash_also_unpinned()
    {
        var result = Audit(new Package("tiny", "1.0.0") { Resolved = "https://files.example.com/tiny-1.0.0.tgz", Integrity = null });

        Of(result, "lockfile/url-dependency").ShouldHaveSingleItem().Message.ShouldContain("no hash pins its content");
        Of(result, "lockfile/missing-integrity").ShouldHaveSingleItem();
    }

    [Fact]
    public void Sha1_only_entries_are_one_low_finding_per_lockfile_listing_them()
    {
        var result = Audit(
            Registry("a", "1.0.0") with { Integrity = "sha1-W4o6d2Xf4AEmHd6RVYnngvjJTR4=" },
            Registry("b", "1.0.0") with { Integrity = "sha1-AAAAd2Xf4AEmHd6RVYnngvjJTR4=" },
            Registry("c", "1.0.0") with { Integrity = "sha1-W4o6d2Xf4AEmHd6RVYnngvjJTR4= " + Sha512 });

        var weak = Of(result, "lockfile/weak-integrity").ShouldHaveSingleItem();
        weak.Severity.ShouldBe(Severity.Low);
        weak.Properties["count"]!.GetValue<int>().ShouldBe(2);
        weak.Message.ShouldContain("a@1.0.0");
        weak.Message.ShouldNotContain("c@1.0.0");
    }

    [Fact]
    public void A_url_of_another_package_or_version_is_a_mismatch_but_an_alias_is_not()
    {
        var result = Audit(
            Registry("left-pad", "1.3.0") with { Resolved = "https://registry.npmjs.org/leftpad-evil/-/leftpad-evil-1.3.0.tgz" },
            Registry("ms", "2.1.3") with { Resolved = "https://registry.npmjs.org/ms/-/ms-2.0.0.tgz" },
            Registry("@babel/core", "7.26.0"),
            Registry("@scoped/escaped", "1.0.0") with { Resolved = "https://registry.npmjs.org/@scoped%2fescaped/-/escaped-1.0.0.tgz" });

        var mismatches = Of(result, "lockfile/name-mismatch");
        mismatches.Select(f => (string?)f.Properties["package"]).ShouldBe(["left-pad", "ms"], ignoreOrder: true);
        mismatches.Single(f => (string?)f.Properties["package"] == "ms").Message.ShouldContain("version 2.0.0");

        // "lodash-alias": "npm:lodash@4.17.21" installs lodash under another folder name: no mismatch.
        const string aliased = """
            {
              "name": "app", "lockfileVersion": 3,
              "packages": {
                "": { "dependencies": { "lodash-alias": "npm:lodash@4.17.21" } },
                "node_modules/lodash-alias": {
                  "name": "lodash", "version": "4.17.21",
                  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
                  "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg=="
                }
              }
            }
            """;
        Of(Audit(null, ("package-lock.json", aliased)), "lockfile/name-mismatch").ShouldBeEmpty();
    }

    [Fact]
    public void Workspaces_links_and_bundled_packages_are_not_fetched_so_not_judged()
    {
        const string lockfile = """
            {
              "name": "app", "lockfileVersion": 3,
              "packages": {
                "": { "workspaces": ["packages/util"], "dependencies": { "bundler": "1.0.0" } },
                "node_modules/util": { "resolved": "packages/util", "link": true },
                "packages/util": { "name": "util", "version": "1.0.0" },
                "node_modules/bundler": { "version": "1.0.0", "resolved": "https://registry.npmjs.org/bundler/-/bundler-1.0.0.tgz", "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==" },
                "node_modules/bundler/node_modules/inner": { "version": "2.0.0", "inBundle": true }
              }
            }
            """;

        Audit(null, ("package-lock.json", lockfile)).Findings.Where(f => f.RuleId.StartsWith("lockfile/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void A_lockfile_with_broken_syntax_is_reported_with_its_problem_and_what_was_read_is_still_judged()
    {
        var result = Audit(null, ("package-lock.json", "{ \"lockfileVersion\": 3, \"packages\": { \"node_modules/crossenv\": { \"version\": \"1.0.0\" } }, }}"));

        var unreadable = Of(result, "lockfile/unreadable").ShouldHaveSingleItem();
        unreadable.Severity.ShouldBe(Severity.Medium);
        unreadable.Properties["problemCount"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Python_and_NuGet_lockfiles_are_judged_by_their_own_hashes_and_sources()
    {
        const string uv = """
            version = 1

            [[package]]
            name = "requests"
            version = "2.32.3"
            source = { registry = "http://pypi.internal.example/simple" }
            sdist = { url = "http://pypi.internal.example/files/requests-2.32.3.tar.gz" }
            """;
        var result = Audit(null, ("uv.lock", uv));
        Of(result, "lockfile/insecure-transport").ShouldHaveSingleItem();
        Of(result, "lockfile/missing-integrity").ShouldHaveSingleItem();

        // A requirements file pins no hashes unless asked: a missing one is not a lockfile hole there.
        Audit(null, ("requirements.txt", "requests==2.32.3\n")).Findings.ShouldBeEmpty();

        const string nugetLock = """
            { "version": 1, "dependencies": { "net8.0": { "Serilog": { "type": "Direct", "requested": "[4.0.0, )", "resolved": "4.0.0" } } } }
            """;
        Of(Audit(null, ("packages.lock.json", nugetLock)), "lockfile/missing-integrity").ShouldHaveSingleItem();
    }
}
