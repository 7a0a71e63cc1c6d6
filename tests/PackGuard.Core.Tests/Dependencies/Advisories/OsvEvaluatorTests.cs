using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

public sealed class OsvEvaluatorTests
{
    [Theory]
    // The specification's examples.
    [InlineData("introduced:0", "10.0.0", true)]
    [InlineData("introduced:0 fixed:1.0.2", "1.0.1", true)]
    [InlineData("introduced:0 fixed:1.0.2", "1.0.2", false)]
    [InlineData("introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5", "0.9.0", false)]
    [InlineData("introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5", "1.0.0", true)]
    [InlineData("introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5", "2.0.0", false)]
    [InlineData("introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5", "3.2.4", true)]
    [InlineData("introduced:1.0.0 fixed:1.0.2 introduced:3.0.0 fixed:3.2.5", "3.2.5", false)]
    [InlineData("introduced:0 last_affected:2.1.214", "2.1.214", true)]
    [InlineData("introduced:0 last_affected:2.1.214", "2.1.215", false)]
    // Events in any order are sorted first.
    [InlineData("fixed:3.2.5 introduced:3.0.0 fixed:1.0.2 introduced:1.0.0", "3.1.0", true)]
    [InlineData("fixed:3.2.5 introduced:3.0.0 fixed:1.0.2 introduced:1.0.0", "1.5.0", false)]
    // Limits: the range holds only versions below one of them; "*" is no limit.
    [InlineData("introduced:1.0.0 limit:2.0.0", "1.9.9", true)]
    [InlineData("introduced:1.0.0 limit:2.0.0", "2.0.0", false)]
    [InlineData("introduced:0 limit:*", "99.0.0", true)]
    [InlineData("introduced:1.0.0 limit:1.5.0 limit:3.0.0", "2.0.0", true)]
    // A prerelease sorts before its release.
    [InlineData("introduced:0 fixed:2.0.0", "2.0.0-rc.1", true)]
    [InlineData("introduced:2.0.0 fixed:3.0.0", "2.0.0-rc.1", false)]
    // An empty interval affects nothing, not even its own version.
    [InlineData("introduced:1.0.0 fixed:1.0.0", "1.0.0", false)]
    [InlineData("introduced:1.0.0 last_affected:1.0.0", "1.0.0", true)]
    // An event that does not parse is left out.
    [InlineData("introduced:0 fixed:not-a-version", "5.0.0", true)]
    [InlineData("introduced:garbage fixed:2.0.0", "1.0.0", false)]
    public void Evaluates_npm_ranges_as_the_specification_says(string events, string version, bool affected) =>
        OsvEvaluator.Affects(Npm(events), VersionScheme.Npm, version).ShouldBe(affected);

    [Theory]
    [InlineData("introduced:0 fixed:2.0", "1.9", true)]
    [InlineData("introduced:0 fixed:2.0", "2.0.0", false)]
    [InlineData("introduced:0 fixed:2.0", "2.0rc1", true)]
    [InlineData("introduced:0 fixed:2.0", "2.0.dev3", true)]
    [InlineData("introduced:0 fixed:2.0", "2.0.post1", false)]
    [InlineData("introduced:0 fixed:2.0", "1!0.1", false)]
    [InlineData("introduced:1.4 last_affected:1.4.2", "1.4.2+ubuntu1", true)]
    [InlineData("introduced:1.4 last_affected:1.4.2", "1.4.3", false)]
    [InlineData("introduced:2.0.0a1 fixed:2.0.0", "2.0.0b3", true)]
    public void Evaluates_PyPI_ranges_by_PEP_440(string events, string version, bool affected) =>
        OsvEvaluator.Affects(Affected(Ecosystems.PyPI, events), VersionScheme.PyPI, version).ShouldBe(affected);

    [Theory]
    [InlineData("introduced:0 fixed:13.0.1", "12.0.3", true)]
    [InlineData("introduced:0 fixed:13.0.1", "13.0.1.0", false)]
    [InlineData("introduced:1.0 fixed:1.0.0.5", "1.0.0.4", true)]
    [InlineData("introduced:0 fixed:2.0.0", "2.0.0-Beta", true)]
    public void Evaluates_NuGet_ranges_with_NuGet_versions(string events, string version, bool affected) =>
        OsvEvaluator.Affects(Affected(Ecosystems.NuGet, events), VersionScheme.NuGet, version).ShouldBe(affected);

    [Fact]
    public void A_listed_version_matches_in_its_normalised_form_too()
    {
        var affected = new OsvAffected(Ecosystems.NuGet, "AlgoTrading.Net", [], ["1.0.48", "5.0.164"]);

        OsvEvaluator.Affects(affected, VersionScheme.NuGet, "1.0.48").ShouldBeTrue();
        OsvEvaluator.Affects(affected, VersionScheme.NuGet, "1.0.48.0").ShouldBeTrue();
        OsvEvaluator.Affects(affected, VersionScheme.NuGet, "1.0.49").ShouldBeFalse();
        OsvEvaluator.Affects(new OsvAffected(Ecosystems.PyPI, "x", [], ["1.0"]), VersionScheme.PyPI, "1.0.0").ShouldBeTrue();
        // PEP 440: a local label is ignored against a public version, not the other way round.
        OsvEvaluator.Affects(new OsvAffected(Ecosystems.PyPI, "x", [], ["1.0"]), VersionScheme.PyPI, "1.0+ubuntu1").ShouldBeTrue();
        OsvEvaluator.Affects(new OsvAffected(Ecosystems.PyPI, "x", [], ["1.0+ubuntu1"]), VersionScheme.PyPI, "1.0").ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_version_matches_only_records_that_affect_every_version()
    {
        OsvEvaluator.Affects(Npm("introduced:0"), VersionScheme.Npm, null).ShouldBeTrue();
        OsvEvaluator.Affects(Npm("introduced:0 limit:*"), VersionScheme.Npm, null).ShouldBeTrue();
        OsvEvaluator.Affects(Npm("introduced:0 fixed:1.0.0"), VersionScheme.Npm, null).ShouldBeFalse();
        OsvEvaluator.Affects(Npm("introduced:1.0.0"), VersionScheme.Npm, null).ShouldBeFalse();
        OsvEvaluator.Affects(new OsvAffected(Ecosystems.Npm, "x", [], ["1.0.0"]), VersionScheme.Npm, null).ShouldBeFalse();
    }

    [Fact]
    public void A_version_that_does_not_parse_matches_only_an_exact_listing_or_every_version()
    {
        var listed = new OsvAffected(Ecosystems.Npm, "x", [Range("introduced:0 fixed:9.0.0")], ["github:acme/x#abc"]);

        OsvEvaluator.Affects(listed, VersionScheme.Npm, "github:acme/x#abc").ShouldBeTrue();
        OsvEvaluator.Affects(listed, VersionScheme.Npm, "github:acme/x#def").ShouldBeFalse();
        OsvEvaluator.Affects(Npm("introduced:0"), VersionScheme.Npm, "github:acme/x#def").ShouldBeTrue();
    }

    [Theory]
    [InlineData("introduced:0", "all versions")]
    [InlineData("introduced:1.0.0 fixed:1.2.3", ">=1.0.0 <1.2.3")]
    [InlineData("introduced:0 fixed:1.2.3", "<1.2.3")]
    [InlineData("introduced:0 last_affected:2.1.214", "<=2.1.214")]
    [InlineData("introduced:1.0.0", ">=1.0.0")]
    [InlineData("fixed:3.2.5 introduced:3.0.0 fixed:1.0.2 introduced:1.0.0", ">=1.0.0 <1.0.2, >=3.0.0 <3.2.5")]
    [InlineData("introduced:1.0.0 limit:2.0.0", ">=1.0.0 <2.0.0")]
    public void Describes_ranges_for_people(string events, string text) =>
        OsvEvaluator.Describe(Npm(events), VersionScheme.Npm).ShouldBe(text);

    [Fact]
    public void Describes_listed_versions_in_version_order_and_only_those_outside_the_ranges()
    {
        OsvEvaluator.Describe(new OsvAffected(Ecosystems.Npm, "x", [], ["1.0.2", "1.0.10", "1.0.1"]), VersionScheme.Npm)
            .ShouldBe("1.0.1, 1.0.2, 1.0.10");
        OsvEvaluator.Describe(new OsvAffected(Ecosystems.Npm, "x", [Range("introduced:1.0.0 fixed:2.0.0")], ["1.0.5", "1.5.0", "3.0.0"]), VersionScheme.Npm)
            .ShouldBe(">=1.0.0 <2.0.0, 3.0.0");
        OsvEvaluator.Describe(new OsvAffected(Ecosystems.Npm, "x", [Range("introduced:0")], ["0.0.1-security"]), VersionScheme.Npm)
            .ShouldBe("all versions");
        var many = Enumerable.Range(1, 66).Select(i => $"1.0.{i}").ToArray();
        OsvEvaluator.Describe(new OsvAffected(Ecosystems.NuGet, "x", [], many), VersionScheme.NuGet)
            .ShouldBe("1.0.1, 1.0.2, 1.0.3, 1.0.4, 1.0.5, 1.0.6, 1.0.7, 1.0.8, 1.0.9, 1.0.10 and 56 more");
    }

    /// <summary>
    /// The timeline walk against a plain model: random event lists over small versions, every
    /// version checked against "the last event at or below it opens or closes the range".
    /// </summary>
    [Fact]
    public void Agrees_with_a_plain_interval_model_on_random_ranges()
    {
        var random = new Random(440);
        for (var round = 0; round < 2000; round++)
        {
            var events = new List<OsvEvent> { new(OsvEventKind.Introduced, random.Next(3) == 0 ? "0" : V(random.Next(10))) };
            var count = random.Next(0, 5);
            for (var i = 0; i < count; i++)
            {
                var kind = (OsvEventKind)random.Next(3);
                events.Add(new OsvEvent(kind, V(random.Next(10))));
            }
            var affected = new OsvAffected(Ecosystems.Npm, "x", [new OsvRange("SEMVER", events.OrderBy(_ => random.Next()).ToList())], []);
            for (var v = 0; v < 11; v++)
                OsvEvaluator.Affects(affected, VersionScheme.Npm, V(v)).ShouldBe(Model(events, v), $"{string.Join(' ', events)} at {V(v)}");
        }

        static string V(int minor) => $"1.{minor}.0";

        static bool Model(List<OsvEvent> events, int version)
        {
            // Sorted by version, and on a tie introduced, last_affected, fixed: the spec's walk.
            static int At(OsvEvent e) => e.Version == "0" ? -1 : int.Parse(e.Version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
            var affected = false;
            foreach (var e in events.OrderBy(At).ThenBy(e => e.Kind))
            {
                var at = At(e);
                affected = e.Kind switch
                {
                    OsvEventKind.Introduced when version >= at => true,
                    OsvEventKind.Fixed when version >= at => false,
                    OsvEventKind.LastAffected when version > at => false,
                    _ => affected,
                };
            }
            return affected;
        }
    }

    private static OsvAffected Npm(string events) => Affected(Ecosystems.Npm, events);

    private static OsvAffected Affected(string ecosystem, string events) => new(ecosystem, "x", [Range(events)], []);

    private static OsvRange Range(string events) => new("SEMVER", [.. events.Split(' ').Select(e =>
    {
        var colon = e.IndexOf(':', StringComparison.Ordinal);
        var kind = e[..colon] switch
        {
            "introduced" => OsvEventKind.Introduced,
            "fixed" => OsvEventKind.Fixed,
            "last_affected" => OsvEventKind.LastAffected,
            _ => OsvEventKind.Limit,
        };
        return new OsvEvent(kind, e[(colon + 1)..]);
    })]);
}
