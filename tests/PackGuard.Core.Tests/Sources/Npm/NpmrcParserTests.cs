using PackGuard.Sources.Npm;

namespace PackGuard.Tests.Sources.Npm;

public sealed class NpmrcParserTests
{
    private static readonly Dictionary<string, string> Env = new() { ["TOKEN"] = "s3cr3t", ["EMPTY"] = "" };

    private static IReadOnlyDictionary<string, string> Parse(string text) => NpmrcParser.Parse(text, Env.GetValueOrDefault);

    [Fact]
    public void Reads_keys_values_and_skips_comments()
    {
        var values = Parse("""
            ; a comment
            # another
            registry = https://r.example.com/
              @acme:registry=https://acme.example.com/npm/
            always-auth
            """);

        values.ShouldBe(new Dictionary<string, string>
        {
            ["registry"] = "https://r.example.com/",
            ["@acme:registry"] = "https://acme.example.com/npm/",
            ["always-auth"] = "true",
        });
    }

    [Theory]
    [InlineData("k=\"quoted ; not a comment\"", "quoted ; not a comment")]
    [InlineData("k='single # kept'", "single # kept")]
    [InlineData("k=\"esc\\\"aped\"", "esc\"aped")]
    [InlineData("k=value ; trailing comment", "value")]
    [InlineData("k=value # trailing comment", "value")]
    [InlineData("k=semi\\;colon", "semi;colon")]
    [InlineData("k=a=b", "a=b")]
    [InlineData("k=", "")]
    public void Unquotes_values_and_strips_inline_comments(string line, string expected)
    {
        Parse(line)["k"].ShouldBe(expected);
    }

    [Theory]
    [InlineData("${TOKEN}", "s3cr3t")]
    [InlineData("Bearer ${TOKEN}!", "Bearer s3cr3t!")]
    [InlineData("${UNSET}", "${UNSET}")]
    [InlineData("${UNSET?}", "")]
    [InlineData("${EMPTY}", "")]
    [InlineData("\\${TOKEN}", "${TOKEN}")]
    [InlineData("\\\\${TOKEN}", "\\s3cr3t")]
    [InlineData("\\\\\\${TOKEN}", "\\${TOKEN}")]
    [InlineData("${}", "${}")]
    [InlineData("${TOKEN", "${TOKEN")]
    [InlineData("a\\b", "a\\b")]
    public void Expands_environment_references_like_npm(string text, string expected)
    {
        NpmrcParser.Expand(text, Env.GetValueOrDefault).ShouldBe(expected);
    }

    [Fact]
    public void Expands_keys_and_values_after_unquoting()
    {
        var values = Parse("//r.example.com/:_authToken=\"${TOKEN}\"\n${EMPTY}registry=x");

        values["//r.example.com/:_authToken"].ShouldBe("s3cr3t");
        values["registry"].ShouldBe("x");
    }

    [Fact]
    public void Ignores_sections_and_array_keys_and_keeps_the_last_assignment()
    {
        var values = Parse("""
            registry=first
            registry=second
            list[]=a
            [section]
            registry=in-a-section
            """);

        values.ShouldBe(new Dictionary<string, string> { ["registry"] = "second" });
    }

    [Fact]
    public void Handles_crlf_line_endings()
    {
        Parse("a=1\r\nb=2\r\n").ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
    }
}
