using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Tests.Inspectors.Secrets.Engine;

public sealed class TokenRunsTests
{
    [Fact]
    public void Finds_exactly_the_runs_a_naive_scan_finds()
    {
        var random = new Random(11);
        const string alphabet = "abcXYZ019_-";
        const string breaks = " .:/\"'\n=+";
        for (var round = 0; round < 2000; round++)
        {
            var length = random.Next(0, 200);
            var text = new char[length];
            // Long stretches of token characters broken now and then, so runs of every length occur.
            var breakEvery = random.Next(2, 40);
            for (var i = 0; i < length; i++)
                text[i] = random.Next(breakEvery) == 0 ? breaks[random.Next(breaks.Length)] : alphabet[random.Next(alphabet.Length)];

            var runs = new List<(int Start, int Length)>();
            TokenRuns.Find(text, runs);

            runs.ShouldBe(Naive(text), new string(text));
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("short_token", 0)]
    [InlineData("abcdefghijklmnop", 1)]
    [InlineData("abcdefghijklmno", 0)]
    [InlineData("x = \"ghp_0123456789abcdefghijklmnopqrstuvwxyz\";", 1)]
    public void Reports_runs_of_sixteen_or_more(string text, int count)
    {
        var runs = new List<(int Start, int Length)>();
        TokenRuns.Find(text, runs);
        runs.Count.ShouldBe(count);
    }

    private static List<(int Start, int Length)> Naive(ReadOnlySpan<char> text)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!TokenRuns.IsTokenChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && TokenRuns.IsTokenChar(text[i]))
                i++;
            if (i - start >= TokenRuns.MinimumLength)
                runs.Add((start, i - start));
        }
        return runs;
    }
}
