using System.Text.Json;
using PackGuard.Findings;

namespace PackGuard.Reports;

/// <summary>
/// A finding's location as a SARIF <c>location</c>. The entry path is the physical location. An
/// original source path (text that came out of a source map) is not a file anyone can open, so
/// it is a logical location of kind <c>module</c> (a module of the bundle the map describes);
/// the result also carries it as a property and in its message, which consumers always show.
/// </summary>
internal static class SarifLocation
{
    /// <summary>Writes one <c>location</c> object.</summary>
    public static void Write(Utf8JsonWriter json, FindingLocation location)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", SarifUri.FromEntryPath(location.Path));
        json.WriteEndObject();
        // SARIF lines and columns are 1-based and a region needs a start line; anything else is
        // unknown rather than wrong.
        if (location.Line is >= 1 and var line)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            if (location.Column is >= 1 and var column)
                json.WriteNumber("startColumn", column);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        if (location.OriginalPath is { } originalPath)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", LastSegment(originalPath));
            json.WriteString("fullyQualifiedName", originalPath);
            json.WriteString("kind", "module");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 && slash < trimmed.Length - 1 ? trimmed[(slash + 1)..] : path;
    }
}
