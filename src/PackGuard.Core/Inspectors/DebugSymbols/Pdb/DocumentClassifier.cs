namespace PackGuard.Inspectors.DebugSymbols.Pdb;

/// <summary>
/// Tells build-generated documents from the project's own. With Source Link, the .NET SDK embeds
/// the files it generates (assembly attributes, global usings, source-generator output) because no
/// repository holds them; they reveal nothing a reader could not guess, so they do not make a PDB
/// "embed the source".
/// </summary>
internal static class DocumentClassifier
{
    private static readonly string[] GeneratedSuffixes =
    [
        ".g.cs", ".g.i.cs", ".g.vb", ".g.fs", ".generated.cs",
        ".AssemblyInfo.cs", ".AssemblyInfo.vb", ".AssemblyInfo.fs",
        ".AssemblyAttributes.cs", ".AssemblyAttributes.vb", ".AssemblyAttributes.fs",
    ];

    /// <summary>Whether the document was written by the build rather than by a person.</summary>
    public static bool IsGenerated(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (GeneratedSuffixes.Any(s => normalized.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            return true;
        // Everything under an intermediate-output directory comes out of the build.
        return normalized.Contains("/obj/", StringComparison.OrdinalIgnoreCase) || normalized.StartsWith("obj/", StringComparison.OrdinalIgnoreCase);
    }
}
