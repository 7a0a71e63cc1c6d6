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
}
