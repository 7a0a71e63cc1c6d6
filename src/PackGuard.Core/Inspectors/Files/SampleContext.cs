using PackGuard.Inspectors.Secrets;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Paths where packages keep sample files on purpose: tests, fixtures, examples, documentation
/// (as the secret rules see them), and the project templates that scaffolding packages copy into
/// new projects (<c>template/.env</c>, <c>templates/app/.npmrc</c>).
/// </summary>
internal static class SampleContext
{
    private static readonly string[] TemplateFolders = ["template", "templates", "boilerplate", "boilerplates", "scaffold", "skeleton", "starter", "starters"];

    public static bool Is(string path)
    {
        if (SecretFindings.IsTestPath(path))
            return true;
        var segments = path.Split(['/', '!'], StringSplitOptions.RemoveEmptyEntries);
        return segments[..^1].Any(s => TemplateFolders.Contains(s, StringComparer.OrdinalIgnoreCase));
    }
}
