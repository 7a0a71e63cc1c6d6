using System.Text;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

/// <summary>
/// Records come from downloads PackGuard does not control: mutated copies of the hand-written
/// records (bytes flipped, cut, repeated, JSON tokens spliced in) must read as a record or as a
/// reason, evaluate and describe without throwing, and import as records or bad files.
/// </summary>
public sealed class OsvMutationTests : IDisposable
{
    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\u", "\\ud800", "null", "0", "-1", "1e999", "\"0\"", "\"*\"", "\"introduced\"", "\"fixed\"", "\"limit\"", "\"last_affected\"", "\"versions\"", "\"ranges\"", "\"SEMVER\"", "\"ECOSYSTEM\"", "\"PyPI\"", "\"NuGet\"", "\"withdrawn\"", "\xff", "\u0000"];
    private static readonly string[] Versions = ["0", "1.0.0", "4.2.1", "1.0", "1!2.0rc1.post1.dev1+x", "1.0.0.0-Beta", "", "*", "not a version", "99999999999999999999.0.0"];

    private readonly string _root = Directory.CreateTempSubdirectory("packguard-osv-mutations-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Mutated_records_read_evaluate_and_import_without_throwing()
    {
        var seeds = Directory.EnumerateFiles(AdvisoryRecords.Directory, "*.json", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToArray();
        var random = new Random(7);
        var records = 0;
        for (var i = 0; i < 3000; i++)
        {
            var mutated = Mutate(seeds[random.Next(seeds.Length)], random);
            var (record, problem) = OsvReader.Read(mutated, "MAL-0000-fuzz.json");
            (record is null).ShouldBe(problem is not null);
            if (i % 10 == 0)
                File.WriteAllBytes(Path.Combine(_root, $"MAL-{i}.json"), mutated);
            if (record is null)
                continue;
            records++;
            foreach (var affected in record.Affected)
            {
                var scheme = VersionScheme.For(affected.Ecosystem).ShouldNotBeNull();
                OsvEvaluator.Describe(affected, scheme).Length.ShouldBeLessThanOrEqualTo(303);
                foreach (var version in Versions)
                    OsvEvaluator.Affects(affected, scheme, version);
                OsvEvaluator.Affects(affected, scheme, null);
            }
        }

        records.ShouldBeGreaterThan(250, "the mutations should leave many records readable");
        using var store = AdvisoryStore.Open(Path.Combine(_root, "store", "advisories.db"));
        var result = store.Import(_root, null, CancellationToken.None);
        (result.Read + result.BadFiles).ShouldBe(300);
        foreach (var version in Versions)
            store.Match("npm", "plain-crypto-js", version);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        // Half the inputs only have string values swapped: still JSON, so they reach the evaluator.
        var valuesOnly = random.Next(2) == 0;
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (valuesOnly ? 4 : random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    // Swap the text between two quotes for a version-like value, where ranges and versions live.
                    var quote = bytes.IndexOf((byte)'"', at);
                    if (quote >= 0 && bytes.IndexOf((byte)'"', quote + 1) is var end and > 0)
                    {
                        bytes.RemoveRange(quote + 1, end - quote - 1);
                        bytes.InsertRange(quote + 1, Encoding.UTF8.GetBytes(Versions[random.Next(Versions.Length)]));
                    }
                    break;
            }
        }
        return [.. bytes];
    }
}
