using PackGuard.Dependencies.Text;

namespace PackGuard.Tests.Dependencies.Text;

public sealed class YamlReaderTests
{
    private readonly List<(string Message, int Line)> _problems = [];

    private YamlNode Parse(string text) => YamlReader.Parse(text, 64, (m, l) => _problems.Add((m, l))).Single();

    [Fact]
    public void Reads_block_mappings_sequences_and_scalars_with_lines()
    {
        var root = Parse("""
            # comment
            plain: value with spaces  # trailing comment
            single: 'it''s'
            double: "tab\there \u00e9 \"quoted\""
            empty:
            tilde: ~
            nested:
              list:
                - one
                - 'two'
                - key: value
                  other: 2
                -
                  deeper: yes
              compact:
              - a
              - b
            """);

        _problems.ShouldBeEmpty();
        root["plain"]!.Text.ShouldBe("value with spaces");
        root["plain"]!.Line.ShouldBe(2);
        root["single"]!.Text.ShouldBe("it's");
        root["double"]!.Text.ShouldBe("tab\there é \"quoted\"");
        root["empty"]!.Text.ShouldBeNull();
        root["tilde"]!.Text.ShouldBeNull();
        var list = root["nested"]!["list"]!.Items;
        list.Count.ShouldBe(4);
        list[0].Text.ShouldBe("one");
        list[1].Text.ShouldBe("two");
        list[2]["key"]!.Text.ShouldBe("value");
        list[2]["other"]!.Text.ShouldBe("2");
        list[2].Line.ShouldBe(11);
        list[3]["deeper"]!.Text.ShouldBe("yes");
        root["nested"]!["compact"]!.Items.Select(i => i.Text).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Reads_flow_collections_over_several_lines()
    {
        var root = Parse("""
            resolution: {integrity: sha512-abc==, tarball: https://r.example/a/-/a-1.0.0.tgz}
            os: [darwin, 'linux']
            engines: {node: '>=18', npm: "^9"}
            long: {a: 1,
              b: [x, {y: z}]}
            after: done
            """);

        _problems.ShouldBeEmpty();
        root["resolution"]!["integrity"]!.Text.ShouldBe("sha512-abc==");
        root["resolution"]!["tarball"]!.Text.ShouldBe("https://r.example/a/-/a-1.0.0.tgz");
        root["os"]!.Items.Select(i => i.Text).ShouldBe(["darwin", "linux"]);
        root["engines"]!["node"]!.Text.ShouldBe(">=18");
        root["long"]!["b"]!.Items[1]["y"]!.Text.ShouldBe("z");
        root["after"]!.Text.ShouldBe("done");
        root["after"]!.Line.ShouldBe(6);
    }

    [Fact]
    public void Reads_quoted_keys_explicit_keys_block_scalars_and_documents()
    {
        var documents = YamlReader.Parse("""
            "a@npm:^1.0.0, a@npm:^1.2.0":
              version: 1.2.3
            '/@scope/b@2.0.0(peer@1.0.0)':
              dev: true
            ? very-long-key
            : explicit value
            script: |
              line one
              line two
            ---
            second: document
            """, 64, (m, l) => _problems.Add((m, l)));

        _problems.ShouldBeEmpty();
        documents.Count.ShouldBe(2);
        documents[0]["a@npm:^1.0.0, a@npm:^1.2.0"]!["version"]!.Text.ShouldBe("1.2.3");
        documents[0]["/@scope/b@2.0.0(peer@1.0.0)"]!["dev"]!.IsTrue.ShouldBeTrue();
        documents[0]["very-long-key"]!.Text.ShouldBe("explicit value");
        documents[0]["script"]!.Text.ShouldBe("line one\nline two");
        documents[1]["second"]!.Text.ShouldBe("document");
    }

    [Theory]
    [InlineData("key: [unclosed\nnext: 1\n")]
    [InlineData("key: \"unterminated\n")]
    [InlineData("a: 1\n  b: 2\n")]
    [InlineData("just a line\nkey: value\n")]
    [InlineData("key: {a: \"x\\uZZZZ\"}\n")]
    public void Malformed_lines_are_problems_and_reading_goes_on(string text)
    {
        YamlReader.Parse(text, 64, (m, l) => _problems.Add((m, l)));

        _problems.ShouldNotBeEmpty();
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_a_problem_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Range(0, 5000).Select(i => new string(' ', i) + "k:\n"));
        var flow = "key: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        YamlReader.Parse(deep, 64, (m, l) => _problems.Add((m, l)));
        YamlReader.Parse(flow, 64, (m, l) => _problems.Add((m, l)));

        _problems.Count.ShouldBe(2);
        _problems.ShouldAllBe(p => p.Message.Contains("64 levels deep"));
    }
}
