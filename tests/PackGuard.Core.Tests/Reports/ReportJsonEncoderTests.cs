using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Reports;

namespace PackGuard.Tests.Reports;

/// <summary>
/// Reports stay readable, yet a hostile entry name cannot hide what it is: JSON-required and
/// invisible characters are escaped, everything else is written as it is.
/// </summary>
public sealed class ReportJsonEncoderTests
{
    private static string Write(string value)
    {
        using var buffer = new MemoryStream();
        ReportJson.WriteDocument(buffer, json =>
        {
            json.WriteStartObject();
            json.WriteString("value", value);
            json.WriteEndObject();
        });
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string RoundTrip(string json) =>
        JsonNode.Parse(json)!["value"]!.GetValue<string>();

    [Theory]
    [InlineData("Größe 日本語 Ελληνικά")]
    [InlineData("<script>&amp;</script> 'quoted' `tick` a+b")]
    [InlineData("emoji 😀 outside the Basic Multilingual Plane 𝔸")]
    public void Visible_text_is_written_as_it_is(string visible)
    {
        var json = Write(visible);

        json.ShouldContain(visible);
        RoundTrip(json).ShouldBe(visible);
    }

    [Theory]
    [InlineData("evil\u202Etxt.exe", "\\u202E")]             // right-to-left override
    [InlineData("a\u2066b\u2069c", "\\u2066")]                // bidi isolate
    [InlineData("zero\u200Bwidth", "\\u200B")]                // zero-width space
    [InlineData("tag\U000E0041", "\\uDB40\\uDC41")]          // invisible Unicode tag character
    [InlineData("next\u0085line", "\\u0085")]                // C1 control
    [InlineData("line\u2028separator", "\\u2028")]
    [InlineData("bom\uFEFF", "\\uFEFF")]
    [InlineData("del\u007F", "\\u007F")]
    public void Invisible_characters_are_escaped_and_survive_a_round_trip(string value, string escape)
    {
        var json = Write(value);

        json.ShouldContain(escape);
        RoundTrip(json).ShouldBe(value);
    }

    [Theory]
    [InlineData("quote \" here", "\\\"")]
    [InlineData("back\\slash", "\\\\")]
    [InlineData("two\nlines", "\\n")]
    [InlineData("tab\there", "\\t")]
    [InlineData("bell\u0007", "\\u0007")]
    public void What_json_requires_is_escaped(string value, string escape)
    {
        var json = Write(value);

        json.ShouldContain(escape);
        RoundTrip(json).ShouldBe(value);
    }

    [Fact]
    public void A_lone_surrogate_still_gives_valid_json()
    {
        var json = Write("broken\uD800name");

        RoundTrip(json).ShouldStartWith("broken");
        RoundTrip(json).ShouldEndWith("name");
    }

    [Fact]
    public void Property_names_from_finding_properties_are_escaped_too()
    {
        using var buffer = new MemoryStream();
        ReportJson.WriteDocument(buffer, json => new JsonObject { ["na\u202Eme"] = 1 }.WriteTo(json));
        var text = Encoding.UTF8.GetString(buffer.ToArray());

        text.ShouldContain("na\\u202Eme");
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("na\u202Eme").GetInt32().ShouldBe(1);
    }
}
