namespace PackGuard.Ledger;

/// <summary>
/// What a near miss would have exposed, in a few words derived from the rule family that caught
/// it. The list of families is closed on purpose: the anonymized export only ever writes a family
/// or a category from this table, so a free-form rule id can never carry a name out.
/// </summary>
public static class NearMissExposure
{
    /// <summary>The category of a family this table does not know.</summary>
    public const string Other = "other";

    private static readonly Dictionary<string, string> ByFamily = new(StringComparer.Ordinal)
    {
        ["source-map"] = "source code",
        ["debug-symbols"] = "source code",
        ["secret"] = "credentials",
        ["credential"] = "credentials",
        ["file"] = "internal files",
        ["exposure"] = "internal names",
        ["install"] = "install-time code",
        ["dependency"] = "untrusted dependencies",
        ["lockfile"] = "untrusted dependencies",
        ["gate"] = "untrusted release",
        ["diff"] = "unexpected changes",
        ["archive"] = "malformed package",
        ["manifest"] = "malformed package",
        ["scan"] = "unchecked content",
    };

    /// <summary>The families the ledger knows, in a stable order.</summary>
    public static IReadOnlyList<string> KnownFamilies { get; } = [.. ByFamily.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The categories, in a stable order.</summary>
    public static IReadOnlyList<string> Categories { get; } = [.. ByFamily.Values.Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="family"/> is one this table knows.</summary>
    public static bool IsKnownFamily(string family) => ByFamily.ContainsKey(family);

    /// <summary>The category for <paramref name="family"/>: <see cref="Other"/> when it is not known.</summary>
    public static string Of(string family) => ByFamily.GetValueOrDefault(family, Other);
}
