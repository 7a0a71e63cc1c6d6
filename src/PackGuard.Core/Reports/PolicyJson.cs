using System.Globalization;
using System.Text.Json;
using PackGuard.Findings;
using PackGuard.Policy;

namespace PackGuard.Reports;

/// <summary>
/// The JSON report's account of what the policy took out of the verdict: the <c>policy</c> object
/// (which files, how many findings excluded and baselined), <c>suppressed</c> (each hidden finding
/// with who accepted it and until when) and <c>expiredSuppressions</c>.
/// </summary>
internal static class PolicyJson
{
    public static void Write(Utf8JsonWriter json, PolicyOutcome outcome)
    {
        json.WriteStartObject("policy");
        json.WriteString("config", outcome.Config);
        json.WriteString("baseline", outcome.Baseline);
        json.WriteNumber("excluded", outcome.Excluded);
        json.WriteNumber("baselined", outcome.Baselined);
        json.WriteNumber("suppressed", outcome.Suppressed.Count);
        json.WriteEndObject();

        json.WriteStartArray("suppressed");
        foreach (var (finding, suppression) in outcome.Suppressed)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", finding.Severity.ToName());
            json.WriteString("title", finding.Title);
            json.WriteString("path", finding.Location.Path);
            json.WriteString("fingerprint", finding.Fingerprint);
            json.WritePropertyName("suppression");
            WriteSuppression(json, suppression);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("expiredSuppressions");
        foreach (var expired in outcome.Expired)
        {
            json.WriteStartObject();
            WriteSuppressionFields(json, expired.Suppression);
            json.WriteNumber("matched", expired.Matched);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A suppression as reports show it: what it names, why, by whom, until when.</summary>
    public static void WriteSuppression(Utf8JsonWriter json, Suppression suppression)
    {
        json.WriteStartObject();
        WriteSuppressionFields(json, suppression);
        json.WriteEndObject();
    }

    private static void WriteSuppressionFields(Utf8JsonWriter json, Suppression suppression)
    {
        json.WriteNumber("index", suppression.Index);
        json.WriteString("fingerprint", suppression.Fingerprint);
        json.WriteString("rule", suppression.Rule);
        json.WriteString("path", suppression.Path?.Pattern);
        json.WriteString("reason", suppression.Reason);
        json.WriteString("approvedBy", suppression.ApprovedBy);
        json.WriteString("expires", Date(suppression.Expires));
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
