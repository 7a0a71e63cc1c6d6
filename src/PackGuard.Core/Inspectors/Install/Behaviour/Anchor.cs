using System.Buffers;

namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>How an anchor must sit among its neighbours to count.</summary>
[Flags]
internal enum AnchorFlags
{
    None = 0,

    /// <summary>Letter case must match (wallet and browser names are proper nouns).</summary>
    CaseSensitive = 1,

    /// <summary>Not preceded by a letter, digit, <c>_</c> or <c>$</c>.</summary>
    WordStart = 2,

    /// <summary>Not followed by a letter, digit, <c>_</c> or <c>-</c>.</summary>
    WordEnd = 4,

    /// <summary>Not preceded by <c>.</c> (<c>re.exec(</c> is a regex, <c>exec(</c> is not).</summary>
    NoDotBefore = 8,
}

/// <summary>A literal that stands for an <see cref="Atom"/> in the given dialects.</summary>
internal sealed record Anchor(string Text, Atom Atom, Dialect Dialects, AnchorFlags Flags = AnchorFlags.None)
{
    /// <summary>Whether the match at <paramref name="at"/> sits as <see cref="Flags"/> require.</summary>
    public bool Fits(ReadOnlySpan<char> text, int at)
    {
        if (!text[at..].StartsWith(Text, IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            return false;
        var before = at > 0 ? text[at - 1] : '\n';
        var end = at + Text.Length;
        var after = end < text.Length ? text[end] : '\n';
        if ((Flags & AnchorFlags.WordStart) != 0 && IsWord(before))
            return false;
        if ((Flags & AnchorFlags.NoDotBefore) != 0 && before == '.')
            return false;
        return (Flags & AnchorFlags.WordEnd) == 0 || !(IsWord(after) || after == '-');
    }

    /// <summary>
    /// Letter case does not matter where a case-blind language may use the anchor (PowerShell and
    /// batch commands, file paths on Windows); JavaScript, Python and C# names are exact.
    /// </summary>
    public bool IgnoresCase => (Flags & AnchorFlags.CaseSensitive) == 0 && (Dialects & (Dialect.PowerShell | Dialect.Batch)) != 0;

    public static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';
}

/// <summary>The anchors active in one dialect, searched together in one vectorised pass.</summary>
internal sealed class AnchorSet
{
    private readonly Dictionary<char, Anchor[]> _byFirst;

    public AnchorSet(IEnumerable<Anchor> anchors)
    {
        var list = anchors.ToList();
        Search = SearchValues.Create([.. list.Select(a => a.Text).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        _byFirst = list.GroupBy(a => char.ToLowerInvariant(a.Text[0])).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every anchor text, for a vectorised search.</summary>
    public SearchValues<string> Search { get; }

    /// <summary>The anchors that may start with <paramref name="c"/>.</summary>
    public ReadOnlySpan<Anchor> StartingWith(char c) =>
        _byFirst.TryGetValue(char.ToLowerInvariant(c), out var anchors) ? anchors : [];
}
