using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Inspectors.Install.MsBuild;

/// <summary>What a NuGet targets or props file makes every consuming build do.</summary>
/// <param name="Commands">The commands of its <c>Exec</c> tasks, with their lines.</param>
/// <param name="InlineTasks">Tasks it compiles from source (<c>UsingTask</c> with a <c>CodeTaskFactory</c>), by name.</param>
/// <param name="TaskAssemblies">Assemblies it loads tasks from (<c>UsingTask AssemblyFile</c>/<c>AssemblyName</c>).</param>
/// <param name="Downloads">URLs of its <c>DownloadFile</c> tasks.</param>
/// <param name="Analysis">What its text does (every attribute value and text node, decoded).</param>
/// <param name="Malformed">The XML could not be parsed; the raw text was analysed instead.</param>
internal sealed record BuildFile(
    IReadOnlyList<(string Command, int Line)> Commands,
    IReadOnlyList<string> InlineTasks,
    IReadOnlyList<string> TaskAssemblies,
    IReadOnlyList<string> Downloads,
    ScriptAnalysis Analysis,
    bool Malformed)
{
    /// <summary>Whether the file runs anything: a command, a compiled or inline task, or a download.</summary>
    public bool RunsCode => Commands.Count + InlineTasks.Count + TaskAssemblies.Count + Downloads.Count > 0;

    /// <summary>"Exec `chmod +x ...`, inline task X, tasks from Y.dll, DownloadFile from Z".</summary>
    public string Summary()
    {
        var parts = new List<string>();
        if (Commands.Count > 0)
            parts.Add($"Exec `{Excerpt.Line(Commands[0].Command, 100)}`" + (Commands.Count > 1 ? $" and {Commands.Count - 1} more command{(Commands.Count > 2 ? "s" : "")}" : ""));
        if (InlineTasks.Count > 0)
            parts.Add($"inline task{(InlineTasks.Count > 1 ? "s" : "")} {string.Join(", ", InlineTasks.Take(3))} compiled from source");
        if (TaskAssemblies.Count > 0)
            parts.Add($"tasks from {string.Join(", ", TaskAssemblies.Take(3))}");
        if (Downloads.Count > 0)
            parts.Add($"DownloadFile from {Excerpt.Line(Downloads[0], 100)}");
        return string.Join("; ", parts);
    }
}
