namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// The spelling techniques every ecosystem shares: lookalike characters, separators, doubled
/// letters, swapped neighbours and small edit distances, each a lookup in a <see cref="CorpusIndex"/>.
/// </summary>
internal static class SpellingFinder
{
    public static void Find(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        if (index.ByLookalike.TryGetValue(query.Lookalike, out var entry))
        {
            // Equal once separators go: a separator or scope trick, unless lookalike letters were needed too.
            var identity = index.Corpus.Identities[entry];
            var plain = NameForms.Flatten(identity) == NameForms.Flatten(query.Identity);
            var scoped = NameForms.Scope(identity) != query.Scope;
            var technique = !plain ? SquatTechnique.Homoglyph : scoped ? SquatTechnique.Scope : SquatTechnique.Separator;
            candidates.Consider(entry, technique, plain ? 0.85 : 0.95);
        }

        if (query.Squashed.Length >= 4 && index.BySquashed.TryGetValue(query.Squashed, out entry))
            candidates.Consider(entry, SquatTechnique.RepeatedLetters, 0.8);

        Transpositions(index, query, candidates);
        NearSpellings(index, query, candidates);
    }

    private static void Transpositions(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        var flat = query.Flat;
        if (flat.Length < 4)
            return;
        Span<char> swapped = flat.Length <= 256 ? stackalloc char[flat.Length] : new char[flat.Length];
        flat.CopyTo(swapped);
        for (var i = 0; i + 1 < flat.Length; i++)
        {
            if (flat[i] == flat[i + 1])
                continue;
            (swapped[i], swapped[i + 1]) = (flat[i + 1], flat[i]);
            if (index.FlatLookup.TryGetValue(swapped, out var entry))
                candidates.Consider(entry, SquatTechnique.Transposition, 0.9);
            (swapped[i], swapped[i + 1]) = (flat[i], flat[i + 1]);
        }
    }

    private static void NearSpellings(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        var flat = query.Flat;
        if (flat.Length < 4 || query.Scope is not null)
            return;
        var found = new List<(int Key, int Distance)>();
        index.Near.Search(flat, found);
        // Two edits apart, a listed name is a project of its own far more often than a trap (bare-buffer, safe-buffer).
        if (flat.Length >= 8 && !candidates.SelfListed)
            index.Far.Search(flat, found);
        foreach (var (key, distance) in found)
        {
            if (distance == 0)
                continue; // equal flat forms are the separator check's
            var target = index.NearKeys[key];
            var entry = index.ByFlat[target];
            if (distance == 1 && EditDistance.IsTransposition(flat, target))
            {
                candidates.Consider(entry, SquatTechnique.Transposition, 0.9);
                continue;
            }
            // One edit in a short name is a smaller share of it: less telling.
            var closeness = distance == 1 ? (target.Length >= 7 ? 0.8 : 0.72) : 0.58;
            candidates.Consider(entry, SquatTechnique.EditDistance, closeness);
        }
    }
}
