using PackGuard.Artifacts.Metadata;
using PackGuard.Inspectors.Files;

namespace PackGuard.Tests.Inspectors.Files;

/// <summary>npm-packlist's strict and default rules, as PackGuard reproduces them.</summary>
public sealed class NpmPackRulesTests
{
    [Theory]
    [InlineData(".npmrc", "**/.npmrc")]
    [InlineData("lib/.npmrc", "**/.npmrc")]
    [InlineData("lib/.DS_Store", ".DS_Store")]
    [InlineData("img/._logo.png", "._*")]
    [InlineData("lib/.index.js.swp", ".*.swp")]
    [InlineData("lib/index.js.orig", "*.orig")]
    [InlineData("npm-debug.log", "npm-debug.log")]
    [InlineData("vendor/.git/config", "**/.git")]
    [InlineData("CVS/Root", "**/CVS")]
    [InlineData(".env", null)]
    [InlineData("yarn-error.log", null)]
    [InlineData("lib/index.js.bak", null)]
    public void Knows_the_default_rule_that_leaves_a_file_out(string path, string? rule) =>
        NpmPackRules.DefaultRule(path).ShouldBe(rule);

    [Theory]
    [InlineData(".git/HEAD", true)]
    [InlineData("lib/.svn/entries", true)]
    [InlineData("node_modules/dep/index.js", true)]
    [InlineData("lib/node_modules/dep/index.js", false)]
    [InlineData(".github/workflows/ci.yml", false)]
    public void Knows_what_no_package_manager_packs(string path, bool never) =>
        NpmPackRules.NeverPacked(path).ShouldBe(never);

    [Fact]
    public void A_files_entry_that_names_the_file_brings_it_back()
    {
        var plain = new PackageMetadata { Ecosystem = "npm", ManifestPath = "package.json" };
        var listing = plain with { Files = ["lib", "./.npmrc"] };

        NpmPackRules.IgnoredInDirectory(".npmrc", plain).ShouldBeTrue();
        NpmPackRules.IgnoredInDirectory(".npmrc", listing).ShouldBeFalse();
        NpmPackRules.IgnoredInDirectory(".env", plain).ShouldBeFalse();
        NpmPackRules.IgnoredInDirectory(".npmrc", plain with { Ecosystem = "pypi" }).ShouldBeFalse();
    }
}
