using System.Globalization;
using System.Text.Json;
using PackGuard.Sources;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// Reads one OSV record (schema 1.x) from its JSON. Only what matching and reporting need is
/// kept (see <see cref="OsvRecord"/>); unknown fields are ignored, as the schema asks. A file that
/// is not a record gives a reason instead, never an exception.
/// </summary>
internal static class OsvReader
{
    private const int MaxSummary = 200;
    private const int MaxAliases = 100;
    private const int MaxVersionsPerPackage = 100_000;
    private const int MaxEventsPerRange = 10_000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// The record in <paramref name="json"/>, or the reason it is not one. <paramref name="fileName"/>
    /// names a record whose id is empty: the malicious-packages repository keeps records that await
    /// an id as <c>MAL-0000-&lt;source&gt;-&lt;hash&gt;.json</c> with <c>"id": ""</c>.
    /// </summary>
    public static (OsvRecord? Record, string? Problem) Read(ReadOnlyMemory<byte> json, string fileName)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement, fileName);
        }
        catch (JsonException e)
        {
            return (null, "not JSON: " + FirstLine(e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // GetString on a string that does not decode (a lone surrogate escape).
            return (null, "not a readable OSV record: " + FirstLine(e.Message));
        }
    }

    private static (OsvRecord?, string?) Read(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, "not an OSV record: the JSON is not an object");
        var id = String(root, "id")?.Trim() ?? "";
        if (id.Length == 0)
        {
            // A zip entry is named all.zip!MAL-0000-....json.
            var stem = Path.GetFileNameWithoutExtension(fileName[(fileName.LastIndexOf('!') + 1)..]);
            if (!stem.StartsWith("MAL-", StringComparison.Ordinal))
                return (null, root.TryGetProperty("affected", out _) ? "not an OSV record: no id" : "not an OSV record: no id and no affected packages");
            id = stem;
        }
        if (id.Length > 256)
            return (null, "not an OSV record: an id longer than 256 characters");

        var summary = Shorten(String(root, "summary")?.ReplaceLineEndings(" ").Trim() ?? "");
        var details = FirstMeaningfulLine(String(root, "details") ?? "");
        var affected = new List<OsvAffected>();
        var skipped = 0;
        var malwareWeakness = false;
        if (root.TryGetProperty("affected", out var affectedArray) && affectedArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in affectedArray.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    continue;
                malwareWeakness |= HasMalwareWeakness(item);
                if (ReadAffected(item) is { } one)
                    affected.Add(one);
                else
                    skipped++;
            }
        }
        var databaseSpecific = root.TryGetProperty("database_specific", out var db) && db.ValueKind == JsonValueKind.Object ? db : default;
        var malicious = id.StartsWith("MAL-", StringComparison.OrdinalIgnoreCase)
            || SaysMalicious(summary) || SaysMalicious(details)
            || malwareWeakness
            || (databaseSpecific.ValueKind == JsonValueKind.Object
                && (databaseSpecific.TryGetProperty("malicious-packages-origins", out _) || HasMalwareWeakness(databaseSpecific)));

        return (new OsvRecord(
            id,
            Strings(root, "aliases").Take(MaxAliases).ToArray(),
            summary.Length > 0 ? summary : details,
            details,
            Date(root, "published"),
            Date(root, "modified"),
            Date(root, "withdrawn"),
            malicious,
            affected,
            skipped), null);
    }

    /// <summary>The affected package, or <see langword="null"/> when its ecosystem is not one PackGuard audits.</summary>
    private static OsvAffected? ReadAffected(JsonElement item)
    {
        if (!item.TryGetProperty("package", out var package) || package.ValueKind != JsonValueKind.Object)
            return null;
        var ecosystem = MapEcosystem(String(package, "ecosystem"));
        if (ecosystem is null)
            return null;
        var name = String(package, "name")?.Trim();
        if (string.IsNullOrEmpty(name))
            name = NameFromPurl(String(package, "purl"));
        if (string.IsNullOrEmpty(name) || name.Length > 256)
            return null;

        var ranges = new List<OsvRange>();
        if (item.TryGetProperty("ranges", out var rangeArray) && rangeArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var range in rangeArray.EnumerateArray())
            {
                if (range.ValueKind == JsonValueKind.Object && ReadRange(range) is { } read)
                    ranges.Add(read);
            }
        }
        var versions = Strings(item, "versions").Where(v => v.Length is > 0 and <= 256 && !v.Any(char.IsControl)).Take(MaxVersionsPerPackage).ToArray();
        return new OsvAffected(ecosystem, name, ranges, versions);
    }

    private static OsvRange? ReadRange(JsonElement range)
    {
        var type = String(range, "type")?.Trim().ToUpperInvariant();
        // GIT ranges are commits: matching them needs the repository's history, not a version.
        if (type is not ("SEMVER" or "ECOSYSTEM"))
            return null;
        if (!range.TryGetProperty("events", out var eventArray) || eventArray.ValueKind != JsonValueKind.Array)
            return null;
        var events = new List<OsvEvent>();
        foreach (var e in eventArray.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || events.Count == MaxEventsPerRange)
                continue;
            foreach (var property in e.EnumerateObject())
            {
                OsvEventKind? kind = property.Name switch
                {
                    "introduced" => OsvEventKind.Introduced,
                    "fixed" => OsvEventKind.Fixed,
                    "last_affected" => OsvEventKind.LastAffected,
                    "limit" => OsvEventKind.Limit,
                    _ => null,
                };
                if (kind is { } k && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 and <= 256 } version)
                    events.Add(new OsvEvent(k, version));
            }
        }
        // The schema requires an introduced event; without one the range affects nothing.
        return events.Any(e => e.Kind == OsvEventKind.Introduced) ? new OsvRange(type, events) : null;
    }

    /// <summary>The PackGuard ecosystem of an OSV ecosystem name, or <see langword="null"/> for the others.</summary>
    internal static string? MapEcosystem(string? osvEcosystem) => osvEcosystem?.Trim() switch
    {
        { } e when e.Equals("npm", StringComparison.OrdinalIgnoreCase) => Ecosystems.Npm,
        { } e when e.Equals("PyPI", StringComparison.OrdinalIgnoreCase) => Ecosystems.PyPI,
        { } e when e.Equals("NuGet", StringComparison.OrdinalIgnoreCase) => Ecosystems.NuGet,
        _ => null,
    };

    private static string? NameFromPurl(string? purl)
    {
        if (purl is null || !PackageUrl.LooksLikePackageUrl(purl))
            return null;
        try
        {
            var parsed = PackageUrl.Parse(purl);
            return parsed.Namespace is { Length: > 0 } ns && parsed.Type == "npm" ? ns + "/" + parsed.Name : parsed.Name;
        }
        catch (InvalidTargetSpecException)
        {
            return null;
        }
    }

    /// <summary>CWE-506, "Embedded Malicious Code": GitHub's malware advisories carry it (<c>cwe_ids</c>, or <c>cwes[].cweId</c>).</summary>
    private static bool HasMalwareWeakness(JsonElement element)
    {
        if (!element.TryGetProperty("database_specific", out var db))
            db = element;
        if (db.ValueKind != JsonValueKind.Object)
            return false;
        if (Strings(db, "cwe_ids").Any(IsMalwareCwe))
            return true;
        if (db.TryGetProperty("cwes", out var cwes) && cwes.ValueKind == JsonValueKind.Array)
            return cwes.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object && String(c, "cweId") is { } cwe && IsMalwareCwe(cwe));
        return false;
    }

    private static bool IsMalwareCwe(string cwe) => cwe.Trim().Equals("CWE-506", StringComparison.OrdinalIgnoreCase);

    /// <summary>The malicious-packages database's summary ("Malicious code in x (npm)") and GitHub's ("Malware in x").</summary>
    private static bool SaysMalicious(string text) =>
        text.StartsWith("Malicious code in ", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Malware in ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first line of the details worth showing: not blank, not a rule or heading, not the
    /// malicious-packages database's per-source marker; shortened to a screen line.
    /// </summary>
    internal static string FirstMeaningfulLine(string details)
    {
        foreach (var raw in details.Split('\n'))
        {
            var line = raw.Trim().TrimStart('>').Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("_-=", StringComparison.Ordinal) || line.All(c => c is '-' or '=' or '*' or '_'))
                continue;
            return Shorten(line);
        }
        return "";
    }

    private static string Shorten(string text) => text.Length <= MaxSummary ? text : text[..(MaxSummary - 3)] + "...";

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ") is var line && line.Length > 200 ? line[..200] + "..." : line;

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
                yield return text.Trim();
        }
    }

    private static DateTimeOffset? Date(JsonElement obj, string name) =>
        String(obj, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
}
