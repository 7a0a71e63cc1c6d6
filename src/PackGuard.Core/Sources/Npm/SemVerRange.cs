namespace PackGuard.Sources.Npm;

/// <summary>
/// An npm version range: sets joined by <c>||</c>, each a list of comparators that must all
/// hold. Sugar (<c>^</c>, <c>~</c>, x-ranges, hyphen ranges) is reduced to primitive comparators
/// as node-semver documents it. A prerelease version satisfies a set only when some comparator
/// of that set names a prerelease of the same major.minor.patch, so <c>^1.0.0</c> never picks
/// <c>1.1.0-beta</c>.
/// </summary>
internal sealed class SemVerRange
{
    private static readonly string[] Operators = [">=", "<=", "~>", ">", "<", "=", "~", "^"];

    private SemVerRange(string text, IReadOnlyList<IReadOnlyList<SemVerComparator>> sets)
    {
        Text = text;
        Sets = sets;
    }

    public string Text { get; }
    public IReadOnlyList<IReadOnlyList<SemVerComparator>> Sets { get; }

    public static bool TryParse(string text, out SemVerRange range)
    {
        range = null!;
        var sets = new List<IReadOnlyList<SemVerComparator>>();
        foreach (var set in text.Split("||"))
        {
            if (!TryParseSet(set, out var comparators))
                return false;
            sets.Add(comparators);
        }
        range = new SemVerRange(text, sets);
        return true;
    }

    public bool IsSatisfiedBy(SemVersion version) => Sets.Any(set => Satisfies(set, version));

    /// <summary>The highest version in <paramref name="versions"/> that satisfies the range.</summary>
    public SemVersion? MaxSatisfying(IEnumerable<SemVersion> versions) => versions.Where(IsSatisfiedBy).Max();

    public override string ToString() => string.Join(" || ", Sets.Select(s => string.Join(' ', s)));

    private static bool Satisfies(IReadOnlyList<SemVerComparator> set, SemVersion version)
    {
        if (!set.All(c => c.Test(version)))
            return false;
        return !version.IsPrerelease || set.Any(c => c.Version.IsPrerelease && c.Version.SameRelease(version));
    }

    private static bool TryParseSet(string text, out IReadOnlyList<SemVerComparator> comparators)
    {
        comparators = [];
        var tokens = Tokenize(text);
        if (tokens is null)
            return false;
        if (tokens.Count == 0)
        {
            comparators = [SemVerComparator.Any];
            return true;
        }
        if (tokens.Count == 3 && tokens[1] == "-")
            return TryHyphen(tokens[0], tokens[2], out comparators);

        var result = new List<SemVerComparator>();
        foreach (var token in tokens)
        {
            if (!TryDesugar(token, result))
                return false;
        }
        comparators = result;
        return true;
    }

    /// <summary>Splits on whitespace and glues a lone operator to the version after it (<c>&gt;= 1.2</c>).</summary>
    private static List<string>? Tokenize(string text)
    {
        var raw = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<string>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (Operators.Contains(raw[i], StringComparer.Ordinal))
            {
                if (i + 1 >= raw.Length)
                    return null;
                tokens.Add(raw[i] + raw[++i]);
            }
            else
            {
                tokens.Add(raw[i]);
            }
        }
        return tokens;
    }

    private static bool TryHyphen(string fromText, string toText, out IReadOnlyList<SemVerComparator> comparators)
    {
        comparators = [];
        if (!PartialVersion.TryParse(fromText, out var from) || !PartialVersion.TryParse(toText, out var to))
            return false;
        var result = new List<SemVerComparator>();
        if (from.Major is not null)
            result.Add(new(SemVerOperator.GreaterOrEqual, from.ToVersion()));
        if (to.Major is { } major)
        {
            result.Add(to.IsComplete
                ? new(SemVerOperator.LessOrEqual, to.ToVersion())
                : new(SemVerOperator.Less, to.Minor is { } minor ? Floor(major, minor + 1, 0) : Floor(major + 1, 0, 0)));
        }
        comparators = result.Count == 0 ? [SemVerComparator.Any] : result;
        return true;
    }

    private static bool TryDesugar(string token, List<SemVerComparator> into)
    {
        var op = Operators.FirstOrDefault(o => token.StartsWith(o, StringComparison.Ordinal)) ?? "";
        if (!PartialVersion.TryParse(token[op.Length..], out var v))
            return false;
        switch (op)
        {
            case "~" or "~>":
                Tilde(v, into);
                break;
            case "^":
                Caret(v, into);
                break;
            default:
                XRange(op, v, into);
                break;
        }
        return true;
    }

    private static void Tilde(PartialVersion v, List<SemVerComparator> into)
    {
        if (v.Major is not { } major)
        {
            into.Add(SemVerComparator.Any);
            return;
        }
        into.Add(new(SemVerOperator.GreaterOrEqual, v.ToVersion()));
        into.Add(new(SemVerOperator.Less, v.Minor is { } minor ? Floor(major, minor + 1, 0) : Floor(major + 1, 0, 0)));
    }

    private static void Caret(PartialVersion v, List<SemVerComparator> into)
    {
        if (v.Major is not { } major)
        {
            into.Add(SemVerComparator.Any);
            return;
        }
        into.Add(new(SemVerOperator.GreaterOrEqual, v.ToVersion()));
        // The upper bound bumps the leftmost non-zero part that was given.
        var upper = (v.Minor, v.Patch) switch
        {
            (null, _) => Floor(major + 1, 0, 0),
            _ when major != 0 => Floor(major + 1, 0, 0),
            ({ } minor, null) => Floor(0, minor + 1, 0),
            ({ } minor, _) when minor != 0 => Floor(0, minor + 1, 0),
            (_, { } patch) => Floor(0, 0, patch + 1),
        };
        into.Add(new(SemVerOperator.Less, upper));
    }

    private static void XRange(string op, PartialVersion v, List<SemVerComparator> into)
    {
        if (v.IsComplete)
        {
            into.Add(new(op switch
            {
                ">" => SemVerOperator.Greater,
                ">=" => SemVerOperator.GreaterOrEqual,
                "<" => SemVerOperator.Less,
                "<=" => SemVerOperator.LessOrEqual,
                _ => SemVerOperator.Equal,
            }, v.ToVersion()));
            return;
        }
        if (v.Major is not { } major)
        {
            into.Add(op is ">" or "<" ? SemVerComparator.None : SemVerComparator.Any);
            return;
        }
        // The next value of the last part given: 1 → 2.0.0, 1.2 → 1.3.0.
        var next = v.Minor is { } minor ? new SemVersion(major, minor + 1, 0) : new SemVersion(major + 1, 0, 0);
        var floor = new SemVersion(major, v.Minor ?? 0, 0);
        switch (op)
        {
            case ">":
                into.Add(new(SemVerOperator.GreaterOrEqual, next));
                break;
            case ">=":
                into.Add(new(SemVerOperator.GreaterOrEqual, floor));
                break;
            case "<":
                into.Add(new(SemVerOperator.Less, Floor(floor.Major, floor.Minor, 0)));
                break;
            case "<=":
                into.Add(new(SemVerOperator.Less, Floor(next.Major, next.Minor, 0)));
                break;
            default:
                into.Add(new(SemVerOperator.GreaterOrEqual, floor));
                into.Add(new(SemVerOperator.Less, Floor(next.Major, next.Minor, 0)));
                break;
        }
    }

    /// <summary><c>M.m.p-0</c>: below every prerelease of M.m.p, so an upper bound excludes them.</summary>
    private static SemVersion Floor(long major, long minor, long patch) => new(major, minor, patch, ["0"]);
}
