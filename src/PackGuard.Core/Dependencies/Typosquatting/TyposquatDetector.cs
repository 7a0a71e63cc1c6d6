namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Tells whether a dependency's name imitates a far more popular package's name. How the pieces fit:
/// <list type="bullet">
/// <item><see cref="PopularityCorpus"/> holds an ecosystem's popularity list (embedded data, see
/// <c>Data/README.md</c>); <see cref="CorpusIndex"/> maps forms of every listed name
/// (<see cref="NameForms"/>: registry identity, lookalike skeleton, flattened, squashed, filler
/// words stripped by <see cref="ComboAffixes"/>) to the most popular entry, and finds names within
/// edit distance 1 or 2 through a <see cref="PartitionIndex"/>. Each ecosystem's list is read on
/// its first check, and its index built on the first check of a name that is not established:
/// a lockfile of popular packages only ever reads the list.</item>
/// <item>A check computes the same forms of the name (<see cref="SquatQuery"/>) and asks the
/// finders: <see cref="SpellingFinder"/> (homoglyphs, separators, doubled letters, swaps, edits),
/// <see cref="ComboFinder"/> (filler words), <see cref="ScopeFinder"/> (npm scopes) and
/// <see cref="NuGetFinder"/> (dotted segments, reserved prefixes).</item>
/// <item><see cref="Candidates"/> applies the popularity gate and keeps the likeliest intended name.</item>
/// </list>
/// Thread-safe: indexes are built once and only read afterwards.
/// </summary>
public sealed class TyposquatDetector
{
    /// <summary>Names longer than this are not package names any registry accepts; they are not checked.</summary>
    public const int MaxNameLength = 256;

    private static readonly Lazy<TyposquatDetector> Shared = new(() => new TyposquatDetector(CorpusResources.Load));

    private readonly Lazy<PopularityCorpus>[] _corpora;
    private readonly Lazy<CorpusIndex>[] _indexes;
    private readonly PopularityGate _gate;

    internal TyposquatDetector(Func<SquatEcosystem, PopularityCorpus> load, PopularityGate gate = PopularityGate.Full)
    {
        _gate = gate;
        _corpora = [.. Enum.GetValues<SquatEcosystem>().Select(e => new Lazy<PopularityCorpus>(() => load(e)))];
        _indexes = [.. Enum.GetValues<SquatEcosystem>().Select(e => new Lazy<CorpusIndex>(() => new CorpusIndex(_corpora[(int)e].Value)))];
    }

    /// <summary>The detector over the embedded popularity lists, loaded once, each on first use.</summary>
    public static TyposquatDetector Default => Shared.Value;

    /// <summary>
    /// Checks one dependency name. Returns the likeliest imitated package, or <see langword="null"/>
    /// when the name resembles no far more popular name, is popular itself, or the ecosystem has no
    /// popularity list (anything but <c>npm</c>, <c>nuget</c> and <c>pypi</c>). Names that the
    /// registry treats as the same (case, and on PyPI <c>-</c>/<c>_</c>/<c>.</c>) are the same package.
    /// </summary>
    /// <param name="ecosystem"><c>npm</c>, <c>nuget</c> or <c>pypi</c>.</param>
    /// <param name="name">The name as the lockfile or manifest spells it (npm scope included).</param>
    public TyposquatMatch? Check(string ecosystem, string name)
    {
        if (!SquatEcosystems.TryParse(ecosystem, out var parsed) || string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            return null;
        var query = new SquatQuery(parsed, name);
        if (query.Flat.Length < 2)
            return null;
        var candidates = new Candidates(_corpora[(int)parsed].Value, query, _gate);
        if (candidates.SelfEstablished)
            return null;
        var index = Index(parsed);
        SpellingFinder.Find(index, query, candidates);
        ComboFinder.Find(index, query, candidates);
        if (parsed == SquatEcosystem.Npm)
            ScopeFinder.Find(index, query, candidates);
        else if (parsed == SquatEcosystem.NuGet)
            NuGetFinder.Find(index, query, candidates);
        var match = candidates.ToMatch();
        if (match is null)
            return null;
        // Whatever else differs, letters from another script in a package name are there to deceive.
        if (query.HasLookalikeLetters)
            return match with { Technique = SquatTechnique.Homoglyph, Confidence = Math.Max(match.Confidence, 0.9) };
        // Only the owner may publish under a reserved prefix on nuget.org: a near ID claims to be theirs.
        if (parsed == SquatEcosystem.NuGet && NuGetFinder.IsReserved(index.Corpus.Identities[candidates.BestEntry]))
            return match with { Technique = SquatTechnique.NuGetPrefix, Confidence = Math.Max(match.Confidence, 0.85) };
        return match;
    }

    /// <summary>The index of <paramref name="ecosystem"/>, built on first use.</summary>
    internal CorpusIndex Index(SquatEcosystem ecosystem) => _indexes[(int)ecosystem].Value;
}
