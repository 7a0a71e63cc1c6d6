using PackGuard.Dependencies.Text;

namespace PackGuard.Tests.Dependencies.Text;

public sealed class TomlReaderTests
{
    [Fact]
    public void Reads_tables_arrays_of_tables_and_values_with_lines()
    {
        var root = TomlReader.Parse(""""
            # comment
            version = 1
            title = "basic \"string\" \u00e9"
            literal = 'C:\path'
            multi = """
            first
            second\
              joined"""
            multi_literal = '''
            raw \n'''
            flag = true
            when = 1979-05-27T07:32:00Z
            "quoted key".dotted = "x"

            [[package]]
            name = "a"
            wheels = [
                { url = "https://x/a.whl", hash = "sha256:1" },  # trailing comma next
                { url = "https://x/b.whl", hash = "sha256:2" },
            ]

            [package.source]
            type = "git"

            [[package]]
            name = "b"
            inline = { a = 1, b.c = [1, 2,
                3] }
            """", 64, out var error);

        error.ShouldBeNull();
        root["version"]!.Text.ShouldBe("1");
        root["title"]!.Text.ShouldBe("basic \"string\" é");
        root["literal"]!.Text.ShouldBe(@"C:\path");
        root["multi"]!.Text.ShouldBe("first\nsecondjoined");
        root["multi_literal"]!.Text.ShouldBe("raw \\n");
        root["flag"]!.IsTrue.ShouldBeTrue();
        root["when"]!.Text.ShouldBe("1979-05-27T07:32:00Z");
        root["quoted key"]!["dotted"]!.Text.ShouldBe("x");
        var packages = root["package"]!.Items;
        packages.Count.ShouldBe(2);
        packages[0].Line.ShouldBe(15);
        packages[0]["wheels"]!.Items[1]["hash"]!.Text.ShouldBe("sha256:2");
        packages[0]["source"]!["type"]!.Text.ShouldBe("git");
        packages[1]["inline"]!["b"]!["c"]!.Items.Count.ShouldBe(3);
        root.Entries.First(e => e.Key == "flag").Line.ShouldBe(11);
    }

    [Theory]
    [InlineData("a = 1\na = 2\n", 2)]
    [InlineData("[t]\n[t]\n", 2)]
    [InlineData("a = \"unterminated\n", 1)]
    [InlineData("a = [1, 2\n", 2)]
    [InlineData("a = nope\n", 1)]
    [InlineData("x = 1\n\n\na = { b = 1 } junk\n", 4)]
    [InlineData("a = \"\\q\"\n", 1)]
    public void The_first_error_stops_reading_and_says_where(string text, int line)
    {
        var root = TomlReader.Parse(text, 64, out var error);

        error.ShouldNotBeNull();
        error.Value.Line.ShouldBe(line);
        root.ShouldNotBeNull();
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_an_error_not_a_stack_overflow()
    {
        TomlReader.Parse("a = " + new string('[', 100_000), 64, out var error);

        error.ShouldNotBeNull();
        error.Value.Message.ShouldContain("64 levels deep");
    }
}
