using System.Text;

namespace PackGuard.Dependencies;

/// <summary>How each registry compares package names.</summary>
public static class PackageNames
{
    /// <summary>
    /// The name as <paramref name="ecosystem"/>'s registry compares it: PEP 503 for PyPI (lower
    /// case, each run of <c>-</c>, <c>_</c> and <c>.</c> one <c>-</c>), lower case for NuGet
    /// (ids are case-insensitive), unchanged for npm (new names are lower case; old mixed-case
    /// names are distinct packages).
    /// </summary>
    public static string Key(string ecosystem, string name) => ecosystem switch
    {
        Ecosystems.PyPI => NormalizePyPI(name),
        Ecosystems.NuGet => name.ToLowerInvariant(),
        _ => name,
    };

    /// <summary>Whether two names of <paramref name="ecosystem"/> name the same package.</summary>
    public static bool SameName(string ecosystem, string a, string b) =>
        string.Equals(Key(ecosystem, a), Key(ecosystem, b), StringComparison.Ordinal);

    /// <summary>A PyPI name normalised as PEP 503 says: lower case, each run of <c>-_.</c> one <c>-</c>.</summary>
    public static string NormalizePyPI(string name)
    {
        var builder = new StringBuilder(name.Length);
        var inSeparator = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                if (!inSeparator)
                    builder.Append('-');
                inSeparator = true;
                continue;
            }
            inSeparator = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
