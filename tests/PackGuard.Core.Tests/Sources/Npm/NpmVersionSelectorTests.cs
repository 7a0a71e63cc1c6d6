using PackGuard.Sources.Npm;

namespace PackGuard.Tests.Sources.Npm;

public sealed class NpmVersionSelectorTests
{
    private static readonly NpmPackument Packument = new(
        "demo",
        new Dictionary<string, string> { ["latest"] = "1.4.0", ["next"] = "2.0.0-rc.1", ["legacy"] = "0.9.0" },
        new[] { "0.9.0", "1.0.0", "1.4.0", "1.5.0", "2.0.0-rc.1" }.ToDictionary(v => v, _ => (NpmVersionManifest?)new NpmVersionManifest(null)));

    [Theory]
    [InlineData(null, "Tag", "1.4.0")]
    [InlineData("", "Tag", "1.4.0")]
    [InlineData("1.0.0", "Version", "1.0.0")]
    [InlineData("v1.0.0", "Version", "1.0.0")]
    [InlineData("next", "Tag", "2.0.0-rc.1")]
    [InlineData("legacy", "Tag", "0.9.0")]
    [InlineData("^1.0.0", "Range", "1.4.0")]
    [InlineData(">=1.4.1", "Range", "1.5.0")]
    [InlineData("<1", "Range", "0.9.0")]
    [InlineData("^2.0.0-rc.0", "Range", "2.0.0-rc.1")]
    public void Picks_what_npm_would_install(string? requested, string kind, string version)
    {
        var selection = NpmVersionSelector.Select(Packument, requested);

        selection.Kind.ShouldBe(Enum.Parse<NpmRequestKind>(kind));
        selection.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("3.0.0", "Version")]
    [InlineData("beta", "Tag")]
    [InlineData("^3", "Range")]
    [InlineData("^2", "Range")]
    public void Reports_nothing_when_nothing_matches(string requested, string kind)
    {
        var selection = NpmVersionSelector.Select(Packument, requested);

        selection.Kind.ShouldBe(Enum.Parse<NpmRequestKind>(kind));
        selection.Version.ShouldBeNull();
    }

    [Fact]
    public void Highest_lists_releases_newest_first_then_prereleases()
    {
        NpmVersionSelector.Highest(Packument, 3).ShouldBe(["1.5.0", "1.4.0", "1.0.0"]);
        NpmVersionSelector.Highest(Packument, 99)[^1].ShouldBe("2.0.0-rc.1");
    }
}
