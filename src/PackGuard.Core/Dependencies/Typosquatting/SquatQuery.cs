namespace PackGuard.Dependencies.Typosquatting;

/// <summary>The forms of one checked name (<see cref="NameForms"/>), computed once.</summary>
internal sealed class SquatQuery
{
    public SquatQuery(SquatEcosystem ecosystem, string name)
    {
        Name = name;
        Identity = NameForms.Identity(ecosystem, name);
        Folded = NameForms.Fold(Identity);
        Flat = NameForms.Flatten(Folded);
        Squashed = NameForms.Flatten(NameForms.Squash(Folded));
        Lookalike = NameForms.FoldPairs(NameForms.Flatten(NameForms.Skeleton(name)));
        Scope = ecosystem == SquatEcosystem.Npm ? NameForms.Scope(Identity) : null;
        foreach (var c in name)
        {
            if (c >= 0x80 && Confusables.Fold(c) < 0x80)
                HasLookalikeLetters = true;
        }
    }

    /// <summary>The name has a letter from another script or a fullwidth or accented form that passes for a Latin one.</summary>
    public bool HasLookalikeLetters { get; }

    public string Name { get; }

    public string Identity { get; }

    /// <summary><see cref="NameForms.Fold"/> of the identity: other scripts' lookalikes folded, separators kept.</summary>
    public string Folded { get; }

    public string Flat { get; }

    public string Squashed { get; }

    /// <summary>The skeleton, flattened, letter pairs folded: equal for names that differ only by lookalikes and separators.</summary>
    public string Lookalike { get; }

    /// <summary>npm scope without <c>@</c>, or <see langword="null"/>.</summary>
    public string? Scope { get; }
}
