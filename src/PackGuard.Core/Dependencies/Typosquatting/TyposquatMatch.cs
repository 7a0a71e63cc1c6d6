namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// A dependency name that looks like a far more popular package's name.
/// </summary>
/// <param name="Name">The name that was checked, as given.</param>
/// <param name="Intended">The popular package it most likely imitates, spelled as its registry spells it.</param>
/// <param name="Technique">
/// How the name was derived from <paramref name="Intended"/>: one of the constants of
/// <see cref="SquatTechnique"/> (<c>edit-distance</c>, <c>transposition</c>, <c>separator</c>,
/// <c>scope</c>, <c>homoglyph</c>, <c>repeated-letters</c>, <c>combosquat</c>, <c>nuget-prefix</c>,
/// <c>nuget-suffix</c>).
/// </param>
/// <param name="Confidence">
/// 0 to 1: how closely the name imitates, weighted by how much more popular the intended package
/// is. Above 0.8 is a near-certain lookalike; below 0.6 is worth a look.
/// </param>
public sealed record TyposquatMatch(string Name, string Intended, string Technique, double Confidence)
{
    /// <summary>
    /// Downloads of the intended package in the popularity list: a month's on npm, a day's on NuGet;
    /// <see langword="null"/> on PyPI (its list gives ranks only) and for the well-known NuGet IDs
    /// added by hand.
    /// </summary>
    public long? IntendedPopularity { get; init; }

    /// <summary>Downloads of the checked name, in the same unit; <see langword="null"/> when it is not in the list.</summary>
    public long? NamePopularity { get; init; }

    /// <summary>The intended package's rank in its ecosystem's popularity list (1 is the most downloaded).</summary>
    public int? IntendedRank { get; init; }

    /// <summary>The checked name's rank in the list; <see langword="null"/> when it is not in the list.</summary>
    public int? NameRank { get; init; }
}
