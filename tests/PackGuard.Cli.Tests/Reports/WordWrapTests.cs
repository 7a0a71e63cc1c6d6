using PackGuard.Cli.Reports;

namespace PackGuard.Cli.Tests.Reports;

public sealed class WordWrapTests
{
    [Fact]
    public void Wraps_at_word_boundaries_within_the_width()
    {
        var lines = WordWrap.Lines("the quick brown fox jumps over the lazy dog", 10);

        lines.ShouldBe(["the quick", "brown fox", "jumps over", "the lazy", "dog"]);
        lines.ShouldAllBe(l => l.Length <= 10);
    }

    [Fact]
    public void A_word_longer_than_the_width_gets_its_own_line()
    {
        WordWrap.Lines("a package/dist/very/long/path/name.js.map b", 10, 8)
            .ShouldBe(["a", "package/dist/very/long/path/name.js.map", "b"]);
    }

    [Fact]
    public void The_first_line_may_be_narrower()
    {
        WordWrap.Lines("aa bb cc dd", 5, 2).ShouldBe(["aa", "bb cc", "dd"]);
    }

    [Fact]
    public void Keeps_explicit_line_breaks()
    {
        WordWrap.Lines("one two\nthree", 80).ShouldBe(["one two", "three"]);
    }
}
