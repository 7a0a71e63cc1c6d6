namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Filler words a combosquat adds to a popular name: they say nothing about what the package does
/// (<c>-js</c>, <c>node-</c>, <c>-utils</c>, <c>py</c>, <c>.net</c>), so <c>mysqljs</c> or
/// <c>python3-dateutil</c> reads as the popular package itself. <see cref="Cores"/> strips one such
/// word from a name's folded form (<see cref="NameForms.Fold"/>); the detector compares the rest
/// with popular names and with their own cores (so <c>discord.dll</c> meets <c>discord.js</c>).
/// </summary>
internal static class ComboAffixes
{
    // A word marked with '+' may also be glued on without a separator (mysqljs, pyyaml, boto3); the
    // others only count after one (d3.js, -utils): glued, they end ordinary words (events, parts).
    private static readonly Affix[] NpmPrefixes = Affixes("node+", "nodejs+", "js", "npm");
    private static readonly Affix[] NpmSuffixes = Affixes("js+", "node+", "nodejs+", "npm", "cli", "utils", "util", "helper", "helpers", "dev", "lib", "api", "sdk", "core", "ts", "mjs", "cjs", "dll");
    private static readonly Affix[] PyPIPrefixes = Affixes("python3+", "python+", "py3+", "py+");
    private static readonly Affix[] PyPISuffixes = Affixes("python3+", "python+", "py3+", "py+", "3+", "2+", "lib", "utils", "util", "helper", "dev", "api", "sdk", "cli");
    private static readonly Affix[] NuGetPrefixes = Affixes("dotnet+", "net");
    private static readonly Affix[] NuGetSuffixes = Affixes("dotnet+", "netcore+", "net+", "netstandard", "core", "standard", "lib", "sdk", "api", "utils", "helper", "helpers");

    /// <summary>
    /// <paramref name="folded"/> (<see cref="NameForms.Fold"/>; an npm scope kept aside) with one
    /// filler word stripped from its start or end, flattened. A word glued on without a separator
    /// must leave three characters or more (<c>mysqljs</c>), a separated one two (<c>d3.js</c>).
    /// </summary>
    public static void Cores(SquatEcosystem ecosystem, string folded, List<string> cores)
    {
        var (prefixes, suffixes) = ecosystem switch
        {
            SquatEcosystem.Npm => (NpmPrefixes, NpmSuffixes),
            SquatEcosystem.NuGet => (NuGetPrefixes, NuGetSuffixes),
            _ => (PyPIPrefixes, PyPISuffixes),
        };
        ReadOnlySpan<char> scope = default;
        var bare = folded.AsSpan();
        if (ecosystem == SquatEcosystem.Npm && bare.Length > 0 && bare[0] == '@')
        {
            var slash = bare.IndexOf('/');
            if (slash < 0)
                return;
            scope = bare[1..slash];
            bare = bare[(slash + 1)..];
        }
        foreach (var suffix in suffixes)
        {
            if (bare.Length > suffix.Word.Length && bare.EndsWith(suffix.Word, StringComparison.Ordinal))
                Add(scope, bare[..^suffix.Word.Length], suffix.Glues, trailing: true, cores);
        }
        foreach (var prefix in prefixes)
        {
            if (bare.Length > prefix.Word.Length && bare.StartsWith(prefix.Word, StringComparison.Ordinal))
                Add(scope, bare[prefix.Word.Length..], prefix.Glues, trailing: false, cores);
        }
    }

    private static void Add(ReadOnlySpan<char> scope, ReadOnlySpan<char> rest, bool glues, bool trailing, List<string> cores)
    {
        var trimmed = trailing ? rest.TrimEnd("-_.") : rest.TrimStart("-_.");
        var separated = trimmed.Length < rest.Length;
        if (!separated && !glues)
            return;
        Span<char> flat = stackalloc char[Math.Min(scope.Length + trimmed.Length, 512)];
        var length = 0;
        foreach (var c in scope)
        {
            if (length < flat.Length && !NameForms.IsDropped(c))
                flat[length++] = c;
        }
        var scopeLength = length;
        foreach (var c in trimmed)
        {
            if (length < flat.Length && !NameForms.IsDropped(c))
                flat[length++] = c;
        }
        if (length - scopeLength < (separated ? 2 : 3))
            return;
        var core = new string(flat[..length]);
        if (!cores.Contains(core))
            cores.Add(core);
    }

    private static Affix[] Affixes(params string[] words) =>
        [.. words.Select(w => new Affix(NameForms.Fold(w.TrimEnd('+')), w.EndsWith('+')))];

    private readonly record struct Affix(string Word, bool Glues);
}
