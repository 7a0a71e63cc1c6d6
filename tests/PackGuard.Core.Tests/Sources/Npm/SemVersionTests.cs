using PackGuard.Sources.Npm;

namespace PackGuard.Tests.Sources.Npm;

public sealed class SemVersionTests
{
    [Fact]
    public void Precedence_follows_the_semver_specification_example()
    {
        // The ordering given in semver.org §11, deliberately shuffled before sorting.
        string[] expected = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"];
        var shuffled = expected.Reverse().Concat(expected).Distinct().OrderBy(v => v.GetHashCode()).ToArray();

        var sorted = shuffled.Select(Parse).Order().Select(v => v.ToString()).ToArray();

        sorted.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.2.3", 1, 2, 3, "")]
    [InlineData("v1.2.3", 1, 2, 3, "")]
    [InlineData("=1.2.3", 1, 2, 3, "")]
    [InlineData(" 1.2.3 ", 1, 2, 3, "")]
    [InlineData("1.2.3-beta.1", 1, 2, 3, "beta.1")]
    [InlineData("1.2.3-beta-x.1+build.5", 1, 2, 3, "beta-x.1")]
    [InlineData("10.20.30", 10, 20, 30, "")]
    public void Parses_versions(string text, long major, long minor, long patch, string prerelease)
    {
        var v = Parse(text);

        (v.Major, v.Minor, v.Patch, string.Join('.', v.Prerelease)).ShouldBe((major, minor, patch, prerelease));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("1.2.x")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-beta..1")]
    [InlineData("1.2.3+")]
    [InlineData("a.b.c")]
    [InlineData("99999999999999999.0.0")]
    [InlineData("latest")]
    public void Rejects_what_is_not_a_full_version(string text)
    {
        SemVersion.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Build_metadata_does_not_affect_equality()
    {
        Parse("1.2.3+a").ShouldBe(Parse("1.2.3+b"));
        Parse("1.2.3-rc.1+a").CompareTo(Parse("1.2.3-rc.1")).ShouldBe(0);
    }

    [Fact]
    public void Numeric_identifiers_compare_numerically_even_beyond_long()
    {
        Parse("1.0.0-99999999999999999999999").CompareTo(Parse("1.0.0-100000000000000000000000")).ShouldBeLessThan(0);
        Parse("1.0.0-2").CompareTo(Parse("1.0.0-10")).ShouldBeLessThan(0);
        Parse("1.0.0-10").CompareTo(Parse("1.0.0-a")).ShouldBeLessThan(0);
    }

    private static SemVersion Parse(string text)
    {
        SemVersion.TryParse(text, out var v).ShouldBeTrue(text);
        return v;
    }
}
