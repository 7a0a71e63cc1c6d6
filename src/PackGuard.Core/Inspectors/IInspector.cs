using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Inspectors;

/// <summary>
/// An inspector handles one concern (source maps, secrets, ...). The scanner asks it for a fresh
/// <see cref="IArtifactInspection"/> per artifact, feeds that inspection every entry through one
/// shared pass over the archive, then completes it once the package's metadata is known.
/// Inspectors observe; they know nothing about policy or output formats.
/// </summary>
public interface IInspector
{
    /// <summary>The rules this inspector can report.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Starts inspecting one artifact. The returned object holds all per-artifact state.</summary>
    IArtifactInspection Begin(InspectionContext context);
}

/// <summary>Per-artifact state of an inspector.</summary>
public interface IArtifactInspection : IEntryVisitor
{
    /// <summary>
    /// Called after the last entry. Findings whose severity depends on the package's metadata are
    /// reported here.
    /// </summary>
    void Complete(ArtifactSummary artifact);
}

/// <summary>What an inspection is given when it starts.</summary>
/// <param name="Findings">Where to report findings.</param>
/// <param name="Limits">The scan's limits, for inspectors that bound their own work.</param>
/// <param name="CancellationToken">Cancelled when the scan is abandoned.</param>
public sealed record InspectionContext(IFindingSink Findings, ArtifactLimits Limits, CancellationToken CancellationToken)
{
    /// <summary>
    /// The target is a directory (a package's source tree before it is packed) rather than a
    /// packed artifact: some of its files would never be published.
    /// </summary>
    public bool IsDirectory { get; init; }
}
