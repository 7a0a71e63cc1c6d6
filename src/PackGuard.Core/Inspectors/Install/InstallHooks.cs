using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// Which scripts and files a package manager runs when it installs a package: the one place
/// <c>scan</c> (the <c>install/*</c> rules) and <c>diff</c> (<c>diff/new-install-script</c>) agree on.
/// </summary>
public static class InstallHooks
{
    /// <summary>
    /// The lifecycle scripts npm runs on <c>npm install</c> of a registry package. <c>prepare</c> is
    /// left out: it runs only for git and local installs.
    /// </summary>
    public static IReadOnlyList<string> NpmLifecycle { get; } = ["preinstall", "install", "postinstall"];

    /// <summary>What npm runs when there is a binding.gyp and no install script.</summary>
    public const string ImpliedGypCommand = "node-gyp rebuild";

    /// <summary>NuGet's folders whose targets and props every consuming build imports.</summary>
    public static IReadOnlyList<string> BuildFolders { get; } = ["build/", "buildTransitive/", "buildMultiTargeting/"];

    /// <summary>NuGet's PowerShell hooks (packages.config projects in Visual Studio).</summary>
    public static IReadOnlyList<string> PowerShellHooks { get; } = ["tools/install.ps1", "tools/init.ps1", "tools/uninstall.ps1"];

    /// <summary>
    /// The install scripts npm runs for <paramref name="package"/>, in lifecycle order: those of
    /// package.json, and <see cref="ImpliedGypCommand"/> as <c>install</c> when the package root has a
    /// binding.gyp, no install or preinstall script, and package.json does not say <c>"gypfile": false</c>.
    /// </summary>
    public static IReadOnlyList<(string Name, string Command, bool Implied)> NpmScripts(PackageMetadata package, bool hasBindingGyp)
    {
        ArgumentNullException.ThrowIfNull(package);
        var scripts = new List<(string, string, bool)>();
        var implied = hasBindingGyp && !package.NoGypFile
            && !package.Scripts.ContainsKey("install") && !package.Scripts.ContainsKey("preinstall");
        foreach (var name in NpmLifecycle)
        {
            if (package.Scripts.TryGetValue(name, out var command) && !string.IsNullOrWhiteSpace(command))
                scripts.Add((name, command, false));
            else if (name == "install" && implied)
                scripts.Add((name, ImpliedGypCommand, true));
        }
        return scripts;
    }

    /// <summary>A NuGet targets or props file every consuming build imports (<paramref name="path"/> relative to the package root).</summary>
    public static bool IsBuildFile(string path) =>
        BuildFolders.Any(f => path.StartsWith(f, StringComparison.OrdinalIgnoreCase))
        && (path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".props", StringComparison.OrdinalIgnoreCase));

    /// <summary>A NuGet PowerShell hook (<paramref name="path"/> relative to the package root).</summary>
    public static bool IsPowerShellHook(string path) => PowerShellHooks.Any(h => h.Equals(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A .pth file a wheel installs into site-packages: at the wheel's root, or in its
    /// <c>&lt;name&gt;.data/purelib/</c> or <c>platlib/</c> directory.
    /// </summary>
    public static bool IsPthFile(string path)
    {
        if (!path.EndsWith(".pth", StringComparison.OrdinalIgnoreCase))
            return false;
        var segments = path.Split('/');
        return segments.Length == 1
            || (segments.Length == 3 && segments[0].EndsWith(".data", StringComparison.Ordinal) && segments[1] is "purelib" or "platlib");
    }

    /// <summary>
    /// A setup.py at the root of a source distribution (<c>setup.py</c> or <c>&lt;name&gt;-&lt;version&gt;/setup.py</c>);
    /// whether there is a PKG-INFO beside it decides at the end of the walk.
    /// </summary>
    public static bool IsSetupPyCandidate(string path) =>
        path == "setup.py" || (path.EndsWith("/setup.py", StringComparison.Ordinal) && path.IndexOf('/', StringComparison.Ordinal) == path.Length - "/setup.py".Length);
}
