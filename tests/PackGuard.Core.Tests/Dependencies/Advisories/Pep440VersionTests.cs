using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

public sealed class Pep440VersionTests
{
    /// <summary>The ordering example of PEP 440 ("Summary of permitted suffixes and relative ordering"), with epochs and local versions added.</summary>
    private static readonly string[] Ordered =
    [
        "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
        "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456",
        "1.0.15", "1.1.dev1", "2.0", "2013.10.1", "1!0.1", "1!1.0",
    ];

    [Fact]
    public void Orders_versions_as_PEP_440_does()
    {
        var parsed = Ordered.Select(Parse).ToList();

        for (var i = 0; i < parsed.Count; i++)
        {
            for (var j = 0; j < parsed.Count; j++)
                Math.Sign(parsed[i].CompareTo(parsed[j])).ShouldBe(Math.Sign(i.CompareTo(j)), $"{Ordered[i]} vs {Ordered[j]}");
        }
    }

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0", "1")]
    [InlineData("v1.0", "1.0")]
    [InlineData("1.0-alpha.1", "1.0a1")]
    [InlineData("1.0.ALPHA1", "1.0a1")]
    [InlineData("1.0beta2", "1.0b2")]
    [InlineData("1.0c1", "1.0rc1")]
    [InlineData("1.0pre1", "1.0rc1")]
    [InlineData("1.0preview1", "1.0rc1")]
    [InlineData("1.0a", "1.0a0")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("1.0-r1", "1.0.post1")]
    [InlineData("1.0rev", "1.0.post0")]
    [InlineData("1.0_post_2", "1.0.post2")]
    [InlineData("1.0-dev", "1.0.dev0")]
    [InlineData("01.002", "1.2")]
    [InlineData(" 1.0\n", "1.0")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("1.0+Ubuntu-1", "1.0+ubuntu.1")]
    [InlineData("1.0+abc.007", "1.0+abc.7")]
    public void Normalised_spellings_are_equal(string a, string b)
    {
        Parse(a).ShouldBe(Parse(b));
        Parse(a).GetHashCode().ShouldBe(Parse(b).GetHashCode());
        Parse(a).Canonical.ShouldBe(Parse(b).Canonical);
    }

    [Fact]
    public void Canonical_spellings_differ_for_versions_that_differ()
    {
        var canonical = Ordered.Select(v => Parse(v).Canonical).ToList();

        canonical.Distinct(StringComparer.Ordinal).Count().ShouldBe(Ordered.Length);
        Parse("1.0.0+abc.007").Canonical.ShouldBe("1+abc.7");
    }

    [Theory]
    [InlineData("1.0-alpha.1", "1.0a1")]
    [InlineData("1!2.0rc1.post3.dev4+local.1", "1!2.0rc1.post3.dev4+local.1")]
    [InlineData("v01.0C2", "1.0rc2")]
    [InlineData("2.0-1", "2.0.post1")]
    public void Prints_the_normalised_form(string text, string normalised) => Parse(text).ToString().ShouldBe(normalised);

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.0.")]
    [InlineData(".1")]
    [InlineData("1..0")]
    [InlineData("1.0+")]
    [InlineData("1.0+a..b")]
    [InlineData("1.0a1b1")]
    [InlineData("1.0-beta-")]
    [InlineData("1.0 1")]
    [InlineData("1.0.devx")]
    [InlineData("x!1.0")]
    [InlineData("1.0.0-SNAPSHOT")]
    [InlineData("12345678901234567890")]
    [InlineData("1.0+loc@l")]
    public void Rejects_what_is_not_a_PEP_440_version(string text) => Pep440Version.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void A_dev_release_of_a_post_release_sorts_between_the_release_and_the_post_release()
    {
        Parse("1.0").ShouldBeLessThan(Parse("1.0.post1.dev1"));
        Parse("1.0.post1.dev1").ShouldBeLessThan(Parse("1.0.post1"));
    }

    [Fact]
    public void Local_segments_compare_numbers_above_words_and_longer_above_shorter()
    {
        Parse("1.0+abc").ShouldBeLessThan(Parse("1.0+1"));
        Parse("1.0+1").ShouldBeLessThan(Parse("1.0+1.0"));
        Parse("1.0+9").ShouldBeLessThan(Parse("1.0+10"));
        Parse("1.0").ShouldBeLessThan(Parse("1.0+0"));
    }

    private static Pep440Version Parse(string text)
    {
        Pep440Version.TryParse(text, out var version).ShouldBeTrue(text);
        return version;
    }
}
