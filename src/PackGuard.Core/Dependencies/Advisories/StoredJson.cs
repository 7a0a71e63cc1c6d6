using System.Buffers;
using System.Text.Json;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// How lists are kept in the store's text columns: JSON, ranges in OSV's own shape
/// (<c>[{"type":"SEMVER","events":[{"introduced":"0"}]}]</c>) so that a person reading the
/// database sees what the record said.
/// </summary>
internal static class StoredJson
{
    public static string Strings(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
                writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Ranges(IEnumerable<OsvRange> ranges)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var range in ranges)
            {
                writer.WriteStartObject();
                writer.WriteString("type", range.Type);
                writer.WriteStartArray("events");
                foreach (var e in range.Events)
                {
                    writer.WriteStartObject();
                    writer.WriteString(EventName(e.Kind), e.Version);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<string> ReadStrings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString() ?? "")];
    }

    public static IReadOnlyList<OsvRange> ReadRanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        var ranges = new List<OsvRange>();
        foreach (var range in document.RootElement.EnumerateArray())
        {
            var events = new List<OsvEvent>();
            foreach (var e in range.GetProperty("events").EnumerateArray())
            {
                foreach (var property in e.EnumerateObject())
                    events.Add(new OsvEvent(EventKind(property.Name), property.Value.GetString() ?? ""));
            }
            ranges.Add(new OsvRange(range.GetProperty("type").GetString() ?? "", events));
        }
        return ranges;
    }

    private static string EventName(OsvEventKind kind) => kind switch
    {
        OsvEventKind.Introduced => "introduced",
        OsvEventKind.Fixed => "fixed",
        OsvEventKind.LastAffected => "last_affected",
        _ => "limit",
    };

    private static OsvEventKind EventKind(string name) => name switch
    {
        "introduced" => OsvEventKind.Introduced,
        "fixed" => OsvEventKind.Fixed,
        "last_affected" => OsvEventKind.LastAffected,
        _ => OsvEventKind.Limit,
    };
}
