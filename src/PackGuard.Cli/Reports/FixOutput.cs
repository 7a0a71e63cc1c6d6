using PackGuard.Fix;
using PackGuard.Scanning;

namespace PackGuard.Cli.Reports;

/// <summary>What <c>packguard fix</c> reports: the plan, the scan it came from, and whether it was written.</summary>
internal sealed record FixOutput(FixPlan Plan, ScanResult Scan, string DirectoryAsGiven, bool Written)
{
    /// <summary>The sentence every output carries.</summary>
    public const string ApprovalNote = "The automation proposes; a person approves.";
}
