using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Python;

/// <summary>What the TOML lockfile readers share.</summary>
internal static class TomlLock
{
    /// <summary>The document's root table; a syntax error is a problem, and what came before it is still read.</summary>
    public static TomlTable Parse(string text, ReadContext context)
    {
        var root = TomlReader.Parse(text, context.Limits.MaxNesting, out var error);
        if (error is { } e)
            context.Builder.Problem($"not valid TOML ({e.Message}); the rest of the file was not read", e.Line);
        return root;
    }

    /// <summary>The hash to call the package's integrity: the source archive's when there is one, else the first.</summary>
    public static string? Preferred(IReadOnlyList<(string File, string Hash)> files)
    {
        foreach (var (file, hash) in files)
        {
            if (file.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                return hash;
        }
        return files.Count > 0 ? files[0].Hash : null;
    }
}
