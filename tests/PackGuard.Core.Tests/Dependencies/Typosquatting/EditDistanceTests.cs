using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("lodash", "lodash", 0)]
    [InlineData("lodash", "lodahs", 1)] // a swap is one edit
    [InlineData("lodash", "lodas", 1)]
    [InlineData("lodash", "lodassh", 1)]
    [InlineData("lodash", "iodash", 1)]
    [InlineData("lodash", "ldoahs", 2)]
    [InlineData("puppeteer", "pupeter", 2)]
    [InlineData("abc", "ca", 3)] // optimal string alignment: no edit of a swapped pair (true Damerau would say 2)
    [InlineData("", "ab", 2)]
    public void Counts_optimal_string_alignment_edits(string a, string b, int distance)
    {
        EditDistance.Bounded(a, b, 5).ShouldBe(distance);
        EditDistance.Bounded(b, a, 5).ShouldBe(distance);
    }

    [Fact]
    public void Stops_at_the_bound()
    {
        EditDistance.Bounded("lodash", "express", 2).ShouldBe(3);
        EditDistance.Bounded("a", "abcdef", 1).ShouldBe(2);
    }

    [Theory]
    [InlineData("electorn", "electron", true)]
    [InlineData("ab", "ba", true)]
    [InlineData("electron", "electron", false)]
    [InlineData("abcd", "badc", false)]
    [InlineData("abc", "acb", true)]
    public void Tells_a_single_swap(string a, string b, bool swap)
    {
        EditDistance.IsTransposition(a, b).ShouldBe(swap);
    }

    /// <summary>Against a plain dynamic-programming reference on random short strings over a small alphabet (many near pairs).</summary>
    [Fact]
    public void Agrees_with_a_reference_implementation()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var a = RandomWord(random);
            var b = random.Next(3) == 0 ? RandomWord(random) : Mutate(a, random);
            var expected = Reference(a, b);
            EditDistance.Bounded(a, b, 2).ShouldBe(Math.Min(expected, 3), $"{a} / {b}");
        }
    }

    internal static string RandomWord(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => "abcde"[random.Next(5)])]);

    internal static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at, "abcde"[random.Next(5)]);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 2 when at < chars.Count:
                    chars[at] = "abcde"[random.Next(5)];
                    break;
                case 3 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }
        return new string([.. chars]);
    }

    /// <summary>Optimal string alignment distance, the textbook full table.</summary>
    internal static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
