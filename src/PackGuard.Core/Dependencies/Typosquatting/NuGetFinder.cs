namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// NuGet's dotted IDs: a filler segment added to a popular ID (<c>Newtonsoft.Json.Core</c>), a
/// popular ID's last segment dropped (<c>Serilog.Sinks</c>), and the prefixes nuget.org reserves for
/// their owners (<c>Microsoft.</c>, <c>System.</c>, <c>NuGet.</c>, <c>Azure.</c>, <c>MSTest.</c>): an
/// unknown ID near a reserved-prefix ID claims a publisher it cannot be, so any lookalike of one is
/// reported as <see cref="SquatTechnique.NuGetPrefix"/>.
/// </summary>
internal static class NuGetFinder
{
    private static readonly string[] ReservedPrefixes = ["microsoft.", "system.", "nuget.", "azure.", "mstest."];

    // Segments that add no meaning; a real extension package names what it extends or adds
    // (Serilog.Sinks.File, Polly.Extensions.Http), so other segments are left alone.
    private static readonly HashSet<string> FillerSegments = new(StringComparer.Ordinal)
    {
        "core", "net", "dotnet", "netcore", "netstandard", "standard", "lib", "library", "sdk", "api", "utils", "util",
        "utilities", "helper", "helpers", "tools", "official", "plus", "pro", "all", "new", "updated", "fixed", "full", "x", "v2",
    };

    public static void Find(CorpusIndex index, SquatQuery query, Candidates candidates)
    {
        var identity = query.Identity;
        var dot = identity.LastIndexOf('.');
        if (dot > 0 && FillerSegments.Contains(identity[(dot + 1)..]))
            candidates.Consider(index.Corpus.Find(identity[..dot]), SquatTechnique.NuGetSuffix, 0.72);
        if (index.ByParent.TryGetValue(identity, out var child))
            candidates.Consider(child, SquatTechnique.NuGetSuffix, 0.6);
    }

    /// <summary>True when <paramref name="identity"/> starts with a prefix nuget.org reserves.</summary>
    public static bool IsReserved(string identity)
    {
        foreach (var prefix in ReservedPrefixes)
        {
            if (identity.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
