using System.Globalization;
using System.Text.Json;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

/// <summary>
/// The store keeps records in its own form (listed versions pre-normalised, every-version flag
/// computed at import): on random records and versions of every ecosystem its matches must be
/// exactly those the evaluator finds on the records as read.
/// </summary>
public sealed class AdvisoryStoreAgreementTests : IDisposable
{
    private static readonly Dictionary<string, string[]> Versions = new()
    {
        ["npm"] = ["1.0.0", "1.0.1", "1.2.0-beta.1", "1.2.0", "2.0.0", "2.0.0+build.5", "v1.0.1", "10.0.0"],
        ["NuGet"] = ["1.0", "1.0.0.0", "1.0.1", "1.2.0-Beta", "1.2.0-beta", "1.2.0", "2.0.0.1", "10.0.0"],
        ["PyPI"] = ["1.0", "1.0.0", "1.0.1", "1.2.0b1", "1.2.0", "1.2.0.post1", "1.2.0+local.1", "2.0.dev1", "1!0.5"],
    };

    private readonly string _root = Directory.CreateTempSubdirectory("packguard-advisory-agreement-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Store_matches_are_the_evaluators_on_random_records()
    {
        var random = new Random(2306);
        var records = new List<OsvRecord>();
        for (var i = 0; i < 300; i++)
        {
            var ecosystem = Versions.Keys.ElementAt(random.Next(3));
            var json = Record(random, i, ecosystem);
            File.WriteAllText(Path.Combine(_root, $"OSV-{i}.json"), json);
            records.Add(OsvReader.Read(AdvisoryRecords.Utf8(json), "x.json").Record.ShouldNotBeNull());
        }
        using var store = AdvisoryStore.Open(Path.Combine(_root, "store", "advisories.db"));
        store.Import(_root, null, CancellationToken.None).Imported.ShouldBe(300);

        for (var p = 0; p < 10; p++)
        {
            foreach (var (osvEcosystem, versions) in Versions)
            {
                var ecosystem = OsvReader.MapEcosystem(osvEcosystem)!;
                foreach (var version in versions.Append(null).Append("not-a-version"))
                {
                    var expected = records
                        .Where(r => r.Affected.Any(a => a.Ecosystem == ecosystem && a.Key == PackageNames.Key(ecosystem, $"pkg-{p}")
                            && OsvEvaluator.Affects(a, VersionScheme.For(ecosystem)!, version)))
                        .Select(r => r.Id)
                        .Order(StringComparer.Ordinal);
                    store.Match(ecosystem, $"pkg-{p}", version).Select(m => m.Id).Order(StringComparer.Ordinal)
                        .ShouldBe(expected, $"{ecosystem} pkg-{p}@{version}");
                }
            }
        }
    }

    private static string Record(Random random, int i, string ecosystem)
    {
        var versions = Versions[ecosystem];
        var ranges = new List<object>();
        for (var r = random.Next(3); r > 0; r--)
        {
            var events = new List<Dictionary<string, string>> { new() { ["introduced"] = random.Next(4) == 0 ? "0" : Pick(random, versions) } };
            for (var e = random.Next(3); e > 0; e--)
                events.Add(new() { [random.Next(3) switch { 0 => "fixed", 1 => "last_affected", _ => "limit" }] = random.Next(6) == 0 ? "*" : Pick(random, versions) });
            ranges.Add(new { type = random.Next(2) == 0 ? "SEMVER" : "ECOSYSTEM", events });
        }
        var listed = Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, versions)).ToArray();
        // Package names differ in spelling only as the registry allows (case for NuGet, separators for PyPI).
        var name = ecosystem switch
        {
            "NuGet" => random.Next(2) == 0 ? $"PKG-{i % 10}" : $"pkg-{i % 10}",
            "PyPI" => random.Next(2) == 0 ? $"Pkg_{i % 10}" : $"pkg-{i % 10}",
            _ => $"pkg-{i % 10}",
        };
        return JsonSerializer.Serialize(new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"OSV-{i}"),
            modified = "2025-01-01T00:00:00Z",
            affected = new[] { new { package = new { ecosystem, name }, ranges, versions = listed } },
        });
    }

    private static string Pick(Random random, string[] versions) => versions[random.Next(versions.Length)];
}
