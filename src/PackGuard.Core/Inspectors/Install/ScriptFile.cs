using PackGuard.Inspectors.Install.Behaviour;
using PackGuard.Inspectors.Install.MsBuild;

namespace PackGuard.Inspectors.Install;

/// <summary>What the walk learned about one file that may run at install time.</summary>
/// <param name="Path">The artifact path.</param>
/// <param name="Dialect">Its language.</param>
/// <param name="Analysis">What it does.</param>
/// <param name="Size">Bytes read.</param>
internal sealed record ScriptFile(string Path, Dialect Dialect, ScriptAnalysis Analysis, long Size)
{
    /// <summary>For a .pth file: how many lines site.py executes, and the first of them.</summary>
    public (int Count, string? First, int FirstLine) ImportLines { get; init; }

    /// <summary>For a NuGet targets or props file: what it runs.</summary>
    public BuildFile? Build { get; init; }

    /// <summary>The file is the only content that was cut short (a limit or damage).</summary>
    public bool Truncated { get; init; }
}
