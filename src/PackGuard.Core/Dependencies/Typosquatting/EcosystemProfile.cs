namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// The popularity thresholds of one ecosystem. Weights compare popularity within an ecosystem:
/// downloads for npm (a month) and NuGet (a day), and for PyPI, whose list gives ranks only,
/// <see cref="PyPIWeight"/> of the rank, so that a ratio of weights is the ratio of ranks (download
/// counts fall roughly as one over the rank).
/// </summary>
/// <param name="EstablishedRank">A name ranked this high or higher is popular itself and never flagged.</param>
/// <param name="TargetWeight">
/// The least popularity a package needs to count as imitated. Names below it stay in the list,
/// so that their own popularity is known when they are checked, but nobody gains by imitating
/// them, and near names among thousands of little-used packages are ordinary neighbours.
/// </param>
/// <param name="FloorWeight">The weight of the least popular listed name: what an unlisted name is assumed to have at most.</param>
internal sealed record EcosystemProfile(int EstablishedRank, double TargetWeight, double FloorWeight)
{
    /// <summary>How many times more popular the intended package must be than a listed name.</summary>
    public const double RequiredRatio = 100;

    /// <summary>
    /// npm: the list holds names with 20,000 downloads a month or more (70,202 names). The top
    /// 20,000 (about 540,000 a month or more) are established: at that use a near name is a project
    /// of its own (<c>findup</c> beside <c>find-up</c>, <c>has-own</c> beside <c>hasown</c>), not a trap.
    /// </summary>
    public static readonly EcosystemProfile Npm = new(EstablishedRank: 20_000, TargetWeight: 100_000, FloorWeight: 20_000);

    /// <summary>
    /// NuGet: 1,575 IDs with 200 downloads a day or more, plus the well-known IDs added by hand. A
    /// short list of names that all see real use: the top 1,000 (3,500 a day or more) are established.
    /// </summary>
    public static readonly EcosystemProfile NuGet = new(EstablishedRank: 1_000, TargetWeight: 1_000, FloorWeight: 200);

    /// <summary>PyPI: the 15,000 most downloaded projects.</summary>
    public static readonly EcosystemProfile PyPI = new(EstablishedRank: 5_000, TargetWeight: PyPIWeight(10_000), FloorWeight: PyPIWeight(15_000));

    public static EcosystemProfile For(SquatEcosystem ecosystem) => ecosystem switch
    {
        SquatEcosystem.Npm => Npm,
        SquatEcosystem.NuGet => NuGet,
        _ => PyPI,
    };

    /// <summary>A PyPI rank as a weight: the ratio of two weights is the inverse ratio of their ranks.</summary>
    public static double PyPIWeight(int rank) => 1e9 / Math.Max(1, rank);
}
