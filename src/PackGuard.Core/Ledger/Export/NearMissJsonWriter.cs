using System.Text.Json;
using PackGuard.Reports;

namespace PackGuard.Ledger.Export;

/// <summary>The anonymized export's own JSON shape (schemaVersion "1", documented in docs/ledger.md).</summary>
internal static class NearMissJsonWriter
{
    public static void Write(NearMissExport export, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schemaVersion", "1");
        json.WriteString("kind", "packguard-near-misses");
        json.WriteStartObject("tool");
        json.WriteString("name", "packguard");
        json.WriteString("version", ToolVersion.Current);
        json.WriteEndObject();
        json.WriteString("exported", NearMissExport.Month(export.ExportMonth));
        json.WriteNumber("minimumBucketSize", NearMissExport.MinimumBucketSize);
        json.WriteString("smallBuckets", "merged per month into an 'other' bucket, dropped when that is also below the minimum");
        json.WriteStartArray("buckets");
        foreach (var bucket in export.Buckets)
        {
            json.WriteStartObject();
            json.WriteString("month", bucket.Month);
            json.WriteString("control", bucket.Control);
            json.WriteString("context", bucket.Context);
            json.WriteString("ecosystem", bucket.Ecosystem);
            json.WriteString("ruleFamily", bucket.RuleFamily);
            json.WriteString("exposure", bucket.Exposure);
            json.WriteNumber("nearMisses", bucket.NearMisses);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
