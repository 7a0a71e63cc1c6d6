using PackGuard.Policy;

namespace PackGuard.Reports;

/// <summary>Writes scan reports in one format. One writer per format; writers never recompute.</summary>
public interface IReportWriter
{
    /// <summary>Writes the reports of one invocation (one per target) to <paramref name="output"/>.</summary>
    void Write(IReadOnlyList<ScanReport> reports, Stream output);
}
