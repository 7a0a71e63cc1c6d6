using System.Globalization;
using System.Text.Json;
using PackGuard.Findings;

namespace PackGuard.Policy;

/// <summary>A baseline file is missing, unreadable or not a baseline. The CLI prints the reason and exits with code 2.</summary>
public sealed class BaselineException(string message) : Exception(message);

/// <summary>
/// Reads and writes <c>packguard.baseline.json</c>:
/// <code>
/// { "kind": "packguard-baseline", "schemaVersion": "1", "created": "2026-04-01T09:30:00+00:00",
///   "targets": ["npm:acme-cli@2.1.88"],
///   "findings": [ { "fingerprint": "…", "ruleId": "source-map/paths-only", "path": "package/dist/cli.js.map",
///                   "severity": "low", "date": "2026-04-01" } ] }
/// </code>
/// Fingerprints of secrets are keyed hashes; the file never holds a secret, a preview or a message.
/// </summary>
public static class BaselineFile
{
    /// <summary>The <c>kind</c> a baseline file declares.</summary>
    public const string Kind = "packguard-baseline";

    /// <summary>The default file name.</summary>
    public const string DefaultName = "packguard.baseline.json";

    private const long MaxBytes = 64L << 20;
    private const int MaxEntries = 1_000_000;

    /// <summary>Writes <paramref name="baseline"/> to <paramref name="output"/> (left open).</summary>
    public static void Write(Baseline baseline, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, Reports.ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind);
            json.WriteString("schemaVersion", "1");
            json.WriteString("created", baseline.Created.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            json.WriteStartArray("targets");
            foreach (var target in baseline.Targets)
                json.WriteStringValue(target);
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var entry in baseline.Entries)
            {
                json.WriteStartObject();
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteString("ruleId", entry.RuleId);
                json.WriteString("path", entry.Path);
                json.WriteString("severity", entry.Severity.ToName());
                json.WriteString("date", entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>Reads the baseline at <paramref name="path"/>; <paramref name="display"/> is how reports and errors name it.</summary>
    /// <exception cref="BaselineException">The file is missing, unreadable or not a baseline.</exception>
    public static Baseline Read(string path, string display)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new BaselineException($"baseline {display}: no such file (create one with packguard baseline create <target>...)");
            if (info.Length > MaxBytes)
                throw new BaselineException($"baseline {display}: larger than 64 MiB; that is not a baseline file");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"baseline {display}: {e.Message}");
        }
        try
        {
            // A JSON report's finding properties nest a few levels deeper than a baseline's entries.
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            return Parse(document.RootElement, display);
        }
        catch (JsonException)
        {
            throw new BaselineException($"baseline {display}: not valid JSON");
        }
    }

    private static Baseline Parse(JsonElement root, string display)
    {
        // As gitleaks does with its --baseline-path: a previous JSON report (of scan, gate or deps,
        // one target or several) serves as a baseline too.
        if (IsReport(root) || (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root.EnumerateArray().All(IsReport)))
            return FromReports(root, display);
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != Kind)
            throw new BaselineException($"baseline {display}: neither a PackGuard baseline (no \"kind\": \"{Kind}\") nor a PackGuard JSON report");
        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "1")
            throw new BaselineException($"baseline {display}: schemaVersion must be \"1\"");
        if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            throw new BaselineException($"baseline {display}: findings must be an array");
        if (findings.GetArrayLength() > MaxEntries)
            throw new BaselineException($"baseline {display}: more than {MaxEntries} findings");
        var created = root.TryGetProperty("created", out var c) && c.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) ? when : default;
        var targets = root.TryGetProperty("targets", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        var entries = new List<BaselineEntry>();
        var index = 0;
        foreach (var item in findings.EnumerateArray())
        {
            entries.Add(Entry(item, display, index));
            index++;
        }
        return new Baseline(entries, created, targets) { Source = display };
    }

    private static bool IsReport(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && !element.TryGetProperty("kind", out _)
        && element.TryGetProperty("schemaVersion", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() == Reports.JsonReportWriter.SchemaVersion
        && element.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array;

    /// <summary>The findings of one JSON report, or of an array of them, as baseline entries.</summary>
    private static Baseline FromReports(JsonElement root, string display)
    {
        var reports = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
        var entries = new List<BaselineEntry>();
        var targets = new List<string>();
        foreach (var report in reports)
        {
            if (report.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Object
                && target.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.String)
                targets.Add(spec.GetString()!);
            var index = 0;
            foreach (var finding in report.GetProperty("findings").EnumerateArray())
            {
                var entry = Entry(finding, display, index++);
                var path = finding.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object ? Text(location, "path") : "";
                entries.Add(entry with { Path = path });
                if (entries.Count > MaxEntries)
                    throw new BaselineException($"baseline {display}: more than {MaxEntries} findings");
            }
        }
        return new Baseline(entries, default, targets) { Source = display };
    }

    private static BaselineEntry Entry(JsonElement item, string display, int index)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(fingerprint.GetString()))
            throw new BaselineException($"baseline {display}: findings[{index}] has no fingerprint");
        // The rest is for people reading the file; a missing or odd value does not make the fingerprint wrong.
        var severity = item.TryGetProperty("severity", out var s) && SeverityNames.TryParse(s.ValueKind == JsonValueKind.String ? s.GetString() : null, out var parsed) ? parsed : Severity.Info;
        var date = item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : default;
        return new BaselineEntry(fingerprint.GetString()!, Text(item, "ruleId"), Text(item, "path"), severity, date);
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
