using PackGuard.Artifacts;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.Secrets;

/// <summary>
/// Per-artifact state of the secret inspector. Each file entry goes to one sink: source maps are
/// read as maps (each original source scanned on its own, so findings carry the original file and
/// line), text is scanned as it streams, and binaries are reduced to their printable strings.
/// Media and fonts, which hold no text, are skipped.
/// </summary>
internal sealed class SecretInspection(InspectionContext context, SecretEngine engine, SecretFingerprinter fingerprinter) : IArtifactInspection, ISourceMapVisitor
{
    private static readonly string[] SkippedExtensions =
    [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tiff", ".avif", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".mp3", ".mp4", ".wav", ".ogg", ".webm", ".mov", ".pdf",
    ];

    private readonly SecretFindings _findings = new(context.Findings, fingerprinter);

    private SecretEngine Engine { get; } = engine;

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.Kind != EntryKind.File || SkippedExtensions.Any(e => entry.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return null;
        // A map's content comes through OnSourceMap. A JSON file that only looks like a map is
        // also read as plain text, in case it is not one.
        if (SourceMapInspection.IsMapCandidate(entry, head) && entry.FileName.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
            return null;
        return head.IndexOf((byte)0) < 0 ? new TextSink(this, entry.Path) : new BinarySink(this, entry.Path);
    }

    public ISourceMapSink? OnSourceMap(ArtifactEntry entry) => new MapSink(this, entry);

    public void Complete(ArtifactSummary artifact)
    {
    }

    /// <summary>Collects the hits of one text and reports them when it ends.</summary>
    private sealed class HitList : ISecretHitSink
    {
        public List<SecretHit> Hits { get; } = [];

        public void OnHit(in SecretHit hit) => Hits.Add(hit);
    }

    private sealed class TextSink : IEntryContentSink
    {
        private readonly SecretInspection _owner;
        private readonly string _path;
        private readonly HitList _hits = new();
        private readonly SecretTextScanner _scanner;

        public TextSink(SecretInspection owner, string path)
        {
            _owner = owner;
            _path = path;
            _scanner = new SecretTextScanner(owner.Engine, _hits);
        }

        public void Write(ReadOnlySpan<byte> chunk) => _scanner.Write(chunk);

        public void Complete(bool truncated)
        {
            _scanner.Complete();
            _owner._findings.Report(_path, null, _hits.Hits);
        }
    }

    private sealed class BinarySink : IEntryContentSink
    {
        private readonly SecretInspection _owner;
        private readonly string _path;
        private readonly HitList _hits = new();
        private readonly BinaryStrings _strings;

        public BinarySink(SecretInspection owner, string path)
        {
            _owner = owner;
            _path = path;
            _strings = new BinaryStrings(new SecretTextScanner(owner.Engine, _hits));
        }

        public void Write(ReadOnlySpan<byte> chunk) => _strings.Write(chunk);

        public void Complete(bool truncated)
        {
            _strings.Complete();
            _owner._findings.Report(_path, null, _hits.Hits);
        }
    }

    /// <summary>
    /// Scans every <c>sourcesContent</c> entry as its own file, then names it by its source path
    /// once the map is complete (names may come after contents).
    /// </summary>
    private sealed class MapSink : ISourceMapSink
    {
        private readonly SecretInspection _owner;
        private readonly ArtifactEntry _entry;
        private readonly SecretTextScanner _contentScanner;
        private readonly HitList _contentHits = new();
        private readonly List<(int Part, int Index, List<SecretHit> Hits)> _sources = [];
        private (int Part, int Index) _current;

        public MapSink(SecretInspection owner, ArtifactEntry entry)
        {
            _owner = owner;
            _entry = entry;
            _contentScanner = new SecretTextScanner(owner.Engine, _contentHits);
        }

        public void BeginContent(int part, int sourceIndex) => _current = (part, sourceIndex);

        public void ContentBytes(ReadOnlySpan<byte> utf8) => _contentScanner.Write(utf8);

        public void EndContent()
        {
            _contentScanner.Complete();
            if (_contentHits.Hits.Count == 0)
                return;
            _sources.Add((_current.Part, _current.Index, [.. _contentHits.Hits]));
            _contentHits.Hits.Clear();
        }

        public void Complete(SourceMapDocument map, long bytes)
        {
            foreach (var (part, index, hits) in _sources)
            {
                var name = part < map.Parts.Count && index < map.Parts[part].Sources.Count ? map.Parts[part].Sources[index] : null;
                var original = name is null ? $"sourcesContent[{index}]" : SourceClassifier.Normalize(name, map.Parts[part].SourceRoot);
                _owner._findings.Report(_entry.Path, original, hits);
            }
        }
    }
}
