namespace PackGuard.Sources;

/// <summary>
/// A package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>) split into its
/// parts and percent-decoded, following the purl specification's parsing steps.
/// </summary>
internal sealed record PackageUrl(
    string Type,
    string? Namespace,
    string Name,
    string? Version,
    IReadOnlyDictionary<string, string> Qualifiers)
{
    public const string Scheme = "pkg:";

    public static bool LooksLikePackageUrl(string raw) => raw.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static PackageUrl Parse(string raw)
    {
        if (!LooksLikePackageUrl(raw))
            throw new InvalidTargetSpecException($"'{raw}' is not a package URL: it must start with 'pkg:'.");

        var rest = raw[Scheme.Length..];

        // The subpath names a file inside the package; a scan covers the whole package, so it is dropped.
        var hash = rest.LastIndexOf('#');
        if (hash >= 0)
            rest = rest[..hash];

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = rest.LastIndexOf('?');
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                    throw new InvalidTargetSpecException($"Package URL '{raw}' has a malformed qualifier '{pair}' (expected key=value).");
                var value = Uri.UnescapeDataString(pair[(eq + 1)..]);
                if (value.Length > 0)
                    qualifiers[pair[..eq].ToLowerInvariant()] = value;
            }
            rest = rest[..question];
        }

        rest = rest.Trim('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
            throw new InvalidTargetSpecException($"Package URL '{raw}' has no type or no name (expected pkg:type/name@version).");
        var type = rest[..slash].ToLowerInvariant();
        rest = rest[(slash + 1)..];

        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0 && at > rest.LastIndexOf('/'))
        {
            version = Uri.UnescapeDataString(rest[(at + 1)..]);
            rest = rest[..at];
            if (version.Length == 0)
                throw new InvalidTargetSpecException($"Package URL '{raw}' has an empty version after '@'.");
        }

        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length == 0 || segments[^1].Length == 0)
            throw new InvalidTargetSpecException($"Package URL '{raw}' has no name.");
        var ns = segments.Length > 1 ? string.Join('/', segments[..^1]) : null;
        return new PackageUrl(type, ns, segments[^1], version, qualifiers);
    }
}
