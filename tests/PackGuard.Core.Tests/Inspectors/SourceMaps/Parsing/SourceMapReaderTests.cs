using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Tests.Inspectors.SourceMaps.Parsing;

public sealed class SourceMapReaderTests
{
    [Fact]
    public void Measures_each_source_by_index()
    {
        var map = Read("""{"version":3,"sourceRoot":"r","sources":["a.ts",null,"c.ts"],"sourcesContent":["x\ny\n",null,"\u00e9"],"names":["q"],"mappings":"AAAA"}""");

        map.IsSourceMap.ShouldBeTrue();
        var part = map.Parts.ShouldHaveSingleItem();
        part.SourceRoot.ShouldBe("r");
        part.Sources.ShouldBe(["a.ts", null, "c.ts"]);
        part.Contents.ShouldBe([new SourceContent(4, 2), null, new SourceContent(2, 1)]);
        part.HasMappings.ShouldBeTrue();
    }

    [Fact]
    public void Handles_sourcesContent_before_sources_and_ignores_unknown_keys()
    {
        var map = Read("""{"x_custom":{"sources":["not-me"]},"sourcesContent":["a"],"version":3,"sources":["a.ts"]}""");

        var part = map.Parts.ShouldHaveSingleItem();
        part.Sources.ShouldBe(["a.ts"]);
        part.Contents.ShouldBe([new SourceContent(1, 1)]);
    }

    [Fact]
    public void Follows_index_map_sections()
    {
        var map = Read("""{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["a.ts"],"sourcesContent":["1"],"mappings":""}},{"offset":{"line":9,"column":0},"url":"other.js.map"}]}""");

        map.IsSourceMap.ShouldBeTrue();
        map.Parts.Count.ShouldBe(2);
        map.Parts[0].HasSections.ShouldBeTrue();
        map.Parts[1].Sources.ShouldBe(["a.ts"]);
        map.SectionUrls.ShouldBe(["other.js.map"]);
    }

    [Fact]
    public void Skips_the_xssi_guard_line()
    {
        Read(")]}'\n{\"version\":3,\"sources\":[\"a\"],\"mappings\":\"\"}").IsSourceMap.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"version":2,"sources":["a"],"mappings":""}""")]
    [InlineData("""{"name":"pkg","version":"3.0.0"}""")]
    [InlineData("""[{"version":3,"sources":["a"]}]""")]
    [InlineData("""{"version":3,"mappings":""}""")]
    [InlineData("not json at all")]
    public void Recognises_what_is_not_a_v3_map(string json)
    {
        Read(json).IsSourceMap.ShouldBeFalse();
    }

    [Fact]
    public void A_map_cut_short_keeps_what_was_measured()
    {
        var reader = new SourceMapReader();
        reader.Write("""{"version":3,"sources":["a.ts","b.ts"],"sourcesContent":["one\n","tw"""u8);
        var map = reader.Complete(truncated: true);

        map.IsSourceMap.ShouldBeTrue();
        map.Truncated.ShouldBeTrue();
        map.Parts[0].Contents.ShouldBe([new SourceContent(4, 1), new SourceContent(2, 1)]);
    }

    [Fact]
    public void Keeps_no_more_names_than_its_budget()
    {
        var reader = new SourceMapReader(maxStoredSources: 2);
        reader.Write("""{"version":3,"sources":["a","b","c","d"],"mappings":""}"""u8);
        var map = reader.Complete(truncated: false);

        map.Parts[0].Sources.Count.ShouldBe(2);
        map.SourcesBeyondBudget.ShouldBe(2);
    }

    [Fact]
    public void Agrees_with_system_text_json_on_random_maps_in_random_chunks()
    {
        var random = new Random(42);
        for (var round = 0; round < 300; round++)
        {
            var (json, sources, contents) = RandomMap(random);
            var bytes = Encoding.UTF8.GetBytes(json);
            var reader = new SourceMapReader();
            var position = 0;
            while (position < bytes.Length)
            {
                var size = Math.Min(bytes.Length - position, random.Next(1, 64));
                reader.Write(bytes.AsSpan(position, size));
                position += size;
            }
            var map = reader.Complete(truncated: false);

            map.Error.ShouldBeNull(json);
            var part = map.Parts.ShouldHaveSingleItem();
            part.Sources.ShouldBe(sources, json);
            part.Contents.Select(c => c?.Bytes).ShouldBe(contents.Select(c => c is null ? (long?)null : Encoding.UTF8.GetByteCount(c)), json);
            part.Contents.Select(c => c?.Lines).ShouldBe(contents.Select(c => c is null ? (long?)null : Lines(c)), json);
        }
    }

    private static (string Json, List<string?> Sources, List<string?> Contents) RandomMap(Random random)
    {
        const string alphabet = "ab/\\\"\n\r\t\u00e9\u4e2d\U0001F600 ";
        string Text(int max)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, max);
            while (builder.Length < length)
                builder.Append(char.ConvertFromUtf32(char.ConvertToUtf32(alphabet, PickIndex(alphabet))));
            return builder.ToString();
        }
        int PickIndex(string s)
        {
            while (true)
            {
                var i = random.Next(s.Length);
                if (!char.IsLowSurrogate(s[i]))
                    return i;
            }
        }

        var count = random.Next(0, 6);
        var sources = Enumerable.Range(0, count).Select(_ => random.Next(5) == 0 ? null : Text(20)).ToList();
        var contents = Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? null : Text(200)).ToList();
        var options = new JsonSerializerOptions { Encoder = random.Next(2) == 0 ? System.Text.Encodings.Web.JavaScriptEncoder.Default : System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var root = new JsonObject
        {
            ["version"] = 3,
            ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode?)s)]),
            ["names"] = new JsonArray("a", "b"),
            ["sourcesContent"] = new JsonArray([.. contents.Select(s => (JsonNode?)s)]),
            ["mappings"] = "AAAA;AACA",
        };
        return (root.ToJsonString(options), sources, contents);
    }

    private static long Lines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var breaks = normalized.Count(c => c == '\n');
        return breaks + (normalized.Length > 0 && normalized[^1] != '\n' ? 1 : 0);
    }

    private static SourceMapDocument Read(string json)
    {
        var reader = new SourceMapReader();
        reader.Write(Encoding.UTF8.GetBytes(json));
        return reader.Complete(truncated: false);
    }
}
