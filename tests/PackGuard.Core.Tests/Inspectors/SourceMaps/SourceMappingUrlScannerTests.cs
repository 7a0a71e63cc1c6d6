using System.Text;
using PackGuard.Inspectors.SourceMaps;

namespace PackGuard.Tests.Inspectors.SourceMaps;

public sealed class SourceMappingUrlScannerTests
{
    private const string Map = """{"version":3,"sources":["../src/a.ts"],"sourcesContent":["export const a = 1;\n"],"mappings":"AAAA"}""";

    [Theory]
    [InlineData("x();\n//# sourceMappingURL=x.js.map\n", "x.js.map")]
    [InlineData("x();\n//# sourceMappingURL=x.js.map", "x.js.map")]
    [InlineData("x();\r\n  //@ sourceMappingURL=old.map\r\n", "old.map")]
    [InlineData("//# sourceMappingURL=first.map\n", "first.map")]
    [InlineData("a{}\n/*# sourceMappingURL=site.css.map */\n", "site.css.map")]
    [InlineData("x();\n//# sourceMappingURL=https://cdn.example.com/x.map?v=1\n", "https://cdn.example.com/x.map?v=1")]
    public void Finds_references(string file, string url)
    {
        Scan(file).References.ShouldBe([url]);
    }

    [Theory]
    [InlineData("const c = \"//# sourceMappingURL=\" + name;\n")]
    [InlineData("x(); //# sourceMappingURL=trailing.map\n")]
    [InlineData("const s = `//# sourceMappingURL=${file}.map`;\n")]
    [InlineData("// sourceMappingURL=nohash.map\n")]
    [InlineData("x();\n//# sourceMappingURL=\n")]
    public void Ignores_text_that_is_not_a_reference_comment(string file)
    {
        var scanner = Scan(file);
        scanner.References.ShouldBeEmpty();
        scanner.InlineMaps.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("application/json;charset=utf-8;base64")]
    [InlineData("application/json;base64")]
    [InlineData("application/json;charset:utf-8;base64")]
    public void Decodes_inline_base64_maps(string mediaType)
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(Map));
        var scanner = Scan($"x();\n//# sourceMappingURL=data:{mediaType},{payload}\n");

        scanner.References.ShouldBeEmpty();
        var (map, encoded) = scanner.InlineMaps.ShouldHaveSingleItem();
        map.Sources.ShouldBe(1);
        map.TopDirectories.ShouldBe([new NamedCount("src", 1)]);
        map.FirstPartyLines.ShouldBe(1);
        encoded.ShouldBe(payload.Length);
    }

    [Fact]
    public void Decodes_unpadded_base64_and_percent_encoded_maps()
    {
        var unpadded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Map + " ")).TrimEnd('=');
        Scan($"x();\n//# sourceMappingURL=data:application/json;base64,{unpadded}").InlineMaps.ShouldHaveSingleItem();

        var percent = Uri.EscapeDataString(Map);
        Scan($"x();\n//# sourceMappingURL=data:application/json,{percent}\n").InlineMaps.ShouldHaveSingleItem();
    }

    [Fact]
    public void Ignores_data_urls_of_other_media_types()
    {
        var scanner = Scan("x();\n//# sourceMappingURL=data:text/plain;base64,aGVsbG8=\n");
        scanner.InlineMaps.ShouldBeEmpty();
        scanner.References.ShouldBeEmpty();
    }

    [Fact]
    public void Finds_the_same_things_whatever_the_chunk_boundaries()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(Map));
        var file = Encoding.UTF8.GetBytes($"a();\n//# sourceMappingURL=data:application/json;base64,{payload}\nb();\n//# sourceMappingURL=b.js.map\n");

        for (var split = 1; split < file.Length; split++)
        {
            var scanner = new SourceMappingUrlScanner();
            scanner.Write(file.AsSpan(0, split));
            scanner.Write(file.AsSpan(split));
            scanner.Complete();

            scanner.References.ShouldBe(["b.js.map"], $"split at {split}");
            scanner.InlineMaps.Count.ShouldBe(1, $"split at {split}");
            scanner.InlineMaps[0].Map.FirstPartyBytes.ShouldBe(20, $"split at {split}");
        }
    }

    [Fact]
    public void Scans_a_large_file_in_small_pieces()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
            body.Append("function f").Append(i).Append("(){return ").Append(i).Append(";}\n");
        body.Append("//# sourceMappingURL=big.js.map\n");
        var bytes = Encoding.UTF8.GetBytes(body.ToString());

        var scanner = new SourceMappingUrlScanner();
        for (var i = 0; i < bytes.Length; i += 7)
            scanner.Write(bytes.AsSpan(i, Math.Min(7, bytes.Length - i)));
        scanner.Complete();

        scanner.References.ShouldBe(["big.js.map"]);
    }

    private static SourceMappingUrlScanner Scan(string file)
    {
        var scanner = new SourceMappingUrlScanner();
        scanner.Write(Encoding.UTF8.GetBytes(file));
        scanner.Complete();
        return scanner;
    }
}
