using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Rules;

namespace PackGuard.Reports;

/// <summary>
/// Writes SARIF 2.1.0 for code-scanning tools: one run per scanned target, the rules that fired
/// with their help text, one result per finding. The PackGuard-specific facts (severity, measured
/// figures, target, verdict) travel in property bags, so nothing of the JSON report is lost.
/// </summary>
/// <remarks>
/// Output is deterministic (no timestamps, no machine paths) so that it can be snapshot-tested
/// and diffed between runs.
/// </remarks>
public sealed class SarifReportWriter : IReportWriter
{
    /// <summary>The OASIS schema the output conforms to.</summary>
    public const string SchemaUri =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The key under which results carry PackGuard's fingerprint.</summary>
    public const string FingerprintKey = "packguard/v1";

    // Result property names PackGuard sets itself; a finding property with one of these names is
    // written as "finding.<name>" instead of overwriting it (or, for "tags", breaking the schema).
    private static readonly HashSet<string> ReservedResultProperties = new(StringComparer.Ordinal)
    {
        "severity", "originalPath", "tags",
    };

    private readonly RuleCatalog _catalog;
    private readonly string _toolVersion;

    /// <summary>Creates a writer.</summary>
    /// <param name="catalog">Describes the rules that fired in <c>tool.driver.rules</c>.</param>
    /// <param name="toolVersion">
    /// The version to report; defaults to this assembly's informational version without build metadata.
    /// </param>
    public SarifReportWriter(RuleCatalog catalog, string? toolVersion = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _toolVersion = toolVersion ?? ToolVersion.Current;
    }

    /// <summary>
    /// More properties for every run's property bag, written after the target, verdict and fail-on
    /// (for example the <c>gate</c> object of <c>packguard gate</c>); null for none.
    /// </summary>
    public JsonObject? RunProperties { get; init; }

    /// <inheritdoc />
    public void Write(IReadOnlyList<ScanReport> reports, Stream output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ReportJson.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            foreach (var report in reports)
                WriteRun(json, report);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private void WriteRun(Utf8JsonWriter json, ScanReport report)
    {
        var findings = report.Result.Findings;
        var suppressed = report.Policy.Suppressed;
        var rules = SarifRuleSet.For([.. findings, .. suppressed.Select(s => s.Finding)], _catalog);

        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "PackGuard");
        json.WriteString("version", _toolVersion);
        json.WriteString("semanticVersion", _toolVersion);
        rules.Write(json);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        // A scan that ran out of time did not do all it was asked to: say so where SARIF tools look.
        json.WriteBoolean("executionSuccessful", !report.Result.Incomplete);
        if (report.Result.Incomplete)
        {
            json.WriteStartArray("toolExecutionNotifications");
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", "A time budget ran out and part of the artifact was not inspected (see the scan/incomplete result).");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var finding in findings)
            WriteResult(json, finding, rules.IndexOf(finding.RuleId), null);
        // SARIF keeps suppressed results, marked, so that code-scanning tools show them as dismissed with the reason.
        foreach (var (finding, suppression) in suppressed)
            WriteResult(json, finding, rules.IndexOf(finding.RuleId), suppression);
        json.WriteEndArray();

        json.WriteStartObject("properties");
        json.WritePropertyName("target");
        ReportJson.WriteTarget(json, report.Result.Target);
        if (report.Result.Comparison is { } comparison)
        {
            json.WritePropertyName("against");
            ReportJson.WriteTarget(json, comparison.Against);
        }
        json.WriteString("verdict", report.Verdict.ToName());
        json.WriteString("failOn", report.FailOn.Name);
        WritePolicy(json, report.Policy);
        foreach (var (name, value) in RunProperties ?? [])
        {
            json.WritePropertyName(name);
            if (value is null)
                json.WriteNullValue();
            else
                value.WriteTo(json);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter json, PolicyOutcome policy)
    {
        json.WriteStartObject("policy");
        json.WriteString("config", policy.Config);
        json.WriteString("baseline", policy.Baseline);
        json.WriteNumber("excluded", policy.Excluded);
        json.WriteNumber("baselined", policy.Baselined);
        json.WriteNumber("suppressed", policy.Suppressed.Count);
        json.WriteEndObject();
        json.WriteStartArray("expiredSuppressions");
        foreach (var expired in policy.Expired)
        {
            json.WriteStartObject();
            json.WriteNumber("index", expired.Suppression.Index);
            json.WriteString("fingerprint", expired.Suppression.Fingerprint);
            json.WriteString("rule", expired.Suppression.Rule);
            json.WriteString("path", expired.Suppression.Path?.Pattern);
            json.WriteString("reason", expired.Suppression.Reason);
            json.WriteString("approvedBy", expired.Suppression.ApprovedBy);
            json.WriteString("expires", PolicyJson.Date(expired.Suppression.Expires));
            json.WriteNumber("matched", expired.Matched);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A SARIF 2.1.0 <c>suppression</c> object (§3.35): accepted, external to the code, with who approved it and until when.</summary>
    private static void WriteSuppression(Utf8JsonWriter json, Suppression suppression)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", "external");
        json.WriteString("status", "accepted");
        json.WriteString("justification", suppression.Reason);
        json.WriteStartObject("properties");
        json.WriteString("approvedBy", suppression.ApprovedBy);
        json.WriteString("expires", PolicyJson.Date(suppression.Expires));
        json.WriteNumber("index", suppression.Index);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, Suppression? suppression)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", SarifSeverity.Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", MessageText(finding));
        json.WriteEndObject();

        json.WriteStartArray("locations");
        SarifLocation.Write(json, finding.Location);
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, finding.Fingerprint);
        json.WriteEndObject();
        if (suppression is not null)
            WriteSuppression(json, suppression);

        json.WriteStartObject("properties");
        json.WriteString("severity", finding.Severity.ToName());
        if (finding.Location.OriginalPath is { } originalPath)
            json.WriteString("originalPath", originalPath);
        var written = new HashSet<string>(ReservedResultProperties, StringComparer.Ordinal);
        foreach (var (name, value) in finding.Properties)
        {
            var key = name;
            while (!written.Add(key))
                key = "finding." + key;
            json.WritePropertyName(key);
            if (value is null)
                json.WriteNullValue();
            else
                value.WriteTo(json);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Code-scanning UIs show the message and the physical location; the original source path and
    // the fix would otherwise be one click (or one property bag) away.
    private static string MessageText(Finding finding)
    {
        var text = finding.Message;
        if (finding.Location.OriginalPath is { } originalPath
            && !text.Contains(originalPath, StringComparison.Ordinal))
            text += $"\n\nOriginal source: {originalPath}";
        if (!string.IsNullOrEmpty(finding.Fix))
            text += $"\n\nFix: {finding.Fix}";
        return text;
    }
}
