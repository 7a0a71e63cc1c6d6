namespace PackGuard.Dependencies;

/// <summary>The values of <see cref="Dependency.Ecosystem"/>.</summary>
public static class Ecosystems
{
    /// <summary>The npm registry (npm, Yarn, pnpm).</summary>
    public const string Npm = "npm";

    /// <summary>NuGet feeds.</summary>
    public const string NuGet = "nuget";

    /// <summary>The Python Package Index and its mirrors.</summary>
    public const string PyPI = "pypi";
}
