using PackGuard.Rules;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// Finds the code a package runs when it is installed, and what that code does. How the pieces fit:
/// <list type="bullet">
/// <item><see cref="InstallInspection"/> sends every top-level script, NuGet build file, PowerShell
/// hook, .pth file and setup.py through <see cref="Behaviour.ScriptScanner"/> (or
/// <see cref="MsBuild.BuildFileReader"/>) as it streams past.</item>
/// <item><see cref="InstallHooks"/> says which scripts and files a package manager runs: the same
/// code decides for <c>packguard diff</c>.</item>
/// <item><see cref="NpmHookTracer"/> follows npm scripts through the files they run
/// (<see cref="NpmCommand"/> reads the command lines).</item>
/// <item><see cref="InstallFindings"/> reports each hook (info) and each behaviour (high, with line and excerpt).</item>
/// </list>
/// </summary>
public sealed class InstallInspector : IInspector
{
    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => InstallRules.All;

    /// <inheritdoc />
    public IArtifactInspection Begin(InspectionContext context) => new InstallInspection(context);
}
