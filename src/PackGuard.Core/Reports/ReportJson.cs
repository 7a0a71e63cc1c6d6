using System.Text.Json;
using PackGuard.Policy;
using PackGuard.Scanning;

namespace PackGuard.Reports;

/// <summary>What the JSON and SARIF writers share: output settings and the <c>target</c> object.</summary>
internal static class ReportJson
{
    /// <summary>Indented, LF line ends whatever the platform, PackGuard's escaping policy.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = ReportJsonEncoder.Instance,
    };

    /// <summary>
    /// Writes one JSON document followed by a newline, so that the file is a proper text file and
    /// shells print the next prompt on its own line. The stream is left open.
    /// </summary>
    public static void WriteDocument(Stream output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var json = new Utf8JsonWriter(output, WriterOptions))
            write(json);
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <summary>The <c>target</c> object of the JSON contract; SARIF runs carry the same object.</summary>
    public static void WriteTarget(Utf8JsonWriter json, TargetInfo target)
    {
        json.WriteStartObject();
        json.WriteString("spec", target.Spec);
        json.WriteString("ecosystem", target.Ecosystem);
        json.WriteString("name", target.Name);
        json.WriteString("version", target.Version);
        json.WriteString("license", target.License);
        json.WriteString("sha256", target.Sha256);
        json.WriteNumber("size", target.Size);
        json.WriteNumber("entryCount", target.EntryCount);
        // Additions after the contract fields, so that readers of schemaVersion "1" see its order.
        json.WriteString("repository", target.Repository);
        json.WriteString("registry", target.Registry);
        json.WriteEndObject();
    }

    /// <summary>The verdict as reports spell it.</summary>
    public static string ToName(this Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "fail",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
