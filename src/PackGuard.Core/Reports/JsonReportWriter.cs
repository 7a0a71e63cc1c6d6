using System.Text.Json;
using PackGuard.Findings;
using PackGuard.Policy;

namespace PackGuard.Reports;

/// <summary>
/// Writes the JSON report, <c>schemaVersion</c> "1" (see DESIGN.md, "Contracts"). One report is
/// written as a single object; several (one per target of a <c>scan</c>) as an array of them.
/// Fields are printed from the <see cref="ScanReport"/> as they are: verdict, summary and finding
/// order were decided by policy and the scanner.
/// </summary>
/// <remarks>
/// Unknown values are written as <c>null</c>, never omitted, so that consumers can rely on every
/// key being present. Fields added later (<c>target.repository</c>, <c>target.registry</c>,
/// <c>findings[].fix</c>) are additive: readers of version "1" may ignore them. A diff's report
/// (<c>packguard diff</c>) adds <c>against</c> (the old target) and <c>changes</c>; a dependency audit's (<c>packguard deps</c>) adds <c>dependencies</c>; a scan's has none of them.
/// Every report has <c>policy</c> (the policy file and baseline used, counts of findings excluded,
/// baselined and suppressed), <c>suppressed</c> and <c>expiredSuppressions</c>; findings listed in
/// <c>suppressed</c> are not in <c>findings</c> or <c>summary</c>.
/// </remarks>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The contract version this writer produces.</summary>
    public const string SchemaVersion = "1";

    private readonly string _toolVersion;

    /// <summary>Creates a writer.</summary>
    /// <param name="toolVersion">
    /// The version to report; defaults to this assembly's informational version without build metadata.
    /// </param>
    public JsonReportWriter(string? toolVersion = null) => _toolVersion = toolVersion ?? ToolVersion.Current;

    /// <summary>
    /// Writes an array even for a single report. Set when several targets were asked for: the
    /// shape then follows the command line, not how many of the targets could be read.
    /// </summary>
    public bool AlwaysArray { get; init; }

    /// <inheritdoc />
    public void Write(IReadOnlyList<ScanReport> reports, Stream output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ReportJson.WriteDocument(output, json =>
        {
            if (reports.Count == 1 && !AlwaysArray)
            {
                WriteReport(json, reports[0]);
                return;
            }
            json.WriteStartArray();
            foreach (var report in reports)
                WriteReport(json, report);
            json.WriteEndArray();
        });
    }

    private void WriteReport(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartObject();
        json.WriteString("schemaVersion", SchemaVersion);

        json.WriteStartObject("tool");
        json.WriteString("name", "packguard");
        json.WriteString("version", _toolVersion);
        json.WriteEndObject();

        json.WritePropertyName("target");
        ReportJson.WriteTarget(json, report.Result.Target);
        if (report.Result.Comparison is { } comparison)
        {
            json.WritePropertyName("against");
            ReportJson.WriteTarget(json, comparison.Against);
        }
        json.WriteString("verdict", report.Verdict.ToName());
        json.WriteString("failOn", report.FailOn.Name);
        json.WriteBoolean("incomplete", report.Result.Incomplete);

        json.WriteStartObject("summary");
        foreach (var severity in SeverityNames.MostSevereFirst)
            json.WriteNumber(severity.ToName(), report.Summary.GetValueOrDefault(severity));
        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in report.Result.Findings)
            WriteFinding(json, finding);
        json.WriteEndArray();
        PolicyJson.Write(json, report.Policy);

        if (report.Result.Comparison is { } diff)
        {
            json.WritePropertyName("changes");
            DiffChangesJson.Write(json, diff.Changes);
        }
        if (report.Result.Dependencies is { } dependencies)
        {
            json.WritePropertyName("dependencies");
            DependencyAuditJson.Write(json, dependencies);
        }
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("title", finding.Title);
        json.WriteString("message", finding.Message);

        json.WriteStartObject("location");
        json.WriteString("path", finding.Location.Path);
        WriteNumberOrNull(json, "line", finding.Location.Line);
        WriteNumberOrNull(json, "column", finding.Location.Column);
        json.WriteString("originalPath", finding.Location.OriginalPath);
        json.WriteEndObject();

        json.WriteString("fingerprint", finding.Fingerprint);
        json.WritePropertyName("properties");
        finding.Properties.WriteTo(json);
        json.WriteString("fix", finding.Fix);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
