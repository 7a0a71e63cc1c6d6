using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace PackGuard.Tests.Dependencies.Advisories;

/// <summary>
/// Generated OSV records in the shape of the malicious-packages database (the same fields, about
/// the same size), for performance tests and <c>bench/PackGuard.Bench advisories</c>: 80% npm,
/// 10% PyPI, 10% NuGet; seven in ten affect every version, two list versions, one has a range.
/// Record <c>i</c> names package <see cref="Name"/>(i) so that a benchmark can query hits.
/// </summary>
internal static class SyntheticAdvisories
{
    public static string Ecosystem(int i) => (i % 10) switch
    {
        8 => "PyPI",
        9 => "NuGet",
        _ => "npm",
    };

    public static string Name(int i) => (i % 10) switch
    {
        8 => $"py_evil.pkg{i}",
        9 => $"Evil.Package{i}",
        _ => i % 7 == 0 ? $"@scope{i % 97}/evil-pkg-{i}" : $"evil-pkg-{i}",
    };

    public static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"MAL-2099-{i}");

    public static string Record(int i)
    {
        var ecosystem = Ecosystem(i);
        var name = Name(i);
        var affected = (i % 10) switch
        {
            < 7 => "\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}]}]",
            < 9 => "\"versions\": [\"1.0.0\", \"1.0.1\", \"1.0.2\", \"2.0.0\"]",
            _ => "\"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"1.2.0\"}, {\"fixed\": \"1.4.0\"}]}]",
        };
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "modified": "2099-01-02T03:04:05Z",
              "published": "2099-01-01T00:00:00Z",
              "schema_version": "1.7.4",
              "id": "{{Id(i)}}",
              "summary": "Malicious code in {{name}} ({{ecosystem}})",
              "details": "\n---\n_-= Per source details. Do not edit below this line.=-_\n\n## Source: synthetic ({{i:x64}})\nThe package {{name}} was found to contain malicious code.\n",
              "affected": [
                {
                  "package": {"ecosystem": "{{ecosystem}}", "name": "{{name}}"},
                  {{affected}}
                }
              ],
              "credits": [{"name": "Synthetic", "type": "FINDER", "contact": ["https://example.com"]}],
              "database_specific": {
                "malicious-packages-origins": [
                  {"import_time": "2099-01-01T00:00:00Z", "modified_time": "2099-01-01T00:00:00Z", "sha256": "{{i:x64}}", "source": "synthetic"}
                ]
              }
            }
            """);
    }

    /// <summary>Writes records <c>0..count-1</c> as <c>osv/malicious/&lt;ecosystem&gt;/&lt;name&gt;/&lt;id&gt;.json</c> under <paramref name="directory"/>.</summary>
    public static void WriteDirectory(string directory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var folder = Path.Combine(directory, "osv", "malicious", Ecosystem(i).ToLowerInvariant(), Name(i).ToLowerInvariant());
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, Id(i) + ".json"), Record(i));
        }
    }

    /// <summary>Writes records <c>0..count-1</c> into a flat zip, as the OSV bucket's <c>all.zip</c>.</summary>
    public static void WriteZip(string path, int count)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 0; i < count; i++)
        {
            using var entry = zip.CreateEntry(Id(i) + ".json", CompressionLevel.Fastest).Open();
            entry.Write(Encoding.UTF8.GetBytes(Record(i)));
        }
    }
}
