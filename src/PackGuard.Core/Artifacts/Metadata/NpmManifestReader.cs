using System.Text.Json;

namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Reads package.json one top-level property at a time, so that a malformed or cut-off manifest
/// still yields every field that came before the damage.
/// </summary>
internal static class NpmManifestReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static PackageMetadata Read(ReadOnlySpan<byte> json, string path, bool isComplete)
    {
        var fields = new NpmFields();
        var problems = new List<string>();
        if (json.StartsWith("\uFEFF"u8))
            json = json[3..];
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            if (isComplete)
                problems.Add($"{path} is empty.");
            return fields.ToMetadata(problems);
        }
        var reader = new Utf8JsonReader(json, isComplete, new JsonReaderState(Options));
        try
        {
            if (!reader.Read())
                return fields.ToMetadata(problems); // cut off before the first token
            if (reader.TokenType != JsonTokenType.StartObject)
                problems.Add($"{path} is not a JSON object.");
            else
                ReadProperties(ref reader, fields);
        }
        catch (JsonException e)
        {
            problems.Add($"{path} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); what follows was not read.");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader checks UTF-8 only when a string is decoded, and reports it this way.
            problems.Add($"{path} holds text that is not valid UTF-8; what follows it was not read.");
        }
        if (fields.WrongTypes.Count > 0)
            problems.Add($"{path} has fields of the wrong type, which were ignored: {string.Join("; ", fields.WrongTypes)}.");
        return fields.ToMetadata(problems);
    }

    private static void ReadProperties(ref Utf8JsonReader reader, NpmFields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!NpmFields.IsKnown(name))
            {
                if (!reader.TrySkip())
                    return; // the data ends inside this value
                continue;
            }
            if (!JsonDocument.TryParseValue(ref reader, out var document))
                return;
            using (document)
                fields.Apply(name, document.RootElement);
        }
    }
}
