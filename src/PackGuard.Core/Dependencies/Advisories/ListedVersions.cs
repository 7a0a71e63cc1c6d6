namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// The versions an affected package lists, ready for lookup without parsing them again: as
/// written and in the ecosystem's canonical form (<see cref="VersionScheme.CanonicalForms"/>), each
/// kept as one newline-separated string, the form the store keeps them in. OSV.dev's records
/// list hundreds of versions; a lookup is a substring search, not hundreds of parses.
/// </summary>
internal sealed class ListedVersions
{
    public static readonly ListedVersions None = new("\n", "\n");

    private ListedVersions(string written, string canonical)
    {
        Written = written;
        Canonical = canonical;
    }

    /// <summary>The versions as written, <c>\n</c> before and after each.</summary>
    public string Written { get; }

    /// <summary>The versions that parse, in canonical form, <c>\n</c> before and after each.</summary>
    public string Canonical { get; }

    public static ListedVersions From(IReadOnlyList<string> versions, VersionScheme scheme)
    {
        if (versions.Count == 0)
            return None;
        var canonical = versions.Select(v => scheme.CanonicalForms(v).FirstOrDefault()).OfType<string>().Distinct(StringComparer.Ordinal);
        return new(Join(versions.Select(v => v.Trim()).Distinct(StringComparer.Ordinal)), Join(canonical));
    }

    /// <summary>The lists as the store keeps them (see <see cref="Written"/> and <see cref="Canonical"/>).</summary>
    public static ListedVersions Stored(string written, string canonical) => new(written, canonical);

    /// <summary>
    /// Whether <paramref name="version"/> is listed: as written, or equal in the ecosystem's
    /// order (<c>1.0.48.0</c> is NuGet's <c>1.0.48</c>; PyPI's <c>1.0+local</c> is a listed <c>1.0</c>).
    /// </summary>
    public bool Contains(string version, VersionScheme scheme)
    {
        if (Written.Length <= 1)
            return false;
        if (Has(Written, version.Trim()))
            return true;
        foreach (var form in scheme.CanonicalForms(version))
        {
            if (Has(Canonical, form))
                return true;
        }
        return false;
    }

    private static bool Has(string list, string version) =>
        version.Length > 0 && !version.Contains('\n', StringComparison.Ordinal) && list.Contains("\n" + version + "\n", StringComparison.Ordinal);

    private static string Join(IEnumerable<string> versions) => "\n" + string.Concat(versions.Select(v => v + "\n"));
}
