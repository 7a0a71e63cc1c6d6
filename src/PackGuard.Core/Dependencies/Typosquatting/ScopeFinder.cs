namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// npm scope tricks beyond the spelling of the whole name (<c>@scope/x</c> against <c>scope-x</c> is
/// <see cref="SpellingFinder"/>'s flat form):
/// <list type="bullet">
/// <item>a dropped scope: <c>core-tracing</c> for <c>@azure/core-tracing</c>, when the name is not
/// listed and has two words or more (never for <c>@types</c>, whose packages describe the unscoped ones);</item>
/// <item>a lookalike scope nobody publishes under: <c>@typescript_eslinter/eslint</c> for
/// <c>@typescript-eslint/eslint-plugin</c>, <c>@babel-js/core</c> for <c>@babel/core</c>;</item>
/// </list>
/// An unknown scope in front of a popular unscoped name (<c>@someone/extract-zip</c>) is not
/// flagged: nobody reaches it by mistyping <c>extract-zip</c>, and organisations publish their own
/// builds that way (<c>@electron-internal/extract-zip</c>, in Electron's own dependencies).
/// A scope that appears in the popularity list belongs to a real publisher: only its owner can
/// publish under it, so its packages are never flagged for resembling its other packages.
/// </summary>
internal static class ScopeFinder
{
    public static void Find(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        if (query.Scope is null)
        {
            // Only a name of two words or more: core, test or utils alone is a word, not a copy.
            if (!candidates.SelfListed && query.Identity.AsSpan().IndexOfAny("-_.") > 0 && index.ByBare.TryGetValue(query.Identity, out var scoped))
                candidates.Consider(scoped, SquatTechnique.Scope, 0.6);
            return;
        }
        if (index.Scopes.Contains(query.Scope))
            return;
        LookalikeScopes(index, query, NameForms.Flatten(NameForms.Fold(NameForms.Bare(query.Identity))), candidates);
    }

    private static void LookalikeScopes(CorpusIndex index, SquatQuery query, string bare, Candidates candidates)
    {
        var folded = NameForms.Fold(query.Scope!);
        var scope = NameForms.Flatten(folded);
        if (index.ByScope.TryGetValue(scope, out var members))
            Member(index, members, bare, candidates, 0.85);
        var cores = new List<string>(4);
        ComboAffixes.Cores(SquatEcosystem.Npm, folded, cores);
        foreach (var core in cores)
        {
            if (index.ByScope.TryGetValue(core, out members))
                Member(index, members, bare, candidates, 0.7);
        }
        if (scope.Length < 4)
            return;
        var found = new List<(int Key, int Distance)>();
        index.NearScopes!.Search(scope, found);
        if (scope.Length >= 8)
            index.FarScopes!.Search(scope, found);
        foreach (var (key, distance) in found)
        {
            if (distance > 0)
                Member(index, index.ByScope[index.ScopeKeys[key]], bare, candidates, distance == 1 ? 0.8 : 0.7);
        }
    }

    /// <summary>The package of the imitated scope the name most likely means: the same name after the scope, else one it starts, else the scope's most popular.</summary>
    private static void Member(CorpusIndex index, List<int> members, string bare, Candidates candidates, double closeness)
    {
        var best = members[0];
        var same = false;
        foreach (var member in members)
        {
            var memberBare = NameForms.Flatten(NameForms.Fold(NameForms.Bare(index.Corpus.Identities[member])));
            if (memberBare == bare)
            {
                best = member;
                same = true;
                break;
            }
            if (best == members[0] && bare.Length >= 3 && (memberBare.StartsWith(bare, StringComparison.Ordinal) || bare.StartsWith(memberBare, StringComparison.Ordinal)))
                best = member;
        }
        candidates.Consider(best, SquatTechnique.Scope, same ? closeness : closeness - 0.1);
    }
}
