using System.Text;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Tests.Inspectors.SourceMaps.Parsing;

public sealed class JsonPushTokenizerTests
{
    [Fact]
    public void Reports_every_event_of_a_document_in_order()
    {
        var events = Tokenize("""{"a":[1,true,null,"x\ny"],"b":{}}""");

        events.ShouldBe(["{", "key:a", "[", "num:1", "lit:True", "lit:Null", "str:x\ny", "]", "key:b", "{", "}", "}"]);
    }

    [Theory]
    [InlineData("""{"a":1,}""")]
    [InlineData("""[1 2]""")]
    [InlineData("""{"a" 1}""")]
    [InlineData("""{"a":tru}""")]
    [InlineData("""{"a":"\x"}""")]
    [InlineData("""{"a":"\u12G4"}""")]
    [InlineData("""{"a":1}}""")]
    [InlineData("""{"a":1} 2""")]
    [InlineData("""[1,]""")]
    [InlineData("""{"a":[}""")]
    [InlineData("")]
    [InlineData("""{"a":"unterminated""")]
    public void Rejects_invalid_json(string json)
    {
        var handler = new RecordingHandler();
        var tokenizer = new JsonPushTokenizer(handler);
        tokenizer.Write(Encoding.UTF8.GetBytes(json));
        tokenizer.Finish();

        tokenizer.Error.ShouldNotBeNull();
        tokenizer.IsComplete.ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData(""" {"a" : [ ] , "b" : { } } """)]
    [InlineData("""-12.5e+3""")]
    [InlineData("\uFEFF{\"a\":1}")]
    public void Accepts_valid_json(string json)
    {
        var tokenizer = new JsonPushTokenizer(new RecordingHandler());
        tokenizer.Write(Encoding.UTF8.GetBytes(json));
        tokenizer.Finish();

        tokenizer.Error.ShouldBeNull();
        tokenizer.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void Decodes_escapes_and_surrogate_pairs_like_system_text_json()
    {
        const string json = """["\u00e9\u4e2d\ud83d\ude00 \"q\" \\ \/ \b\f\t\r\n end"]""";
        var expected = System.Text.Json.JsonDocument.Parse(json).RootElement[0].GetString()!;

        Tokenize(json)[1].ShouldBe("str:" + expected);
    }

    [Fact]
    public void Decodes_lone_surrogates_to_the_replacement_character()
    {
        Tokenize("""["a\ud800b\udc00c\ud800"]""")[1].ShouldBe("str:a\ufffdb\ufffdc\ufffd");
    }

    [Fact]
    public void Gives_the_same_events_whatever_the_chunk_boundaries()
    {
        const string json = """{"version":3,"sources":["a\u0041\ud83d\ude00.ts",null],"n":-1.5e3,"t":[true,false,null],"s":"x\\y\"z"}""";
        var whole = Tokenize(json);
        var bytes = Encoding.UTF8.GetBytes(json);

        for (var split = 1; split < bytes.Length; split++)
        {
            var handler = new RecordingHandler();
            var tokenizer = new JsonPushTokenizer(handler);
            tokenizer.Write(bytes.AsSpan(0, split));
            tokenizer.Write(bytes.AsSpan(split));
            tokenizer.Finish();
            tokenizer.Error.ShouldBeNull($"split at {split}");
            handler.Events.ShouldBe(whole, $"split at {split}");
        }
    }

    [Fact]
    public void Hostile_nesting_ends_in_an_error_not_a_crash()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var tokenizer = new JsonPushTokenizer(new RecordingHandler());

        tokenizer.Write(Encoding.ASCII.GetBytes(deep));
        tokenizer.Finish();

        tokenizer.Error.ShouldNotBeNull();
        tokenizer.Error.ShouldContain("nesting deeper");
    }

    [Fact]
    public void Long_names_are_reported_truncated()
    {
        var name = new string('k', 1000);
        var handler = new RecordingHandler();
        var tokenizer = new JsonPushTokenizer(handler);
        tokenizer.Write(Encoding.ASCII.GetBytes($$"""{"{{name}}":1}"""));
        tokenizer.Finish();

        handler.Events[1].ShouldBe("key:" + name[..JsonPushTokenizer.MaxNameLength] + "(truncated)");
    }

    private static List<string> Tokenize(string json)
    {
        var handler = new RecordingHandler();
        var tokenizer = new JsonPushTokenizer(handler);
        tokenizer.Write(Encoding.UTF8.GetBytes(json));
        tokenizer.Finish();
        tokenizer.Error.ShouldBeNull();
        return handler.Events;
    }

    private sealed class RecordingHandler : IJsonEventHandler
    {
        private readonly List<byte> _string = [];

        public List<string> Events { get; } = [];

        public void OnStartObject() => Events.Add("{");

        public void OnEndObject() => Events.Add("}");

        public void OnStartArray() => Events.Add("[");

        public void OnEndArray() => Events.Add("]");

        public void OnPropertyName(ReadOnlySpan<byte> utf8Name, bool truncated) =>
            Events.Add("key:" + Encoding.UTF8.GetString(utf8Name) + (truncated ? "(truncated)" : ""));

        public void OnStringStart() => _string.Clear();

        public void OnStringBytes(ReadOnlySpan<byte> utf8) => _string.AddRange(utf8.ToArray());

        public void OnStringEnd() => Events.Add("str:" + Encoding.UTF8.GetString([.. _string]));

        public void OnNumber(ReadOnlySpan<byte> text) => Events.Add("num:" + Encoding.ASCII.GetString(text));

        public void OnLiteral(JsonLiteral literal) => Events.Add("lit:" + literal);
    }
}
