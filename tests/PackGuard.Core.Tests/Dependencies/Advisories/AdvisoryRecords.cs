using System.IO.Compression;
using System.Text;

namespace PackGuard.Tests.Dependencies.Advisories;

/// <summary>The hand-written OSV records under <c>Records/</c> (see its README), and ways to lay them out for an import.</summary>
internal static class AdvisoryRecords
{
    /// <summary>The records' directory, as copied beside the test assembly.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Dependencies", "Advisories", "Records");

    /// <summary>The bytes of one record, by its path under <c>Records/</c>.</summary>
    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    /// <summary>
    /// Writes every JSON file of <c>Records/</c> into a zip at <paramref name="zipPath"/>, flat, as
    /// the OSV bucket's per-ecosystem <c>all.zip</c> holds them (<c>MAL-2026-2306.json</c>).
    /// </summary>
    public static void WriteZip(string zipPath, bool flat = true)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = flat ? Path.GetFileName(file) : Path.GetRelativePath(Directory, file).Replace('\\', '/');
            zip.CreateEntryFromFile(file, name);
        }
    }

    /// <summary>A minimal record of the malicious-packages database's shape.</summary>
    public static string Malicious(string id, string ecosystem, string name, string? modified = "2025-01-01T00:00:00Z", string affected = "\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}]}]", string? withdrawn = null) =>
        $$"""
        {
          {{(modified is null ? "" : $"\"modified\": \"{modified}\",")}}
          "published": "2025-01-01T00:00:00Z",
          "schema_version": "1.7.4",
          "id": "{{id}}",
          "summary": "Malicious code in {{name}} ({{ecosystem}})",
          "details": "The package {{name}} was found to contain malicious code.",
          "affected": [{"package": {"ecosystem": "{{ecosystem}}", "name": "{{name}}"}, {{affected}}}]{{(withdrawn is null ? "" : $",\n  \"withdrawn\": \"{withdrawn}\"")}}
        }
        """;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
