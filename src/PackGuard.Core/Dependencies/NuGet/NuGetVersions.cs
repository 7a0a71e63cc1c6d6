namespace PackGuard.Dependencies.NuGet;

/// <summary>NuGet version strings as projects write them.</summary>
internal static class NuGetVersions
{
    /// <summary>
    /// The exact version a declared version pins, and the range when it is one: <c>1.2.3</c> is
    /// the version restored (NuGet takes the lowest match), <c>[1.2.3]</c> pins it; <c>1.*</c>,
    /// <c>[1.0,2.0)</c> and unresolved <c>$(Property)</c> values are ranges without a version.
    /// </summary>
    public static (string? Version, string? Range) Split(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
            return (null, null);
        var text = written.Trim();
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']' && !text.Contains(',', StringComparison.Ordinal))
            return (text[1..^1].Trim(), text);
        if (text.IndexOfAny(['[', '(', ',', '*', '$', ' ']) >= 0)
            return (null, text);
        return (text, null);
    }
}
