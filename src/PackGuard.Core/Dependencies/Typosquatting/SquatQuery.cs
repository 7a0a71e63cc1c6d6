namespace PackGuard.Dependencies.Typosquatting;

/// <summary>The forms of one checked name (<see cref="NameForms"/>), computed once.</summary>
internal sealed class SquatQuery
{
    public SquatQuery(SquatEcosystem ecosystem, string name)
    {
        Name = name;
        Identity = NameForms.Identity(ecosystem, name);
        Skeleton = NameForms.Skeleton(Identity);
        Flat = NameForms.Flatten(Skeleton);
        Squashed = NameForms.Squash(Flat);
        Lookalike = NameForms.FoldPairs(Flat);
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

    public string Skeleton { get; }

    public string Flat { get; }

    public string Squashed { get; }

    /// <summary><see cref="Flat"/> with letter pairs folded (<see cref="NameForms.FoldPairs"/>).</summary>
    public string Lookalike { get; }

    /// <summary>npm scope without <c>@</c>, or <see langword="null"/>.</summary>
    public string? Scope { get; }
}
