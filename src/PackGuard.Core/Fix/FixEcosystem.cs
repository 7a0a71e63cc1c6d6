namespace PackGuard.Fix;

/// <summary>Which ecosystem a package directory builds for, by its build files.</summary>
public static class FixEcosystem
{
    /// <summary><c>npm</c> (package.json), <c>nuget</c> (a project file or Directory.Build.props), <c>pypi</c> (pyproject.toml, setup.py or setup.cfg), or <see langword="null"/>.</summary>
    public static string? Detect(string directory)
    {
        if (File.Exists(Path.Combine(directory, "package.json")))
            return "npm";
        if (DotNet.MsBuildFix.ProjectFiles(directory).Count > 0)
            return "nuget";
        if (new[] { "pyproject.toml", "setup.py", "setup.cfg" }.Any(f => File.Exists(Path.Combine(directory, f))))
            return "pypi";
        return null;
    }
}
