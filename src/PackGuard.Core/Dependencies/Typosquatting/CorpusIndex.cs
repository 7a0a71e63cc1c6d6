using System.Runtime.InteropServices;

namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Lookup structures over one ecosystem's <see cref="PopularityCorpus"/>, built once. Each map goes
/// from a form of a name (<see cref="NameForms"/>) to the most popular entry with that form, so a
/// query costs a handful of hash lookups plus two <see cref="PartitionIndex"/> searches. Only the
/// names popular enough to be imitated (<see cref="EcosystemProfile.TargetWeight"/>: about 33,000
/// of npm's 70,000) are indexed, which is what keeps the first check of a run fast; the others
/// are known by their registry identity alone (<see cref="PopularityCorpus.Find"/>).
/// </summary>
internal sealed class CorpusIndex
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    public CorpusIndex(PopularityCorpus corpus)
    {
        Corpus = corpus;
        var count = corpus.Count;
        var profile = corpus.Profile;
        var npm = corpus.Ecosystem == SquatEcosystem.Npm;
        ByLookalike = new Dictionary<string, int>(count / 2, Ordinal);
        ByFlat = new Dictionary<string, int>(count / 2, Ordinal);
        BySquashed = new Dictionary<string, int>(count / 2, Ordinal);
        ByCore = new Dictionary<string, int>(count / 2, Ordinal);
        var scopes = Scopes.GetAlternateLookup<ReadOnlySpan<char>>();
        var unscoped = new List<string>(count / 2);
        var cores = new List<string>(4);
        for (var entry = 0; entry < count; entry++)
        {
            var identity = corpus.Identities[entry];
            if (npm && identity.StartsWith('@') && identity.IndexOf('/') is > 1 and var slash && !scopes.Contains(identity.AsSpan(1, slash - 1)))
                scopes.Add(identity.AsSpan(1, slash - 1));
            if (corpus.Weights[entry] < profile.TargetWeight)
                continue;
            var folded = NameForms.Fold(identity);
            var flat = NameForms.Flatten(folded);
            var skeleton = NameForms.Skeleton(corpus.Names[entry]);
            KeepBest(ByLookalike, NameForms.FoldPairs(skeleton == folded ? flat : NameForms.Flatten(skeleton)), entry);
            if (KeepBest(ByFlat, flat, entry) && !(npm && identity.StartsWith('@')))
                unscoped.Add(flat);
            KeepBest(BySquashed, NameForms.Flatten(NameForms.Squash(folded)), entry);
            cores.Clear();
            ComboAffixes.Cores(corpus.Ecosystem, folded, cores);
            foreach (var core in cores)
                KeepBest(ByCore, core, entry);
            if (npm)
                IndexScope(entry);
            else if (corpus.Ecosystem == SquatEcosystem.NuGet)
                IndexParent(entry);
        }
        NearKeys = [.. unscoped];
        Near = new PartitionIndex(NearKeys, k: 1, minLength: 5);
        Far = new PartitionIndex(NearKeys, k: 2, minLength: 10);
        FlatLookup = ByFlat.GetAlternateLookup<ReadOnlySpan<char>>();
        if (npm)
            IndexScopes();
    }

    public PopularityCorpus Corpus { get; }

    /// <summary>
    /// Lookalike key (skeleton, flattened, letter pairs folded: see <see cref="NameForms"/>) to the
    /// most popular entry with it: equal keys mean the names differ only by lookalike letters,
    /// separators or scope punctuation.
    /// </summary>
    public Dictionary<string, int> ByLookalike { get; }

    /// <summary>Folded and flattened name (<see cref="NameForms"/>) to the most popular entry with it.</summary>
    public Dictionary<string, int> ByFlat { get; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FlatLookup { get; }

    /// <summary>Folded, doubled letters written once, flattened (runs are counted within a word: <c>eslint-plugin-n</c> keeps both its n).</summary>
    public Dictionary<string, int> BySquashed { get; }

    /// <summary>A popular name's flattened core (<see cref="ComboAffixes"/>) to the most popular entry with it.</summary>
    public Dictionary<string, int> ByCore { get; }

    /// <summary>
    /// Folded, flattened unscoped popular names, searched by edit distance. Scoped names are
    /// left out: within a scope only its owner publishes, and a misspelt scope is
    /// <see cref="ScopeFinder"/>'s.
    /// </summary>
    public string[] NearKeys { get; }

    /// <summary>Edit distance 1 over <see cref="NearKeys"/> of five characters or more.</summary>
    public PartitionIndex Near { get; }

    /// <summary>Edit distance 2 over <see cref="NearKeys"/> of ten characters or more.</summary>
    public PartitionIndex Far { get; }

    /// <summary>npm: the part after the scope, of scoped popular names (not <c>@types</c>), to the most popular entry.</summary>
    public Dictionary<string, int> ByBare { get; } = new(Ordinal);

    /// <summary>npm: every scope in the list (a scope that is listed belongs to a real publisher).</summary>
    public HashSet<string> Scopes { get; } = new(Ordinal);

    /// <summary>npm: folded, flattened scope to its popular entries, most popular first.</summary>
    public Dictionary<string, List<int>> ByScope { get; } = new(Ordinal);

    /// <summary>npm: the keys of <see cref="ByScope"/>, for edit-distance search.</summary>
    public string[] ScopeKeys { get; private set; } = [];

    public PartitionIndex? NearScopes { get; private set; }

    public PartitionIndex? FarScopes { get; private set; }

    /// <summary>NuGet: an ID minus its last segment to its most popular child.</summary>
    public Dictionary<string, int> ByParent { get; } = new(Ordinal);

    private void IndexScope(int entry)
    {
        var identity = Corpus.Identities[entry];
        var scope = NameForms.Scope(identity);
        if (scope is null)
            return;
        if (scope != "types")
            KeepBest(ByBare, NameForms.Bare(identity), entry);
        var key = NameForms.Flatten(NameForms.Fold(scope));
        ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(ByScope, key, out _);
        (members ??= []).Add(entry);
    }

    private void IndexScopes()
    {
        foreach (var members in ByScope.Values)
            members.Sort((a, b) => Corpus.Weights[b].CompareTo(Corpus.Weights[a]));
        ScopeKeys = [.. ByScope.Keys];
        NearScopes = new PartitionIndex(ScopeKeys, k: 1, minLength: 4);
        FarScopes = new PartitionIndex(ScopeKeys, k: 2, minLength: 10);
    }

    private void IndexParent(int entry)
    {
        var identity = Corpus.Identities[entry];
        var dot = identity.LastIndexOf('.');
        if (dot > 0)
            KeepBest(ByParent, identity[..dot], entry);
    }

    /// <summary>Maps <paramref name="key"/> to <paramref name="entry"/> unless a more popular entry has it; true when the key is new.</summary>
    private bool KeepBest(Dictionary<string, int> map, string key, int entry)
    {
        ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out var found);
        if (!found || Corpus.Weights[entry] > Corpus.Weights[existing])
            existing = entry;
        return !found;
    }
}
