using PackGuard.Sources.NuGet;

namespace PackGuard.Tests.Sources.NuGet;

public sealed class NuGetVersionTests
{
    [Theory]
    [InlineData("1", "1.0.0")]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.0.0.0", "1.0.0")]
    [InlineData("1.0.0.7", "1.0.0.7")]
    [InlineData("01.002.0003", "1.2.3")]
    [InlineData("1.0.0-Beta.01", "1.0.0-Beta.01")]
    [InlineData("1.0.0+build.5", "1.0.0")]
    [InlineData("1.0.0-rc.1+build.5", "1.0.0-rc.1")]
    public void Normalises_like_nuget(string text, string normalized)
    {
        Parse(text).Normalized.ShouldBe(normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1..2")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-a..b")]
    [InlineData("1.2.3+")]
    [InlineData("-1.0.0")]
    [InlineData("99999999999.0.0")]
    public void Rejects_invalid_versions(string text)
    {
        NuGetVersion.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1.0", "1.0.0.0")]
    [InlineData("1.0.0-BETA", "1.0.0-beta")]
    [InlineData("1.0.0+a", "1.0.0+b")]
    public void Equal_versions_are_equal_and_hash_alike(string a, string b)
    {
        Parse(a).ShouldBe(Parse(b));
        Parse(a).GetHashCode().ShouldBe(Parse(b).GetHashCode());
    }

    [Fact]
    public void Orders_numbers_then_prereleases()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-alpha.10", "1.0.0-beta", "1.0.0", "1.0.0.1", "1.0.1", "1.10.0", "2.0.0"];

        ordered.Reverse().Select(Parse).Order().Select(v => v.Normalized).ShouldBe(ordered);
    }

    private static NuGetVersion Parse(string text)
    {
        NuGetVersion.TryParse(text, out var v).ShouldBeTrue(text);
        return v;
    }
}
