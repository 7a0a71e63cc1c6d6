using System.Text;
using System.Text.Json;
using PackGuard.Dependencies.Text;

namespace PackGuard.Tests.Dependencies.Text;

public sealed class JsonTreeTests
{
    [Fact]
    public void Every_value_and_key_knows_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF{\n  \"a\": 1,\n  // comment\n  \"b\": {\n    \"c\": [true, \"x\"]\n  },\n  \"a\": 2,\n}");

        var root = JsonTree.Parse(bytes, 64);

        root["a"]!.Text.ShouldBe("2");
        root.Members.Select(m => (m.Key, m.Line)).ShouldBe([("a", 2), ("b", 4), ("a", 7)]);
        root["b"]!["c"]!.Items[0].IsTrue.ShouldBeTrue();
        root["b"]!["c"]!.Line.ShouldBe(5);
    }

    [Fact]
    public void Large_objects_find_keys_by_dictionary_and_the_last_duplicate_wins()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"k{i % 50}\": {i}")) + "}";

        var root = JsonTree.Parse(Encoding.UTF8.GetBytes(json), 64);

        root["k3"]!.Text.ShouldBe("53");
        root["missing"].ShouldBeNull();
    }

    [Fact]
    public void Too_deep_and_invalid_input_throws_JsonException()
    {
        Should.Throw<JsonException>(() => JsonTree.Parse(Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000)), 64));
        Should.Throw<JsonException>(() => JsonTree.Parse("{\"a\": }"u8, 64));
        Should.Throw<JsonException>(() => JsonTree.Parse([], 64));
    }
}
