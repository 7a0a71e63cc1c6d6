using System.Globalization;
using System.Text.Json;
using PackGuard.Reports;

namespace PackGuard.Ledger.Export;

/// <summary>
/// The anonymized export as a STIX 2.1 bundle: an <c>identity</c> for PackGuard (the producer),
/// an <c>indicator</c> per rule family, a <c>course-of-action</c> per control with a
/// <c>mitigates</c> relationship to each family it caught, and a <c>sighting</c> per bucket with
/// its count and the VERIS-style custom property <c>x_packguard_security_incident: "Near miss"</c>.
/// Times never say more than a month: a sighting is created at the first instant of its bucket's
/// month, seen from then to the month's last millisecond, and modified at the first instant of the
/// export's month; the definitions (identity, indicators, courses of action) carry a fixed date.
/// </summary>
internal static class StixBundleWriter
{
    private const string SpecVersion = "2.1";

    // The definitions do not change with the ledger: a fixed date keeps their versions stable.
    private static readonly DateTimeOffset DefinitionTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string IdentityId = StixIds.For("identity", "packguard");

    public static void Write(NearMissExport export, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buckets = export.Buckets;
        var families = buckets.Select(b => b.RuleFamily).Distinct().Order(StringComparer.Ordinal).ToList();
        var controls = buckets.Select(b => b.Control).Distinct().Order(StringComparer.Ordinal).ToList();
        var pairs = buckets.Select(b => (b.Control, b.RuleFamily)).Distinct().OrderBy(p => p.Control, StringComparer.Ordinal).ThenBy(p => p.RuleFamily, StringComparer.Ordinal).ToList();

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("type", "bundle");
        json.WriteString("id", StixIds.For("bundle", BundleName(export)));
        json.WriteStartArray("objects");
        WriteIdentity(json);
        foreach (var family in families)
            WriteIndicator(json, family);
        foreach (var control in controls)
            WriteCourseOfAction(json, control);
        foreach (var (control, family) in pairs)
            WriteMitigates(json, control, family);
        foreach (var bucket in buckets)
            WriteSighting(json, bucket, export.ExportMonth);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter json)
    {
        Common(json, "identity", IdentityId, DefinitionTime, DefinitionTime, createdBy: false);
        json.WriteString("name", "PackGuard");
        json.WriteString("description", "A release and supply-chain gate for npm, NuGet and Python packages; the producer of these near-miss counts.");
        json.WriteString("identity_class", "system");
        json.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter json, string family)
    {
        Common(json, "indicator", IndicatorId(family), DefinitionTime, DefinitionTime, createdBy: true);
        json.WriteString("name", $"PackGuard rule family '{family}'");
        json.WriteString("description", $"A package that PackGuard blocked for a '{family}' finding: it would have exposed {NearMissExposure.Of(family)}.");
        json.WriteStartArray("indicator_types");
        json.WriteStringValue("anomalous-activity");
        json.WriteEndArray();
        // No STIX pattern can say "a rule of this family fired"; the pattern type is PackGuard's own.
        json.WriteString("pattern", $"rule-family = '{family}'");
        json.WriteString("pattern_type", "packguard");
        json.WriteString("valid_from", Timestamp(DefinitionTime));
        json.WriteString("x_packguard_rule_family", family);
        json.WriteString("x_packguard_exposure", NearMissExposure.Of(family));
        json.WriteEndObject();
    }

    private static void WriteCourseOfAction(Utf8JsonWriter json, string control)
    {
        Common(json, "course-of-action", CourseOfActionId(control), DefinitionTime, DefinitionTime, createdBy: true);
        json.WriteString("name", control == NearMissBucket.Other ? "PackGuard (control not published)" : $"PackGuard {control}");
        json.WriteString("description", control switch
        {
            "scan" => "Scan a package artifact before it is published or installed, and block the release on findings at or above the fail-on level.",
            "gate" => "Compare a new version with the one before it, and block it on suspicious changes.",
            "deps" => "Check the dependencies a lockfile resolves, and block the build on risky ones.",
            _ => "Near misses from buckets too small to publish on their own, merged.",
        });
        json.WriteString("x_packguard_control", control);
        json.WriteEndObject();
    }

    private static void WriteMitigates(Utf8JsonWriter json, string control, string family)
    {
        Common(json, "relationship", StixIds.For("relationship", $"mitigates\n{control}\n{family}"), DefinitionTime, DefinitionTime, createdBy: true);
        json.WriteString("relationship_type", "mitigates");
        json.WriteString("source_ref", CourseOfActionId(control));
        json.WriteString("target_ref", IndicatorId(family));
        json.WriteEndObject();
    }

    private static void WriteSighting(Utf8JsonWriter json, NearMissBucket bucket, DateTimeOffset exportMonth)
    {
        var month = DateTimeOffset.ParseExact(bucket.Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var modified = exportMonth > month ? exportMonth : month;
        Common(json, "sighting", StixIds.For("sighting", $"{bucket.Month}\n{bucket.Control}\n{bucket.Context}\n{bucket.Ecosystem}\n{bucket.RuleFamily}"), month, modified, createdBy: true);
        json.WriteString("sighting_of_ref", IndicatorId(bucket.RuleFamily));
        json.WriteNumber("count", bucket.NearMisses);
        json.WriteString("first_seen", Timestamp(month));
        json.WriteString("last_seen", Timestamp(month.AddMonths(1).AddMilliseconds(-1)));
        // The count is an aggregate of many runs, not one observation.
        json.WriteBoolean("summary", true);
        json.WriteString("x_packguard_security_incident", "Near miss");
        json.WriteString("x_packguard_month", bucket.Month);
        json.WriteString("x_packguard_control", bucket.Control);
        json.WriteString("x_packguard_context", bucket.Context);
        json.WriteString("x_packguard_ecosystem", bucket.Ecosystem);
        json.WriteString("x_packguard_rule_family", bucket.RuleFamily);
        json.WriteString("x_packguard_exposure", bucket.Exposure);
        json.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter json, string type, string id, DateTimeOffset created, DateTimeOffset modified, bool createdBy)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("spec_version", SpecVersion);
        json.WriteString("id", id);
        if (createdBy)
            json.WriteString("created_by_ref", IdentityId);
        json.WriteString("created", Timestamp(created));
        json.WriteString("modified", Timestamp(modified));
    }

    private static string IndicatorId(string family) => StixIds.For("indicator", "rule-family\n" + family);

    private static string CourseOfActionId(string control) => StixIds.For("course-of-action", "control\n" + control);

    // The bundle is named by what it holds, so the same export is the same bundle.
    private static string BundleName(NearMissExport export) =>
        NearMissExport.Month(export.ExportMonth) + "\n" + ToolVersion.Current + "\n" +
        string.Join("\n", export.Buckets.Select(b => $"{b.Month}|{b.Control}|{b.Context}|{b.Ecosystem}|{b.RuleFamily}|{b.NearMisses.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>RFC 3339 in UTC with milliseconds, as STIX 2.1 requires of created and modified.</summary>
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
