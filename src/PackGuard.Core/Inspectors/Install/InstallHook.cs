using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Inspectors.Install;

/// <summary>The ways a package runs code when it is installed (or, for a .pth file, whenever Python starts).</summary>
public enum InstallHookKind
{
    /// <summary>An npm <c>preinstall</c>, <c>install</c> or <c>postinstall</c> script (or the <c>node-gyp rebuild</c> a binding.gyp implies).</summary>
    NpmScript,

    /// <summary>The <c>setup.py</c> of a Python source distribution: pip runs it to build and install.</summary>
    SetupPy,

    /// <summary>A <c>.pth</c> file in a wheel with <c>import</c> lines: site.py executes them at every interpreter start.</summary>
    PthFile,

    /// <summary>NuGet <c>build/</c>, <c>buildTransitive/</c> or <c>buildMultiTargeting/</c> targets or props that run commands or tasks in every consuming build.</summary>
    MsBuild,

    /// <summary>NuGet <c>tools/install.ps1</c>, <c>init.ps1</c> or <c>uninstall.ps1</c>, which Visual Studio runs.</summary>
    PowerShell,
}

/// <summary>Names for <see cref="InstallHookKind"/>.</summary>
public static class InstallHookKindNames
{
    /// <summary><c>npm-script</c>, <c>setup-py</c>, <c>pth-file</c>, <c>msbuild</c>, <c>powershell</c>.</summary>
    public static string ToName(this InstallHookKind kind) => kind switch
    {
        InstallHookKind.NpmScript => "npm-script",
        InstallHookKind.SetupPy => "setup-py",
        InstallHookKind.PthFile => "pth-file",
        InstallHookKind.MsBuild => "msbuild",
        _ => "powershell",
    };
}

/// <summary>A behaviour found in a file an install hook runs.</summary>
/// <param name="Path">The file's path in the artifact (the manifest for a command written there).</param>
/// <param name="Hit">What was found, where.</param>
public sealed record HookBehaviour(string Path, BehaviourHit Hit);

/// <summary>
/// One way the package runs code at install time, with what that code does. Collected by the
/// install inspection in the scan's single pass; <c>packguard diff</c> compares them between versions.
/// </summary>
/// <param name="Kind">The mechanism.</param>
/// <param name="Name">The npm script name (<c>postinstall</c>), or the file's package path.</param>
/// <param name="Path">Where it is written: the manifest for an npm script, the file otherwise (artifact path).</param>
public sealed record InstallHook(InstallHookKind Kind, string Name, string Path)
{
    /// <summary>The npm script's command.</summary>
    public string? Command { get; init; }

    /// <summary>Files of the package the hook runs, directly or through the files it requires or starts (artifact paths).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>What the hook's code can do.</summary>
    public ScriptFacts Facts { get; init; }

    /// <summary>What it does that an install hook has no business doing.</summary>
    public IReadOnlyList<HookBehaviour> Behaviours { get; init; } = [];

    /// <summary>The line of <see cref="Path"/> the hook is written on (an npm script in package.json), when known.</summary>
    public int? Line { get; init; }

    /// <summary>A one-line summary of what the file does (the first executing line of a .pth, the commands of a targets file).</summary>
    public string? Summary { get; init; }
}
