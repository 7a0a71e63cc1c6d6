using System.Text;
using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

/// <summary>Detectors over small popularity lists written in the test, so each rule is seen on its own.</summary>
internal static class SmallLists
{
    /// <summary>Thresholds for small lists: the top 6 names are established, 1,000 makes a name worth imitating.</summary>
    public static readonly EcosystemProfile Profile = new(EstablishedRank: 6, TargetWeight: 1_000, FloorWeight: 100);

    /// <summary>A detector whose <paramref name="ecosystem"/> list holds <paramref name="entries"/> (most popular first); the other lists are empty.</summary>
    public static TyposquatDetector Detector(string ecosystem, (string Name, long Figure)[] entries, string[]? wellKnown = null, PopularityGate gate = PopularityGate.Full, EcosystemProfile? profile = null)
    {
        profile ??= Profile;
        SquatEcosystems.TryParse(ecosystem, out var parsed).ShouldBeTrue();
        var tsv = Encoding.UTF8.GetBytes("name\tfigure\n" + string.Concat(entries.Select(e => $"{e.Name}\t{e.Figure}\n")));
        var known = Encoding.UTF8.GetBytes(string.Join('\n', wellKnown ?? []));
        return new TyposquatDetector(
            e => e == parsed
                ? PopularityCorpus.Parse(e, tsv, known, profile)
                : PopularityCorpus.Parse(e, "name\tfigure\n"u8, default, profile),
            gate);
    }
}
