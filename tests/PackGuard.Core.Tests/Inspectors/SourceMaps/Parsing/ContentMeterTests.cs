using System.Text;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Tests.Inspectors.SourceMaps.Parsing;

public sealed class ContentMeterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("\n", 1)]
    [InlineData("\n\n", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    [InlineData("a\rb", 2)]
    [InlineData("a\r", 1)]
    [InlineData("a\r\r\nb", 3)]
    public void Counts_lines_as_breaks_plus_an_unterminated_last_line(string text, long lines)
    {
        Measure(text, [text.Length]).Lines.ShouldBe(lines);
    }

    [Fact]
    public void Gives_the_same_figures_whatever_the_pieces()
    {
        var random = new Random(1234);
        const string alphabet = "ab\r\n\u00e9\u4e2d ";
        for (var round = 0; round < 500; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var expectedLines = ReferenceLines(text);
            var bytes = Encoding.UTF8.GetByteCount(text);
            var cuts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, bytes + 1)).Order().ToArray();

            var meter = Measure(text, cuts);

            meter.Lines.ShouldBe(expectedLines, $"text {Escape(text)}");
            meter.Bytes.ShouldBe(bytes);
        }
    }

    private static ContentMeter Measure(string text, int[] cuts)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var meter = new ContentMeter();
        var start = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            meter.Add(bytes.AsSpan(start, Math.Max(0, cut - start)));
            start = Math.Max(start, cut);
        }
        return meter;
    }

    // The definition, written the slow and obvious way.
    private static long ReferenceLines(string text)
    {
        long breaks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                breaks++;
        }
        var endsWithBreak = text.Length > 0 && text[^1] is '\n' or '\r';
        return breaks + (text.Length > 0 && !endsWithBreak ? 1 : 0);
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
