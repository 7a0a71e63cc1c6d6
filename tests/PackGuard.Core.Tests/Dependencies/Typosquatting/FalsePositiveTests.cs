using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

/// <summary>
/// What the detector says about names that are not squats: the most popular names of each list
/// against the rest of it, and every package of a real, large lockfile. docs/deps.md quotes the figures.
/// </summary>
public sealed class FalsePositiveTests
{
    [Theory]
    [InlineData("npm")]
    [InlineData("pypi")]
    [InlineData("nuget")]
    public void The_most_popular_names_are_never_flagged(string ecosystem)
    {
        SquatEcosystems.TryParse(ecosystem, out var parsed).ShouldBeTrue();
        var corpus = CorpusResources.Load(parsed);
        var top = corpus.Names.Take(1_000).ToList();

        Flagged(new TyposquatDetector(_ => corpus), ecosystem, top).ShouldBeEmpty();
        // Even without the established-name rule, no popular name is a hundred times less popular than a lookalike.
        Flagged(new TyposquatDetector(_ => corpus, PopularityGate.RatioOnly), ecosystem, top).Count.ShouldBeLessThanOrEqualTo(1);
        // Without the gate, many popular names have a listed lookalike: the gate is what keeps them quiet.
        Flagged(new TyposquatDetector(_ => corpus, PopularityGate.Off), ecosystem, top).Count.ShouldBeGreaterThan(200);
    }

    [Fact]
    public void A_large_real_lockfile_has_no_lookalike()
    {
        var names = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Dependencies", "Typosquatting", "lockfile-names.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToList();

        names.Count.ShouldBe(2_318);
        Flagged(TyposquatDetector.Default, "npm", names).ShouldBeEmpty();
    }

    /// <summary>
    /// In a lockfile, <c>node_modules/string-width-cjs</c> is an npm alias of string-width (its
    /// <c>name</c> field says so). Checked by the alias instead of the name, it reads as a
    /// combosquat: lockfile readers must pass the package's own name.
    /// </summary>
    [Fact]
    public void An_npm_alias_must_be_checked_by_the_package_name()
    {
        TyposquatDetector.Default.Check("npm", "string-width-cjs").ShouldNotBeNull().Intended.ShouldBe("string-width");
        TyposquatDetector.Default.Check("npm", "string-width").ShouldBeNull();
    }

    private static List<TyposquatMatch> Flagged(TyposquatDetector detector, string ecosystem, IEnumerable<string> names) =>
        [.. names.Select(n => detector.Check(ecosystem, n)).OfType<TyposquatMatch>()];
}
