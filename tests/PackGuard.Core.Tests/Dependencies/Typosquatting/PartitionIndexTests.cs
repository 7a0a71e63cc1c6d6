using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

public sealed class PartitionIndexTests
{
    [Fact]
    public void Finds_the_keys_one_edit_away()
    {
        string[] keys = ["lodash", "express", "electron", "react", "lodash-es"];
        var index = new PartitionIndex(keys, k: 1, minLength: 5);
        var found = new List<(int Key, int Distance)>();

        index.Search("lodas", found);

        found.ShouldBe([(0, 1)]);
    }

    /// <summary>
    /// Every key within Levenshtein distance k is found (the pigeonhole guarantee), nothing farther
    /// than k by optimal string alignment is returned, and each key is returned once, on random
    /// keys over a small alphabet, where near pairs are common.
    /// </summary>
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    public void Finds_exactly_the_near_keys(int k, int minLength)
    {
        var random = new Random(k);
        var keys = Enumerable.Range(0, 3_000)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(minLength, minLength + 6)).Select(_ => "abcd"[random.Next(4)])]))
            .Distinct()
            .ToArray();
        var index = new PartitionIndex(keys, k, minLength);
        var found = new List<(int Key, int Distance)>();
        for (var q = 0; q < 300; q++)
        {
            var query = q % 2 == 0 ? EditDistanceTests.Mutate(keys[random.Next(keys.Length)], random) : keys[random.Next(keys.Length)];
            found.Clear();
            index.Search(query, found);

            found.Select(f => f.Key).ShouldBeUnique();
            foreach (var (key, distance) in found)
                distance.ShouldBe(EditDistanceTests.Reference(query, keys[key]));
            var expected = Enumerable.Range(0, keys.Length).Where(i => Levenshtein(query, keys[i]) <= k).ToHashSet();
            expected.ShouldBeSubsetOf(found.Select(f => f.Key).ToHashSet(), $"query {query}");
        }
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
