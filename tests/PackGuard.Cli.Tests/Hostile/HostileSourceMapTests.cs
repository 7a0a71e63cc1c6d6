using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static PackGuard.Cli.Tests.Hostile.HostileCorpus;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// Hostile source maps and scripts inside an otherwise ordinary proprietary npm package: depth,
/// one vast string, recursive index maps, millions of sources, and a vast one-line bundle.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileSourceMapTests(ITestOutputHelper output)
{
    private const string EmbeddedSources = "source-map/embedded-sources";
    private const string PathsOnly = "source-map/paths-only";

    [Fact]
    public void A_map_nested_100_000_levels_deep_is_reported_as_read_only_in_part()
    {
        using var run = new HostileRun(output, "source map nested 100,000 levels");
        var path = run.Artifact("deep.tgz", s => DeeplyNestedMaps(s, 100_000));

        var result = run.Scan(path);

        result.ShouldReport(EmbeddedSources);
        var maps = result.FindingsOf(EmbeddedSources);
        maps.Select(Location).ShouldBe(["package/dist/arrays.js.map", "package/dist/objects.js.map"], ignoreOrder: true);
        foreach (var map in maps)
        {
            map["properties"]!["complete"]!.GetValue<bool>().ShouldBeFalse();
            map["message"]!.GetValue<string>().ShouldContain("nesting deeper than");
        }
    }

    [Fact]
    public void A_map_with_one_500_MB_sourcesContent_string_is_measured_whole()
    {
        const long Size = 500_000_000;
        using var run = new HostileRun(output, "source map with a 500 MB string");
        var path = run.Artifact("huge-string.tgz", s => MapWithHugeString(s, Size));
        // Compressible enough to stay small, not enough to trip the 250:1 bomb limit first.
        new FileInfo(path).Length.ShouldBeGreaterThan(Size / 200);

        var result = run.Scan(path);

        var map = result.ShouldReport(EmbeddedSources);
        result.FindingsOf("archive/limits-exceeded").ShouldBeEmpty();
        map["properties"]!["firstPartyBytes"]!.GetValue<long>().ShouldBe(Size);
        map["properties"]!["firstPartyLines"]!.GetValue<long>().ShouldBe(1);
        map["properties"]!["complete"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void An_index_map_whose_sections_recurse_10_000_deep_is_reported_as_read_only_in_part()
    {
        using var run = new HostileRun(output, "index map with sections recursing 10,000 deep");
        var path = run.Artifact("sections.tgz", s => RecursiveSectionsMap(s, 10_000));

        var result = run.Scan(path);

        var map = result.ShouldReport(EmbeddedSources);
        map["properties"]!["mapKind"]!.GetValue<string>().ShouldBe("index");
        map["properties"]!["complete"]!.GetValue<bool>().ShouldBeFalse();
        map["properties"]!["firstPartySourcesWithContent"]!.GetValue<long>().ShouldBeGreaterThan(0);
        map["message"]!.GetValue<string>().ShouldContain("could not be read to the end");
    }

    [Fact]
    public void A_map_naming_3_000_000_sources_is_counted_whole()
    {
        const int Count = 3_000_000;
        using var run = new HostileRun(output, "source map with 3,000,000 sources");
        var path = run.Artifact("many-sources.tgz", s => MapWithManySources(s, Count));

        var result = run.Scan(path);

        var map = result.ShouldReport(PathsOnly);
        map["properties"]!["sources"]!.GetValue<long>().ShouldBe(Count);
    }

    [Fact]
    public void A_200_MB_minified_bundle_on_one_line_is_scanned_without_holding_the_line()
    {
        const long Size = 200_000_000;
        using var run = new HostileRun(output, "200 MB one-line minified .js");
        var path = run.Artifact("minified.tgz", s => HugeMinifiedScript(s, Size));

        var result = run.Scan(path).ShouldEndWithinBounds();

        result.ExitCode.ShouldBe(0, result.ToString());
        result.FindingsOf("archive/limits-exceeded").ShouldBeEmpty();
    }

    private static string Location(JsonNode finding) => finding["location"]!["path"]!.GetValue<string>();
}
