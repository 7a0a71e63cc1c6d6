using System.Diagnostics;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

/// <summary>
/// Matching must stay fast as the store grows: 5,000 dependencies against a store of 20,000
/// records here (bench/PackGuard.Bench advisories measures 200,000 in a Release build; the
/// figures are in docs/advisories.md).
/// </summary>
public sealed class AdvisoryPerformanceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("packguard-advisory-perf-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Five_thousand_dependencies_match_in_well_under_a_second()
    {
        const int Records = 20_000;
        var zip = Path.Combine(_root, "all.zip");
        SyntheticAdvisories.WriteZip(zip, Records);
        using var store = AdvisoryStore.Open(Path.Combine(_root, "advisories.db"));
        store.Import(zip, null, CancellationToken.None).Imported.ShouldBe(Records);
        // One dependency in ten is a known package; the rest are not in the store.
        var dependencies = Enumerable.Range(0, 5_000)
            .Select(i => i % 10 == 0
                ? (Ecosystem: OsvReader.MapEcosystem(SyntheticAdvisories.Ecosystem(i * 3))!, Name: SyntheticAdvisories.Name(i * 3), Version: "1.0.1")
                : (Ecosystem: Ecosystems.Npm, Name: $"harmless-{i}", Version: "1.0.1"))
            .ToList();

        var matches = 0;
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            matches = 0;
            var clock = Stopwatch.StartNew();
            foreach (var (ecosystem, name, version) in dependencies)
                matches += store.Match(ecosystem, name, version).Count;
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        matches.ShouldBe(500);
        // A loose bound for a Debug build on a shared machine; it catches a lost index or a scan per query.
        best.ShouldBeLessThan(TimeSpan.FromSeconds(2), $"{best.TotalMilliseconds:0} ms");
    }
}
