using PackGuard.Artifacts.Metadata;

namespace PackGuard.Artifacts.Inventory;

/// <summary>
/// Every file of an artifact with its size, hash, kind and (for scripts) cheap measures, plus the
/// package's metadata: what <c>packguard diff</c> compares between two versions. Collected during
/// the scan's single pass by <see cref="InventoryCollector"/>.
/// </summary>
public sealed class ArtifactInventory
{
    private readonly Dictionary<string, InventoryEntry> _byPath;

    /// <summary>Creates an inventory; a path that occurs twice keeps its last copy, as extraction does.</summary>
    public ArtifactInventory(IReadOnlyList<InventoryEntry> entries, PackageMetadata package)
    {
        _byPath = new Dictionary<string, InventoryEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
            _byPath[entry.Path] = entry;
        Entries = [.. _byPath.Values.OrderBy(e => e.Path, StringComparer.Ordinal)];
        Package = package;
        UnpackedSize = Entries.Sum(e => e.Size);
    }

    /// <summary>The files, by path.</summary>
    public IReadOnlyList<InventoryEntry> Entries { get; }

    /// <summary>The package's metadata (scripts, dependencies, entry points).</summary>
    public PackageMetadata Package { get; }

    /// <summary>Bytes of all files, as installed (nested archives count as their own size, not expanded).</summary>
    public long UnpackedSize { get; }

    /// <summary>The file at <paramref name="path"/> (a package path, see <see cref="InventoryEntry.Path"/>).</summary>
    public InventoryEntry? Find(string path) => _byPath.GetValueOrDefault(path);
}
