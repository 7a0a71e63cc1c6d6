using System.Security.Cryptography;
using PackGuard.Artifacts.Metadata;

namespace PackGuard.Artifacts.Inventory;

/// <summary>
/// Records every file entry while the scan walks the artifact (one more visitor in the scan's
/// single pass): size, SHA-256, <see cref="FileKind"/>, and for scripts a <see cref="ScriptMeter"/>.
/// <see cref="Result"/> turns the records into an <see cref="ArtifactInventory"/> once the package's
/// metadata is known (entry points come from package.json, which may arrive last).
/// </summary>
public sealed class InventoryCollector : IEntryVisitor
{
    private static readonly string[] ScriptExtensions = [".js", ".mjs", ".cjs"];

    private readonly List<Record> _records = [];

    /// <inheritdoc />
    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != EntryKind.File)
            return null;
        var record = new Record(entry.Path, entry.Size ?? 0, FileKinds.Classify(entry, head));
        _records.Add(record);
        if (entry.NestedArchive != ArchiveFormat.None)
            return null;
        var script = ScriptExtensions.Any(e => entry.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || (head.StartsWith("#!"u8) && head[..Math.Min(head.Length, 128)].IndexOf("node"u8) >= 0);
        return new Sink(record, script ? new ScriptMeter() : null);
    }

    /// <summary>The inventory, with entry points marked from <paramref name="package"/>.</summary>
    public ArtifactInventory Result(PackageMetadata package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var top = CommonTopDirectory();
        var entryPoints = new HashSet<string>(package.EntryPoints, StringComparer.Ordinal);
        var entries = _records.Select(r =>
        {
            var path = StablePath(top is null ? r.Path : r.Path[top.Length..]);
            return new InventoryEntry(path, r.Path, r.Size, r.Sha256, r.Kind)
            {
                Script = r.Script,
                EntryPoint = entryPoints.Contains(path),
            };
        });
        return new ArtifactInventory([.. entries], package);
    }

    /// <summary>
    /// NuGet names the OPC core-properties part by a random id on every pack; under one stable name
    /// two versions compare it as one changed file, not as one removed and one added.
    /// </summary>
    private static string StablePath(string path) =>
        path.StartsWith(CoreProperties, StringComparison.Ordinal) && path.EndsWith(".psmdcp", StringComparison.Ordinal) && path.IndexOf('/', CoreProperties.Length) < 0
            ? CoreProperties + "*.psmdcp"
            : path;

    private const string CoreProperties = "package/services/metadata/core-properties/";

    /// <summary><c>package/</c> when every entry of the artifact lies under it, as in an npm tarball.</summary>
    private string? CommonTopDirectory()
    {
        string? top = null;
        foreach (var record in _records)
        {
            var slash = record.Path.IndexOf('/', StringComparison.Ordinal);
            var bang = record.Path.IndexOf('!', StringComparison.Ordinal);
            if (slash <= 0 || (bang >= 0 && bang < slash))
                return null;
            var prefix = record.Path[..(slash + 1)];
            if (top is not null && top != prefix)
                return null;
            top = prefix;
        }
        return top;
    }

    private sealed class Record(string path, long size, FileKind kind)
    {
        public string Path { get; } = path;
        public long Size { get; set; } = size;
        public FileKind Kind { get; } = kind;
        public string? Sha256 { get; set; }
        public ScriptMeasures? Script { get; set; }
    }

    private sealed class Sink(Record record, ScriptMeter? meter) : IEntryContentSink
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _bytes;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _bytes += chunk.Length;
            _hash.AppendData(chunk);
            meter?.Write(chunk);
        }

        public void Complete(bool truncated)
        {
            record.Size = truncated ? Math.Max(record.Size, _bytes) : _bytes;
            var hash = _hash.GetHashAndReset();
            _hash.Dispose();
            record.Sha256 = truncated ? null : Convert.ToHexStringLower(hash);
            record.Script = meter?.Complete();
        }
    }
}
