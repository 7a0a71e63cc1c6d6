namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Combosquats: a popular name with a filler word added (<c>mysqljs</c>, <c>node-fabric</c>), one
/// filler word exchanged for another (<c>discord.dll</c> for <c>discord.js</c>), a filler word
/// dropped (<c>urllib</c> for <c>urllib3</c>), or any one word put in front of a famous name of two
/// words or more (<c>plain-crypto-js</c>).
/// </summary>
internal static class ComboFinder
{
    public static void Find(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        if (candidates.SelfListed)
            return;
        var cores = new List<string>(4);
        ComboAffixes.Cores(index.Corpus.Ecosystem, query.Folded, cores);
        foreach (var core in cores)
        {
            if (index.ByFlat.TryGetValue(core, out var entry))
                candidates.Consider(entry, SquatTechnique.Combosquat, 0.7);
            if (index.ByCore.TryGetValue(core, out entry))
                candidates.Consider(entry, SquatTechnique.Combosquat, 0.65);
        }
        if (index.ByCore.TryGetValue(query.Flat, out var fuller))
            candidates.Consider(fuller, SquatTechnique.Combosquat, 0.6);
        if (index.Corpus.Ecosystem != SquatEcosystem.NuGet)
            WordInFront(index, query, candidates); // Vendor.Newtonsoft.Json is how NuGet names integrations
    }

    /// <summary>
    /// <c>word-popular-name</c> where the popular name has a separator of its own and is among the
    /// ecosystem's established names. Single-word names are left out: <c>react-foo</c> and
    /// <c>vue-foo</c> are how plugins are named, not imitations. So are PyPI's <c>types-</c> stubs.
    /// </summary>
    private static void WordInFront(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        if (query.Scope is not null)
            return;
        var folded = query.Folded;
        var separator = folded.AsSpan().IndexOfAny("-_.");
        if (separator < 2 || separator + 1 >= folded.Length)
            return;
        var rest = folded.AsSpan(separator + 1);
        if (rest.IndexOfAny("-_.") < 0 || index.Corpus.Ecosystem == SquatEcosystem.PyPI && folded.StartsWith("types-", StringComparison.Ordinal))
            return;
        if (index.FlatLookup.TryGetValue(NameForms.Flatten(rest.ToString()), out var entry) && index.Corpus.IsEstablished(entry))
            candidates.Consider(entry, SquatTechnique.Combosquat, 0.55);
    }
}
