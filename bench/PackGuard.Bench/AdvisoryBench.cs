using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;
using PackGuard.Tests.Dependencies.Advisories;

namespace PackGuard.Bench;

/// <summary>
/// The advisory store: import speed on a generated directory of OSV records (records/s, against
/// reading every file and parsing it with <see cref="JsonDocument"/>, the least an import must
/// do), and matching speed of 5,000 dependencies against a large store (one prepared query per
/// dependency, against a HashSet of every stored name loaded first, the alternative design).
/// </summary>
internal static class AdvisoryBench
{
    public static int Run(string[] args)
    {
        var runs = 3;
        var records = 50_000;
        var store = 200_000;
        var dependencies = 5_000;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--runs": runs = value; break;
                case "--records": records = value; break;
                case "--store": store = value; break;
                case "--dependencies": dependencies = value; break;
            }
        }
        var root = Directory.CreateTempSubdirectory("packguard-advisory-bench-").FullName;
        try
        {
            Import(root, records, runs);
            Match(root, store, dependencies, runs);
            MatchVulnerabilities(root, dependencies, runs);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        return 0;
    }

    private static void Import(string root, int records, int runs)
    {
        var directory = Path.Combine(root, "osv-dir");
        SyntheticAdvisories.WriteDirectory(directory, records);
        var files = Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories);
        var baseline = Measure.Best(runs, () =>
        {
            foreach (var file in files)
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            }
        });
        var run = 0;
        var import = Measure.Best(runs, () =>
        {
            using var advisories = AdvisoryStore.Open(Path.Combine(root, $"import-{run++}.db"));
            var result = advisories.Import(directory, null, CancellationToken.None);
            if (result.Imported != records)
                throw new InvalidOperationException($"imported {result.Imported} of {records}");
        });
        var again = Measure.Best(runs, () =>
        {
            using var advisories = AdvisoryStore.Open(Path.Combine(root, "import-0.db"));
            advisories.Import(directory, null, CancellationToken.None);
        });
        Console.WriteLine($"import of a directory of {records:N0} records, best of {runs}; ratio against reading and parsing every file");
        Console.WriteLine(Measure.Row("read + JsonDocument.Parse (baseline)", baseline, baseline));
        Console.WriteLine(Measure.Row($"import into a new store ({records / import.TotalSeconds:N0} records/s)", import, baseline));
        Console.WriteLine(Measure.Row($"import again, all unchanged ({records / again.TotalSeconds:N0} records/s)", again, baseline));
        Console.WriteLine($"  store size: {new FileInfo(Path.Combine(root, "import-0.db")).Length / 1024.0 / 1024:0.0} MiB");
    }

    private static void Match(string root, int records, int count, int runs)
    {
        var zip = Path.Combine(root, "all.zip");
        SyntheticAdvisories.WriteZip(zip, records);
        var path = Path.Combine(root, "large.db");
        var clock = Stopwatch.StartNew();
        using (var advisories = AdvisoryStore.Open(path))
            advisories.Import(zip, null, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine($"a store of {records:N0} records (imported from a zip in {clock.Elapsed.TotalSeconds:0.0} s); {count:N0} dependencies, one in ten known; best of {runs}");

        var dependencies = Enumerable.Range(0, count)
            .Select(i => i % 10 == 0
                ? (Ecosystem: OsvReader.MapEcosystem(SyntheticAdvisories.Ecosystem(i * 7 % records))!, Name: SyntheticAdvisories.Name(i * 7 % records), Version: "1.0.1")
                : (Ecosystem: Ecosystems.Npm, Name: $"harmless-{i}", Version: "1.0.1"))
            .ToList();

        clock.Restart();
        using var store = AdvisoryStore.Open(path);
        var open = clock.Elapsed;
        var matches = 0;
        var prepared = Measure.Best(runs, () =>
        {
            matches = 0;
            foreach (var (ecosystem, name, version) in dependencies)
                matches += store.Match(ecosystem, name, version).Count;
        });
        var names = Measure.Best(runs, () => LoadNames(path));
        Console.WriteLine(Measure.Row($"open the store", open, prepared));
        Console.WriteLine(Measure.Row($"Match, one prepared query each ({matches} matches)", prepared, prepared));
        Console.WriteLine(Measure.Row($"load every stored name into a HashSet (the alternative)", names, prepared));
    }

    /// <summary>
    /// OSV.dev's ordinary vulnerability records list every affected version beside their ranges,
    /// hundreds for a popular package that has many records: the case where matching could cost
    /// a version parse per listed version. 200 packages with 10 records each, 500 listed versions
    /// and a range per record; one dependency in five is one of them, at a version none lists.
    /// </summary>
    private static void MatchVulnerabilities(string root, int count, int runs)
    {
        var directory = Path.Combine(root, "vulns");
        Directory.CreateDirectory(directory);
        var listed = string.Join(", ", Enumerable.Range(0, 500).Select(v => $"\"1.{v / 100}.{v % 100}\""));
        for (var i = 0; i < 2_000; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"GHSA-{i}.json"), $$"""
                {"id": "GHSA-{{i}}", "modified": "2025-01-01T00:00:00Z", "summary": "Prototype pollution in popular-{{i % 200}}",
                 "affected": [{"package": {"ecosystem": "npm", "name": "popular-{{i % 200}}"},
                               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"fixed": "1.5.0"}]}],
                               "versions": [{{listed}}]}]}
                """);
        }
        var path = Path.Combine(root, "vulns.db");
        using (var advisories = AdvisoryStore.Open(path))
            advisories.Import(directory, null, CancellationToken.None);
        var dependencies = Enumerable.Range(0, count).Select(i => i % 5 == 0 ? $"popular-{i % 200}" : $"harmless-{i}").ToList();
        using var store = AdvisoryStore.Open(path);
        var matches = 0;
        var time = Measure.Best(runs, () =>
        {
            matches = 0;
            foreach (var name in dependencies)
                matches += store.Match(Ecosystems.Npm, name, "2.0.0").Count;
        });
        Console.WriteLine();
        Console.WriteLine($"2,000 vulnerability records listing 500 versions each, for 200 packages; {count:N0} dependencies, one in five of those packages at an unaffected version");
        Console.WriteLine(Measure.Row($"Match ({matches} matches, {count / 5 * 10:N0} records evaluated)", time, time));
    }

    private static HashSet<(string, string)> LoadNames(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT ecosystem, name_key FROM affected";
        var names = new HashSet<(string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            names.Add((reader.GetString(0), reader.GetString(1)));
        return names;
    }
}
