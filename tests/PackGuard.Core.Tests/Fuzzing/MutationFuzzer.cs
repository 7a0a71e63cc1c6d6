using PackGuard.Tests.Fuzzing.Mutations;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// Generates inputs from valid seeds. How the pieces fit: a seed is a tree of
/// <see cref="FuzzNode"/>s (a gzip holding a tar holding a map, a script and a nested zip); each
/// input picks a seed and applies one to five mutations, each to a node of the tree chosen at
/// random. Containers can have their entry lists changed (<see cref="ContainerMutations"/>); any
/// node can be replaced by mutated bytes, using the mutations of its shape
/// (<see cref="TarMutations"/>, <see cref="ZipMutations"/>, <see cref="GzipMutations"/>,
/// <see cref="JsonMutations"/>, <see cref="ScriptMutations"/>) or plain
/// <see cref="ByteMutations"/>. The containers above a mutated node are rendered again, so damage
/// inside a gzip is compressed and checksummed like the real thing and reaches the parsers behind
/// it. One integer seeds everything: <see cref="Generate"/> with the same number gives the same bytes.
/// </summary>
public sealed class MutationFuzzer
{
    private static readonly string[] FileNames =
        [".gz", "a.tgz", "a.gz", "x.js.map", "x.map", "package.json", "x.nuspec", "file", "a.tar.gz", "ünï cödé!.tgz", "x.js", "x.css.gz", "-dash.zip"];

    private readonly IReadOnlyList<FuzzSeed> _seeds;
    private readonly Lazy<byte[][]> _donors;

    /// <summary>Creates a fuzzer over <paramref name="seeds"/>.</summary>
    public MutationFuzzer(IReadOnlyList<FuzzSeed> seeds)
    {
        _seeds = seeds;
        _donors = new(() => [.. seeds.Where(s => s.Root is not DirectoryNode).Select(s => s.Root.Render())]);
    }

    /// <summary>The input that <paramref name="seed"/> stands for.</summary>
    public FuzzInput Generate(int seed)
    {
        var random = new FuzzRandom(seed);
        var origin = random.Pick(_seeds);
        var root = origin.Root;
        var log = new List<string>();
        var steps = random.Next(6) switch
        {
            < 3 => 1,
            < 5 => 2,
            _ => random.Next(3, 6),
        };
        for (var step = 0; step < steps; step++)
        {
            string description;
            if (root is not DirectoryNode && random.Chance(20))
                root = new BytesNode(MutateBytes(root.Render(), root.Shape, random, out description), root.Shape);
            else
            {
                var paths = Paths(root, []).ToList();
                var path = random.Pick(paths);
                var mutated = MutateNode(At(root, path), random, out description);
                root = Replace(root, path, mutated);
                description = (path.Length == 0 ? "" : "[" + string.Join('.', path) + "] ") + description;
            }
            log.Add(description);
        }
        if (random.Chance(4))
        {
            // The walker names a gzip's content and finds maps by the file name: vary it too.
            var name = random.Pick(FileNames);
            origin = origin with { FileName = name };
            log.Add($"name={name}");
        }
        return new FuzzInput(seed, origin, root, log, TightLimits: random.Chance(30));
    }

    private FuzzNode MutateNode(FuzzNode node, FuzzRandom random, out string description) => node switch
    {
        DirectoryNode directory => ContainerMutations.Directory(directory, random, out description),
        TarNode tar when random.Chance(35) => ContainerMutations.Tar(tar, random, out description),
        ZipNode zip when random.Chance(35) => ContainerMutations.Zip(zip, random, out description),
        GzipNode gzip when random.Chance(25) => ContainerMutations.Gzip(gzip, random, out description),
        ScriptNode script when random.Chance(50) => ScriptMutations.Restructure(script, random, out description),
        BytesNode { Shape: FuzzShape.Raw or FuzzShape.Json or FuzzShape.Script } text when random.Chance(10) =>
            new BytesNode(BoundaryMutations.Shift(text.Bytes, text.Shape == FuzzShape.Json, random, out description), text.Shape),
        ScriptNode script when random.Chance(10) =>
            new BytesNode(BoundaryMutations.Shift(script.Render(), json: false, random, out description), FuzzShape.Script),
        BytesNode { Shape: FuzzShape.Raw or FuzzShape.Json } text when random.Chance(15) =>
            new BytesNode(SecretMutations.Insert(text.Bytes, text.Shape == FuzzShape.Json, random, out description), text.Shape),
        _ => new BytesNode(MutateBytes(node.Render(), node.Shape, random, out description), node.Shape),
    };

    private byte[] MutateBytes(byte[] bytes, FuzzShape shape, FuzzRandom random, out string description)
    {
        if (shape == FuzzShape.Raw || random.Chance(25))
            return ByteMutations.Mutate(bytes, random, () => random.Pick(_donors.Value), out description);
        try
        {
            return shape switch
            {
                FuzzShape.Tar => TarMutations.Mutate(bytes, random, out description),
                FuzzShape.Zip => ZipMutations.Mutate(bytes, random, out description),
                FuzzShape.Gzip => GzipMutations.Mutate(bytes, random, out description),
                FuzzShape.Json => JsonMutations.Mutate(bytes, random, out description),
                FuzzShape.Script => ScriptMutations.Mutate(bytes, random, out description),
                _ => ByteMutations.Mutate(bytes, random, () => random.Pick(_donors.Value), out description),
            };
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            // Earlier mutations can leave a structure too broken for the structure-aware mutation to
            // find its way through; fall back to bytes. (Still deterministic: the same bytes fail the same way.)
            var result = ByteMutations.Mutate(bytes, random, () => random.Pick(_donors.Value), out description);
            description = $"({shape} structure unusable) {description}";
            return result;
        }
    }

    private static IEnumerable<int[]> Paths(FuzzNode node, int[] path)
    {
        yield return path;
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            foreach (var child in Paths(children[i], [.. path, i]))
                yield return child;
        }
    }

    private static FuzzNode At(FuzzNode node, int[] path) => path.Aggregate(node, (n, i) => n.Children[i]);

    private static FuzzNode Replace(FuzzNode node, int[] path, FuzzNode replacement) =>
        path.Length == 0 ? replacement : node.WithChild(path[0], Replace(node.Children[path[0]], path[1..], replacement));
}
