using System.Buffers;

namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// The forms of a package name the detector compares. Each drops one more thing a reader does not
/// notice: <see cref="Identity"/> is what the registry itself treats as the same name;
/// <see cref="Fold"/> also folds letters of other scripts that pass for Latin ones, and
/// <see cref="Skeleton"/> ASCII lookalikes too (with <see cref="FoldPairs"/>, letter pairs that
/// look like one); <see cref="Flatten"/> also drops
/// separators and the npm scope's <c>@</c> and <c>/</c>; <see cref="Squash"/> drops doubled letters.
/// </summary>
internal static class NameForms
{
    /// <summary>
    /// The registry's own notion of the same name: case-insensitive everywhere, and on PyPI with
    /// runs of <c>-</c>, <c>_</c> and <c>.</c> as one <c>-</c> (PEP 503).
    /// </summary>
    public static string Identity(SquatEcosystem ecosystem, string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (ecosystem != SquatEcosystem.PyPI || lower.AsSpan().IndexOfAny("_.") < 0 && !lower.Contains("--", StringComparison.Ordinal))
            return lower;
        var buffer = new char[lower.Length];
        var length = 0;
        foreach (var c in lower)
        {
            if (IsSeparator(c))
            {
                if (length > 0 && buffer[length - 1] == '-')
                    continue;
                buffer[length++] = '-';
            }
            else
            {
                buffer[length++] = c;
            }
        }
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// Lowercase, with letters from other scripts folded to the Latin letter they pass for:
    /// Cyrillic and Greek lookalikes, fullwidth forms and accents. Whitespace and combining marks
    /// go; separators stay. The form edit distances and filler words are measured on: a registry
    /// shows these letters as the Latin ones, so they are no edit at all.
    /// </summary>
    public static string Fold(string name)
    {
        var unchanged = true;
        foreach (var c in name)
        {
            if (c >= 0x80 || AsciiFold[c] != c)
            {
                unchanged = false;
                break;
            }
        }
        if (unchanged)
            return name; // the common case: lowercase ASCII without spaces
        Span<char> folded = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var raw in name)
        {
            var c = raw < 0x80 ? raw : Confusables.IsCombiningMark(raw) || char.IsWhiteSpace(raw) ? '\0' : Confusables.Fold(raw);
            if (c >= 0x80)
                folded[length++] = c;
            else if (AsciiFold[c] != '\0')
                folded[length++] = AsciiFold[c];
        }
        return new string(folded[..length]);
    }

    /// <summary>
    /// <see cref="Fold"/>, after making one the ASCII characters that pass for one another: <c>0</c>
    /// as <c>o</c>, <c>1</c>, capital <c>I</c> and <c>|</c> as <c>l</c>. Takes the name as written,
    /// since case tells a capital <c>I</c> (<c>jeIlyfish</c>) from a lowercase <c>i</c>, which has
    /// its dot. Only exact lookalikes are compared by skeleton: measuring edits on it would put
    /// <c>openai</c> one edit from <c>openml</c>.
    /// </summary>
    public static string Skeleton(string name)
    {
        if (name.AsSpan().IndexOfAny("01I|") < 0)
            return Fold(name);
        return Fold(string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '0' => 'o',
                    '1' or 'I' or '|' => 'l',
                    var c => c,
                };
            }
        }));
    }

    /// <summary>
    /// <paramref name="skeleton"/> with letter pairs that read as one letter in most fonts folded:
    /// <c>rn</c> as <c>m</c>, <c>vv</c> as <c>w</c>. Kept apart from <see cref="Skeleton"/>, which
    /// edit distances use: there <c>electorn</c> must stay one swap from <c>electron</c>.
    /// </summary>
    public static string FoldPairs(string skeleton)
    {
        if (!skeleton.Contains("rn", StringComparison.Ordinal) && !skeleton.Contains("vv", StringComparison.Ordinal))
            return skeleton;
        return skeleton.Replace("rn", "m", StringComparison.Ordinal).Replace("vv", "w", StringComparison.Ordinal);
    }

    /// <summary><paramref name="form"/> without separators (<c>-</c>, <c>_</c>, <c>.</c>) and scope punctuation (<c>@</c>, <c>/</c>).</summary>
    public static string Flatten(string form)
    {
        var first = form.AsSpan().IndexOfAny(Dropped);
        if (first < 0)
            return form;
        Span<char> flat = form.Length <= 256 ? stackalloc char[form.Length] : new char[form.Length];
        form.AsSpan(0, first).CopyTo(flat);
        var length = first;
        for (var i = first + 1; i < form.Length; i++)
        {
            if (!IsDropped(form[i]))
                flat[length++] = form[i];
        }
        return new string(flat[..length]);
    }

    /// <summary>
    /// <paramref name="form"/> with every run of one character written once (<c>puppeteer</c> as
    /// <c>pupeter</c>). Applied before flattening, so a run never spans a separator.
    /// </summary>
    public static string Squash(string form)
    {
        var runs = 0;
        for (var i = 1; i < form.Length; i++)
        {
            if (form[i] == form[i - 1])
                runs++;
        }
        if (runs == 0)
            return form;
        return string.Create(form.Length - runs, form, static (span, source) =>
        {
            var j = 0;
            for (var i = 0; i < source.Length; i++)
            {
                if (i == 0 || source[i] != source[i - 1])
                    span[j++] = source[i];
            }
        });
    }

    /// <summary>The npm scope without <c>@</c> (<c>babel</c> for <c>@babel/core</c>), or <see langword="null"/>.</summary>
    public static string? Scope(string name)
    {
        if (name.Length < 3 || name[0] != '@')
            return null;
        var slash = name.IndexOf('/');
        return slash > 1 ? name[1..slash] : null;
    }

    /// <summary>The name after its npm scope (<c>core</c> for <c>@babel/core</c>), or the name itself.</summary>
    public static string Bare(string name)
    {
        if (name.Length == 0 || name[0] != '@')
            return name;
        var slash = name.IndexOf('/');
        return slash > 0 ? name[(slash + 1)..] : name;
    }

    public static bool IsSeparator(char c) => c is '-' or '_' or '.';

    /// <summary>True for the characters <see cref="Flatten"/> drops.</summary>
    public static bool IsDropped(char c) => c is '-' or '_' or '.' or '@' or '/';

    private static readonly SearchValues<char> Dropped = SearchValues.Create("-_.@/");

    /// <summary>What each ASCII character becomes when folded: lowercase; <c>\0</c> drops it (whitespace, controls).</summary>
    private static readonly char[] AsciiFold = BuildAsciiFold();

    private static char[] BuildAsciiFold()
    {
        var table = new char[128];
        for (var c = (char)0x21; c < 0x7F; c++)
            table[c] = char.ToLowerInvariant(c);
        return table;
    }
}
