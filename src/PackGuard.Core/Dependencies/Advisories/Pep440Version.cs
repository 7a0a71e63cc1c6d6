using System.Globalization;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// A Python version as PEP 440 defines it: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>,
/// with the spellings the specification normalises (<c>v1.0</c>, <c>1.0-alpha.1</c>,
/// <c>1.0c1</c>, <c>1.0-1</c> for a post-release, <c>_</c> and <c>-</c> separators, any case).
/// Ordering follows the specification (and the <c>packaging</c> library): trailing zeros of the
/// release do not count (<c>1.0 == 1.0.0</c>), a dev release sorts before the pre-releases of its
/// release, a post-release after it, and a local version after the same public version.
/// </summary>
internal sealed class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>
{
    // 18 digits always fit a long; real versions (dates included) need far fewer.
    private const int MaxDigits = 18;
    private const int MaxReleaseParts = 32;

    private readonly long[] _release;

    private Pep440Version(long epoch, long[] release, (char Kind, long Number)? pre, long? post, long? dev, string[] local)
    {
        Epoch = epoch;
        _release = release;
        Pre = pre;
        Post = post;
        Dev = dev;
        Local = local;
    }

    public long Epoch { get; }

    /// <summary>The release numbers as written (<c>1.0</c> has two; comparison ignores trailing zeros).</summary>
    public IReadOnlyList<long> Release => _release;

    /// <summary>The pre-release: <c>a</c>, <c>b</c> or <c>c</c> (rc) and its number.</summary>
    public (char Kind, long Number)? Pre { get; }

    public long? Post { get; }

    public long? Dev { get; }

    /// <summary>The local version label's segments, lower case (<c>+ubuntu.1</c> gives <c>ubuntu</c>, <c>1</c>).</summary>
    public IReadOnlyList<string> Local { get; }

    public bool IsPrerelease => Pre is not null || Dev is not null;

    /// <summary>The public version: this one without its local label.</summary>
    public Pep440Version WithoutLocal() => Local.Count == 0 ? this : new(Epoch, _release, Pre, Post, Dev, []);

    public static bool TryParse(string? text, out Pep440Version version)
    {
        version = null!;
        if (text is null)
            return false;
        var s = text.Trim().ToLowerInvariant();
        var p = 0;
        if (p < s.Length && s[p] == 'v')
            p++;

        long epoch = 0;
        var bang = s.IndexOf('!', p);
        if (bang >= 0)
        {
            if (!TryNumber(s, p, bang, out epoch))
                return false;
            p = bang + 1;
        }

        var release = new List<long>();
        while (true)
        {
            var start = p;
            while (p < s.Length && char.IsAsciiDigit(s[p]))
                p++;
            if (!TryNumber(s, start, p, out var part) || release.Count == MaxReleaseParts)
                return false;
            release.Add(part);
            if (p + 1 < s.Length && s[p] == '.' && char.IsAsciiDigit(s[p + 1]))
            {
                p++;
                continue;
            }
            break;
        }

        (char, long)? pre = null;
        if (TryLabel(s, ref p, ["alpha", "beta", "preview", "pre", "rc", "a", "b", "c"], out var preLabel, out var preNumber))
            pre = (preLabel switch { "alpha" or "a" => 'a', "beta" or "b" => 'b', _ => 'c' }, preNumber);

        long? post = null;
        if (p + 1 < s.Length && s[p] == '-' && char.IsAsciiDigit(s[p + 1]))
        {
            // The implicit post-release: 1.0-1 is 1.0.post1.
            var start = ++p;
            while (p < s.Length && char.IsAsciiDigit(s[p]))
                p++;
            if (!TryNumber(s, start, p, out var implicitPost))
                return false;
            post = implicitPost;
        }
        else if (TryLabel(s, ref p, ["post", "rev", "r"], out _, out var postNumber))
            post = postNumber;

        long? dev = null;
        if (TryLabel(s, ref p, ["dev"], out _, out var devNumber))
            dev = devNumber;

        string[] local = [];
        if (p < s.Length && s[p] == '+')
        {
            local = s[(p + 1)..].Split('.', '-', '_');
            if (local.Any(l => l.Length == 0 || !l.All(char.IsAsciiLetterOrDigit)))
                return false;
            p = s.Length;
        }
        if (p != s.Length)
            return false;
        version = new Pep440Version(epoch, [.. release], pre, post, dev, local);
        return true;
    }

    /// <summary>
    /// Reads <c>[sep]label[sep][digits]</c> at <paramref name="p"/> for the first of
    /// <paramref name="labels"/> that matches (longest spellings first); a missing number is 0.
    /// </summary>
    private static bool TryLabel(string s, ref int p, string[] labels, out string label, out long number)
    {
        label = "";
        number = 0;
        var q = p;
        if (q < s.Length && s[q] is '.' or '-' or '_')
            q++;
        foreach (var candidate in labels)
        {
            if (string.CompareOrdinal(s, q, candidate, 0, candidate.Length) != 0)
                continue;
            var r = q + candidate.Length;
            // "c" must not take the "c" of a longer word, nor "r" the "r" of "rc".
            if (r < s.Length && char.IsAsciiLetter(s[r]))
                continue;
            var afterLabel = r;
            if (r < s.Length && s[r] is '.' or '-' or '_' && r + 1 < s.Length && char.IsAsciiDigit(s[r + 1]))
                r++;
            var start = r;
            while (r < s.Length && char.IsAsciiDigit(s[r]))
                r++;
            if (r == start)
                r = afterLabel;
            else if (!TryNumber(s, start, r, out number))
                return false;
            label = candidate;
            p = r;
            return true;
        }
        return false;
    }

    private static bool TryNumber(string s, int start, int end, out long value)
    {
        value = 0;
        if (end <= start)
            return false;
        var span = s.AsSpan(start, end - start);
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        var digits = span.TrimStart('0');
        if (digits.Length > MaxDigits)
            return false;
        return digits.Length == 0 || long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
            return 1;
        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
            return c;
        c = CompareRelease(_release, other._release);
        if (c != 0)
            return c;
        c = PreKey().CompareTo(other.PreKey());
        if (c != 0)
            return c;
        c = (Post ?? -1).CompareTo(other.Post ?? -1);
        if (c != 0)
            return c;
        c = (Dev ?? long.MaxValue).CompareTo(other.Dev ?? long.MaxValue);
        return c != 0 ? c : CompareLocal(Local, other.Local);
    }

    /// <summary>
    /// The pre-release as a sort key: a dev release with neither pre nor post release sorts before
    /// every pre-release (1.0.dev1 &lt; 1.0a1), and a final release after them.
    /// </summary>
    private (int Kind, long Number) PreKey() => Pre switch
    {
        { } pre => (pre.Kind - 'a' + 1, pre.Number),
        null when Post is null && Dev is not null => (0, 0),
        null => (int.MaxValue, 0),
    };

    private static int CompareRelease(long[] a, long[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var c = (i < a.Length ? a[i] : 0).CompareTo(i < b.Length ? b[i] : 0);
            if (c != 0)
                return c;
        }
        return 0;
    }

    /// <summary>No local label sorts first; segment by segment, numbers sort above words and compare as numbers, words alphabetically; more segments sort above fewer.</summary>
    private static int CompareLocal(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var aNumeric = a[i].All(char.IsAsciiDigit);
            var bNumeric = b[i].All(char.IsAsciiDigit);
            int c;
            if (aNumeric && bNumeric)
            {
                var x = a[i].TrimStart('0');
                var y = b[i].TrimStart('0');
                c = x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
            }
            else
                c = aNumeric != bNumeric ? (aNumeric ? 1 : -1) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
                return c;
        }
        return a.Count.CompareTo(b.Count);
    }

    public bool Equals(Pep440Version? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Pep440Version other && Equals(other);

    public override int GetHashCode()
    {
        var significant = _release.Length;
        while (significant > 1 && _release[significant - 1] == 0)
            significant--;
        var hash = new HashCode();
        hash.Add(Epoch);
        for (var i = 0; i < significant; i++)
            hash.Add(_release[i]);
        hash.Add(Pre);
        hash.Add(Post);
        hash.Add(Dev);
        foreach (var segment in Local)
            hash.Add(segment.All(char.IsAsciiDigit) ? segment.TrimStart('0') : segment);
        return hash.ToHashCode();
    }

    /// <summary>
    /// A spelling equal for two versions exactly when they are equal: the normalised form without
    /// trailing zeros of the release and with local numbers without leading zeros
    /// (<c>1.0.0+abc.007</c> gives <c>1+abc.7</c>).
    /// </summary>
    public string Canonical
    {
        get
        {
            var significant = _release.Length;
            while (significant > 1 && _release[significant - 1] == 0)
                significant--;
            var local = Local.Select(l => l.All(char.IsAsciiDigit) ? (l.TrimStart('0') is { Length: > 0 } n ? n : "0") : l).ToArray();
            return new Pep440Version(Epoch, _release[..significant], Pre, Post, Dev, local).ToString();
        }
    }

    /// <summary>The normalised form: <c>1!2.0rc1.post3.dev4+local.1</c>.</summary>
    public override string ToString()
    {
        var text = (Epoch != 0 ? string.Create(CultureInfo.InvariantCulture, $"{Epoch}!") : "")
            + string.Join('.', _release.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        if (Pre is { } pre)
            text += (pre.Kind == 'c' ? "rc" : pre.Kind.ToString()) + pre.Number.ToString(CultureInfo.InvariantCulture);
        if (Post is { } post)
            text += ".post" + post.ToString(CultureInfo.InvariantCulture);
        if (Dev is { } dev)
            text += ".dev" + dev.ToString(CultureInfo.InvariantCulture);
        return Local.Count > 0 ? text + "+" + string.Join('.', Local) : text;
    }
}
