using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors;

/// <summary>What is known about an artifact once every entry has been seen.</summary>
public sealed class ArtifactSummary
{
    private readonly HashSet<string> _paths;

    /// <summary>Creates a summary.</summary>
    public ArtifactSummary(PackageMetadata metadata, IEnumerable<string> entryPaths)
    {
        Metadata = metadata;
        _paths = new HashSet<string>(entryPaths, StringComparer.Ordinal);
    }

    /// <summary>The package's own description of itself.</summary>
    public PackageMetadata Metadata { get; }

    /// <summary>Whether an entry with exactly this full path exists.</summary>
    public bool ContainsEntry(string path) => _paths.Contains(path);
}
