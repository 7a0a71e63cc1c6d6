using PackGuard.Artifacts;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// One generated input: the seed it came from, the mutated tree, what was done to it, and the
/// limits it is scanned with. Everything follows from <see cref="Seed"/>.
/// </summary>
/// <param name="Seed">The number that reproduces this input.</param>
/// <param name="Origin">The valid artifact it was mutated from.</param>
/// <param name="Root">The mutated artifact.</param>
/// <param name="Mutations">What was done, in order.</param>
/// <param name="TightLimits">Whether the scan runs with <see cref="Tight"/> limits, so that inputs reach the limit paths.</param>
public sealed record FuzzInput(int Seed, FuzzSeed Origin, FuzzNode Root, IReadOnlyList<string> Mutations, bool TightLimits)
{
    /// <summary>Small limits: a few entries, a shallow depth and a low ratio threshold.</summary>
    public static ArtifactLimits Tight { get; } = new(
        MaxEntrySize: 256 * 1024, MaxTotalSize: 2 * 1024 * 1024, MaxCompressionRatio: 20, MaxEntries: 64, MaxDepth: 2)
    {
        RatioThreshold = 64 * 1024,
    };

    private readonly Lazy<byte[]> _bytes = new(() => Root is DirectoryNode ? [] : Root.Render());

    /// <summary>The seed's format family.</summary>
    public string Kind => Origin.Kind;

    /// <summary>The artifact's file (or directory) name.</summary>
    public string FileName => Origin.FileName;

    /// <summary>Whether the input is a directory target.</summary>
    public bool IsDirectory => Root is DirectoryNode;

    /// <summary>The artifact's bytes (empty for a directory).</summary>
    public byte[] Bytes => _bytes.Value;

    /// <summary>The limits the scan runs with.</summary>
    public ArtifactLimits Limits => TightLimits ? Tight : ArtifactLimits.Default;

    /// <summary>Writes the artifact into <paramref name="directory"/> and returns its path.</summary>
    public string Materialize(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (Root is DirectoryNode tree)
        {
            Directory.CreateDirectory(path);
            tree.Materialize(path);
        }
        else
            File.WriteAllBytes(path, Bytes);
        return path;
    }

    /// <summary>One line for logs and failure reports.</summary>
    public override string ToString() =>
        $"seed {Seed}: {Kind} '{FileName}'{(IsDirectory ? "" : $" ({Bytes.Length} bytes)")}{(TightLimits ? ", tight limits" : "")}; {string.Join("; ", Mutations)}";
}
