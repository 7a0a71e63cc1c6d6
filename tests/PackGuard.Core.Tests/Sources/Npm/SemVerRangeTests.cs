using PackGuard.Sources.Npm;

namespace PackGuard.Tests.Sources.Npm;

public sealed class SemVerRangeTests
{
    [Theory]
    // Exact and comparators.
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData(">=1.2.3", "1.2.3", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData("<1.2.3", "1.2.2", true)]
    [InlineData("<=1.2.3", "1.2.3", true)]
    [InlineData(">= 1.2.3 < 2", "1.9.9", true)]
    [InlineData(">=1.2.3 <2", "2.0.0", false)]
    // Wildcards and partials.
    [InlineData("*", "3.4.5", true)]
    [InlineData("", "3.4.5", true)]
    [InlineData("x", "0.0.1", true)]
    [InlineData("1", "1.9.9", true)]
    [InlineData("1", "2.0.0", false)]
    [InlineData("1.x", "1.0.0", true)]
    [InlineData("1.2.x", "1.2.9", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.2", "1.2.0", true)]
    [InlineData(">1", "2.0.0", true)]
    [InlineData(">1", "1.9.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData("<1.2", "1.1.9", true)]
    [InlineData("<1.2", "1.2.0", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<=1.2", "1.3.0", false)]
    [InlineData(">=1", "1.0.0", true)]
    [InlineData(">*", "1.0.0", false)]
    // Tilde.
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1.2.3", "1.2.2", false)]
    [InlineData("~1.2", "1.2.0", true)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~>1.2.3", "1.2.5", true)]
    [InlineData("~0.2.3", "0.2.9", true)]
    // Caret.
    [InlineData("^1.2.3", "1.9.9", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0.0", "0.0.9", true)]
    [InlineData("^0.0", "0.1.0", false)]
    [InlineData("^0.x", "0.9.0", true)]
    [InlineData("^0.x", "1.0.0", false)]
    [InlineData("^1.x", "1.5.0", true)]
    [InlineData("^0.0.x", "0.0.7", true)]
    // Hyphen ranges.
    [InlineData("1.2.3 - 2.3.4", "2.3.4", true)]
    [InlineData("1.2.3 - 2.3.4", "2.3.5", false)]
    [InlineData("1.2 - 2.3.4", "1.2.0", true)]
    [InlineData("1.2.3 - 2.3", "2.3.9", true)]
    [InlineData("1.2.3 - 2.3", "2.4.0", false)]
    [InlineData("1.2.3 - 2", "2.9.9", true)]
    [InlineData("1.2.3 - 2", "3.0.0", false)]
    // Unions.
    [InlineData("1.x || >=2.5.0 || 5.0.0 - 7.2.3", "2.6.0", true)]
    [InlineData("1.x || >=2.5.0", "2.4.0", false)]
    [InlineData("^1 || ^3", "3.1.0", true)]
    // Prereleases match only when the range names one of the same major.minor.patch.
    [InlineData("^1.2.3", "1.3.0-beta", false)]
    [InlineData("*", "1.0.0-rc.1", false)]
    [InlineData(">1.2.3-alpha.3", "1.2.3-alpha.7", true)]
    [InlineData(">1.2.3-alpha.3", "3.4.5-alpha.9", false)]
    [InlineData(">1.2.3-alpha.3", "3.4.5", true)]
    [InlineData("^1.2.3-beta.2", "1.2.3-beta.4", true)]
    [InlineData("^1.2.3-beta.2", "1.2.4-beta.2", false)]
    [InlineData("~1.2.3-beta.2", "1.2.3-beta.10", true)]
    [InlineData("^1.0.0", "2.0.0-0", false)]
    [InlineData("<2.0.0", "2.0.0-rc.1", false)]
    public void Satisfies_like_node_semver(string range, string version, bool expected)
    {
        SemVerRange.TryParse(range, out var parsed).ShouldBeTrue(range);
        SemVersion.TryParse(version, out var v).ShouldBeTrue(version);

        parsed.IsSatisfiedBy(v).ShouldBe(expected, $"'{version}' in '{range}' ({parsed})");
    }

    [Theory]
    [InlineData("^1.2.3", ">=1.2.3 <2.0.0-0")]
    [InlineData("~1.2.3", ">=1.2.3 <1.3.0-0")]
    [InlineData("^0.2.3", ">=0.2.3 <0.3.0-0")]
    [InlineData("^0.0.3", ">=0.0.3 <0.0.4-0")]
    [InlineData("1.2.x", ">=1.2.0 <1.3.0-0")]
    [InlineData("1.2.3 - 2.3", ">=1.2.3 <2.4.0-0")]
    public void Sugar_agrees_with_its_desugared_form_on_every_version(string sugar, string desugared)
    {
        SemVerRange.TryParse(sugar, out var a).ShouldBeTrue();
        SemVerRange.TryParse(desugared, out var b).ShouldBeTrue();

        foreach (var version in Grid())
            a.IsSatisfiedBy(version).ShouldBe(b.IsSatisfiedBy(version), $"{version} in '{sugar}' vs '{desugared}'");
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("next")]
    [InlineData("1.2.3.4")]
    [InlineData(">=")]
    [InlineData("^")]
    [InlineData("1.2.3 -")]
    [InlineData("a || b")]
    public void Tags_and_garbage_are_not_ranges(string text)
    {
        SemVerRange.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Max_satisfying_picks_the_highest_match()
    {
        SemVerRange.TryParse("^1.0.0", out var range).ShouldBeTrue();
        var versions = new[] { "0.9.0", "1.0.0", "1.4.2", "1.10.0", "1.11.0-beta", "2.0.0" }
            .Select(v => SemVersion.TryParse(v, out var parsed) ? parsed : null!).ToArray();

        range.MaxSatisfying(versions)!.ToString().ShouldBe("1.10.0");
    }

    private static IEnumerable<SemVersion> Grid()
    {
        string[][] prereleases = [[], ["0"], ["alpha"], ["beta", "2"]];
        for (var major = 0; major <= 3; major++)
            for (var minor = 0; minor <= 4; minor++)
                for (var patch = 0; patch <= 4; patch++)
                    foreach (var pre in prereleases)
                        yield return new SemVersion(major, minor, patch, pre);
    }
}
