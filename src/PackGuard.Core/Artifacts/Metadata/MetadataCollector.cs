namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Finds the package's manifest during the walk and reads it afterwards. How the pieces fit:
/// <see cref="OnEntry"/> asks <c>ManifestCandidate</c> whether a depth-0 file could be the
/// manifest (npm <c>package.json</c>, NuGet <c>&lt;id&gt;.nuspec</c>, wheel
/// <c>&lt;name&gt;-&lt;version&gt;.dist-info/METADATA</c>) and keeps the best candidate's bytes in a
/// bounded <c>ManifestBuffer</c>; <see cref="Result"/> hands them to the reader of that format
/// (<c>NpmManifestReader</c>, <c>NuspecReader</c>, <c>WheelMetadataReader</c>), which never throws:
/// malformed or oversized manifests yield what could be read plus a problem in
/// <see cref="PackageMetadata.Problems"/>.
/// </summary>
public sealed class MetadataCollector : IEntryVisitor
{
    /// <summary>The most bytes of a manifest that are read.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    private ManifestCandidate? _best;
    private ManifestBuffer? _buffer;
    private ManifestBuffer? _signature;
    private string? _topDirectory;
    private bool _singleTopDirectory = true;
    private PackageMetadata? _result;

    /// <summary>The package's metadata; complete once the walk is over.</summary>
    public PackageMetadata Result => _result ??= Read();

    /// <inheritdoc />
    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Depth != 0)
            return null;
        _result = null;
        NoteTopDirectory(entry);
        if (entry.Kind != EntryKind.File)
            return null;
        if (entry.Path == NuGetSignatureReader.EntryPath)
            return _signature = new ManifestBuffer(NuGetSignatureReader.MaxBytes);
        var candidate = ManifestCandidate.For(entry.Path);
        // A later copy of the same manifest replaces an earlier one, as extraction does (tar keeps the
        // last copy; npm installs that one): judging by the first would let a benign decoy decide
        // the severity. The walker reports the duplicate itself (archive/ambiguous-name).
        if (candidate is null || (_best is not null && candidate.Rank > _best.Rank))
            return null;
        _best = candidate;
        _buffer = new ManifestBuffer(MaxManifestBytes);
        return _buffer;
    }

    private void NoteTopDirectory(ArtifactEntry entry)
    {
        var slash = entry.Path.IndexOf('/', StringComparison.Ordinal);
        var top = slash >= 0 ? entry.Path[..slash] : entry.Kind == EntryKind.Directory ? entry.Path : null;
        if (top is null || (_topDirectory is not null && _topDirectory != top))
            _singleTopDirectory = false;
        _topDirectory ??= top;
    }

    private PackageSignature? ReadSignature() => _signature switch
    {
        null => null,
        { Oversized: true } => new PackageSignature { Problem = $"{NuGetSignatureReader.EntryPath} is larger than {NuGetSignatureReader.MaxBytes / 1024} KiB; it was not read." },
        { Truncated: true } => new PackageSignature { Problem = $"{NuGetSignatureReader.EntryPath} was cut short while it was read; it was not read." },
        _ => NuGetSignatureReader.Read(_signature.Data),
    };

    private PackageMetadata Read()
    {
        if (_best is null || _buffer is null)
            return PackageMetadata.None;
        if (_best.Rank == ManifestCandidate.TopDirectoryRank && !_singleTopDirectory)
            return PackageMetadata.None;

        var path = _best.Path;
        var problems = new List<string>();
        if (_buffer.Oversized)
            problems.Add($"{path} is larger than {MaxManifestBytes / (1024 * 1024)} MiB; only its beginning was read.");
        else if (_buffer.Truncated)
            problems.Add($"{path} was cut short while it was read (an archive limit or damage); only its beginning was read.");
        var complete = !_buffer.Oversized && !_buffer.Truncated;
        var metadata = _best.Kind switch
        {
            ManifestKind.Npm => NpmManifestReader.Read(_buffer.Data, path, complete),
            ManifestKind.NuGet => NuspecReader.Read(_buffer.Data, path, complete),
            _ => WheelMetadataReader.Read(_buffer.Data, path),
        };
        // A damaged signature is the gate's business (it compares signers), not a manifest problem.
        var signature = _best.Kind == ManifestKind.NuGet ? ReadSignature() : null;
        return metadata with { ManifestPath = path, Signature = signature, Problems = [.. problems, .. metadata.Problems] };
    }
}
