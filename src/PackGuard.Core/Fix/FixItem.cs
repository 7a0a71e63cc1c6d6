using PackGuard.Findings;

namespace PackGuard.Fix;

/// <summary>How a finding is dealt with.</summary>
public enum FixKind
{
    /// <summary>The file is not published any more: the package does not need it.</summary>
    DropFile,

    /// <summary>A build option stops producing what the finding is about.</summary>
    BuildOption,

    /// <summary>No safe automatic change: a person has to act (the advice says how).</summary>
    Manual,
}

/// <summary>What the proposed change does about one finding.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="PackagePath">The file it is in, as a path inside the package (npm's <c>package/</c> removed), when it is in one.</param>
/// <param name="Kinds">How it is dealt with; several when both a file drop and a build option apply.</param>
/// <param name="Action">One sentence for people: what addresses it, or what to do.</param>
public sealed record FixItem(Finding Finding, string? PackagePath, IReadOnlyList<FixKind> Kinds, string Action)
{
    /// <summary>Whether the proposed file changes address the finding without a person's further action.</summary>
    public bool Automatic => !Kinds.Contains(FixKind.Manual);
}
