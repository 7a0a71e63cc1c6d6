using System.Text;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Tests.Inspectors.SourceMaps;

public sealed class SourceMapMeasurementTests
{
    [Fact]
    public void Sources_beyond_the_name_budget_still_count_as_sources()
    {
        var reader = new SourceMapReader(maxStoredSources: 2);
        reader.Write(Encoding.UTF8.GetBytes("""{"version":3,"sources":["src/a.ts","src/b.ts","src/c.ts","src/d.ts","src/e.ts"],"mappings":""}"""));

        var measurement = SourceMapMeasurement.Of(reader.Complete(truncated: false));

        measurement.Sources.ShouldBe(5);
        measurement.FirstPartySources.ShouldBe(2);
        measurement.UnnamedSources.ShouldBe(3);
    }

    [Fact]
    public void Sections_nested_beyond_the_depth_followed_make_the_map_incomplete()
    {
        // 40 levels of sections, each with a source; JSON-wise only ~120 levels deep, well within the tokenizer.
        var json = new StringBuilder();
        for (var level = 0; level < 40; level++)
            json.Append($$$"""{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["src/l{{{level}}}.ts"],"mappings":""}},{"offset":{"line":1,"column":0},"map":""");
        json.Append("""{"version":3,"sources":["src/bottom.ts"],"mappings":""}""").Append(string.Concat(Enumerable.Repeat("}]}", 40)));
        var reader = new SourceMapReader();
        reader.Write(Encoding.UTF8.GetBytes(json.ToString()));

        var measurement = SourceMapMeasurement.Of(reader.Complete(truncated: false));

        measurement.Sources.ShouldBe(SourceMapReader.MaxSectionDepth);
        measurement.Incomplete.ShouldBe("index-map sections nest deeper than 32 levels, and the deeper ones were not read");
    }
}
