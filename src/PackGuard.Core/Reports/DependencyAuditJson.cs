using System.Text.Json;
using PackGuard.Dependencies.Audit;

namespace PackGuard.Reports;

/// <summary>The <c>dependencies</c> object of a <c>packguard deps</c> report: what was read and checked.</summary>
internal static class DependencyAuditJson
{
    public static void Write(Utf8JsonWriter json, DependencyAuditSummary summary)
    {
        json.WriteStartObject();
        json.WriteNumber("packages", summary.Packages);
        json.WriteBoolean("online", summary.Online);
        if (summary.AdvisoryRecords is { } records)
            json.WriteNumber("advisoryRecords", records);
        else
            json.WriteNull("advisoryRecords");
        json.WriteStartArray("files");
        foreach (var file in summary.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("format", file.Format);
            json.WriteString("formatVersion", file.FormatVersion);
            json.WriteString("ecosystem", file.Ecosystem);
            json.WriteNumber("packages", file.Packages);
            json.WriteNumber("direct", file.Direct);
            json.WriteNumber("problems", file.Problems);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in summary.Notes)
            json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
