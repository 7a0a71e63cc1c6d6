using System.Text.Json;
using PackGuard.Artifacts.Inventory;
using PackGuard.Diff;

namespace PackGuard.Reports;

/// <summary>The <c>changes</c> section of a diff's JSON report (see docs/exit-codes-and-reports.md).</summary>
internal static class DiffChangesJson
{
    public static void Write(Utf8JsonWriter json, DiffChanges changes)
    {
        json.WriteStartObject();

        json.WriteStartObject("size");
        json.WriteNumber("old", changes.Size.Old);
        json.WriteNumber("new", changes.Size.New);
        if (changes.Size.Ratio is { } ratio)
            json.WriteNumber("ratio", Math.Round(ratio, 3));
        else
            json.WriteNull("ratio");
        json.WriteEndObject();

        json.WriteStartObject("entries");
        Entries(json, "added", changes.Added);
        Entries(json, "removed", changes.Removed);
        Entries(json, "changed", changes.Changed);
        json.WriteNumber("unchanged", changes.Unchanged);
        json.WriteEndObject();

        json.WriteStartArray("newFileKinds");
        foreach (var kind in changes.NewKinds)
        {
            json.WriteStartObject();
            json.WriteString("kind", kind.Kind.ToName());
            json.WriteNumber("bytes", kind.Bytes);
            Strings(json, "paths", kind.Paths);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("installScripts");
        foreach (var script in changes.InstallScripts)
        {
            json.WriteStartObject();
            json.WriteString("name", script.Name);
            json.WriteString("change", script.Change);
            json.WriteString("old", script.Old);
            json.WriteString("new", script.New);
            json.WriteString("kind", script.Kind);
            json.WriteString("path", script.Path);
            json.WriteBoolean("fetches", script.Fetches);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("dependencies");
        foreach (var dependency in changes.Dependencies)
        {
            json.WriteStartObject();
            json.WriteString("name", dependency.Name);
            json.WriteString("change", dependency.Change);
            json.WriteString("old", dependency.OldRange);
            json.WriteString("new", dependency.NewRange);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("endpoints");
        foreach (var endpoint in changes.Endpoints)
        {
            json.WriteStartObject();
            json.WriteString("host", endpoint.Host);
            json.WriteString("url", endpoint.Url);
            Strings(json, "paths", endpoint.Paths);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("dangerousApis");
        foreach (var api in changes.DangerousApis)
        {
            json.WriteStartObject();
            json.WriteString("path", api.Path);
            Strings(json, "tokens", api.Tokens);
            json.WriteBoolean("addedFile", api.AddedFile);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("obfuscation");
        foreach (var jump in changes.Obfuscation)
        {
            json.WriteStartObject();
            json.WriteString("path", jump.Path);
            json.WriteBoolean("entryPoint", jump.EntryPoint);
            json.WriteNumber("oldEntropy", Math.Round(jump.OldEntropy, 3));
            json.WriteNumber("newEntropy", Math.Round(jump.NewEntropy, 3));
            json.WriteNumber("oldMinifiedShare", Math.Round(jump.OldMinifiedShare, 3));
            json.WriteNumber("newMinifiedShare", Math.Round(jump.NewMinifiedShare, 3));
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteEndObject();
    }

    private static void Entries(Utf8JsonWriter json, string name, IReadOnlyList<EntryChange> entries)
    {
        json.WriteStartArray(name);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("path", entry.Path);
            json.WriteString("kind", entry.Kind.ToName());
            WriteSize(json, "oldSize", entry.OldSize);
            WriteSize(json, "newSize", entry.NewSize);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSize(Utf8JsonWriter json, string name, long? size)
    {
        if (size is { } value)
            json.WriteNumber(name, value);
        else
            json.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
