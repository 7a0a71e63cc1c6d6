using System.Text;
using PackGuard.Artifacts;
using PackGuard.Inspectors.Files;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Per-artifact state of the exposure inspector. Every text entry streams through an
/// <see cref="ExposureTextScanner"/>; a source map is not read as text but through the map the
/// scanner already parses for everyone (<see cref="ISourceMapVisitor"/>): each original source in
/// <c>sourcesContent</c> is scanned as its own file, and the source paths themselves are scanned
/// for home directories. Values are tallied as they are found; whether an environment host is
/// the package's own, and how bad each value is, is decided in <see cref="Complete"/>.
/// </summary>
internal sealed class ExposureInspection(InspectionContext context, ExposureMatcher matcher) : IArtifactInspection, ISourceMapVisitor
{
    private static readonly string[] SkippedExtensions =
    [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tiff", ".avif", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".mp3", ".mp4", ".wav", ".ogg", ".webm", ".mov", ".pdf",
    ];

    private readonly ExposureTally _tally = new();

    private ExposureMatcher Matcher { get; } = matcher;

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.Kind != EntryKind.File || head.IsEmpty || head.IndexOf((byte)0) >= 0 ||
            SkippedExtensions.Any(e => entry.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return null;
        // A working tree's .git folder and node_modules are never published, so they expose nothing.
        if (context.IsDirectory && entry.Depth == 0 && NpmPackRules.NeverPacked(entry.InnerPath))
            return null;
        // A map's text arrives through OnSourceMap, decoded; a JSON file that only looks like a map is also read as text.
        if (SourceMapInspection.IsMapCandidate(entry, head) && entry.FileName.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
            return null;
        return new TextSink(this, new TextRecorder(entry.Path, null));
    }

    public ISourceMapSink? OnSourceMap(ArtifactEntry entry) =>
        context.IsDirectory && entry.Depth == 0 && NpmPackRules.NeverPacked(entry.InnerPath) ? null : new MapSink(this, entry);

    public void Complete(ArtifactSummary artifact) =>
        ExposureFindings.Report(context.Findings, _tally, OwnDomains.Of(artifact.Metadata));

    /// <summary>
    /// Tests, examples, documentation (type declarations included: their JSDoc is where examples
    /// live), templates and bundled or vendored dependencies, where such values are expected.
    /// </summary>
    private static bool IsSecondary(string path) =>
        SampleContext.Is(path) || DeclarationExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ||
        path.Split(['/', '!']).SkipLast(1).Any(s => ThirdPartyFolders.Contains(s, StringComparer.OrdinalIgnoreCase));

    private static readonly string[] DeclarationExtensions = [".d.ts", ".d.mts", ".d.cts"];

    private static readonly string[] ThirdPartyFolders =
        ["node_modules", "bower_components", "jspm_packages", "vendor", "vendors", "deps", "third_party", "third-party", "thirdparty", "external", "externals"];

    /// <summary>
    /// Gathers one text's values, then adds them to the tally at once. Most texts hold none, so
    /// nothing is allocated and nothing about the path is worked out until one is found.
    /// </summary>
    private sealed class TextRecorder(string path, string? originalPath, bool lines = true) : IExposureRecorder
    {
        private Dictionary<(ExposureKind, string), (long Count, List<ExposureLocation> Locations)>? _seen;

        public void Record(ExposureKind kind, string value, long line, long column)
        {
            _seen ??= [];
            if (!_seen.TryGetValue((kind, value), out var seen))
                seen = (0, []);
            if (seen.Locations.Count < ExposureTally.MaxLocations)
                seen.Locations.Add(lines ? new ExposureLocation(path, line, column, originalPath) : new ExposureLocation(path, null, null, originalPath));
            _seen[(kind, value)] = (seen.Count + 1, seen.Locations);
        }

        public bool IsEmpty => _seen is not { Count: > 0 };

        /// <summary>Adds what was seen to the tally, naming the original source now that it is known.</summary>
        public void Flush(ExposureTally tally, string? original = null, bool? isSecondary = null)
        {
            if (_seen is not { Count: > 0 })
                return;
            var file = original is null ? path : $"{path}:{original}";
            var secondary = isSecondary ?? IsSecondary(path);
            foreach (var ((kind, value), (count, locations)) in _seen)
            {
                var placed = original is null ? locations : [.. locations.Select(l => l with { OriginalPath = original })];
                tally.Add(kind, value, file, placed, count, secondary);
            }
            _seen.Clear();
        }
    }

    private sealed class TextSink(ExposureInspection owner, TextRecorder recorder) : IEntryContentSink
    {
        private readonly ExposureTextScanner _scanner = new(owner.Matcher, recorder);

        public void Write(ReadOnlySpan<byte> chunk) => _scanner.Write(chunk);

        public void Complete(bool truncated)
        {
            _scanner.Complete();
            recorder.Flush(owner._tally);
        }
    }

    /// <summary>
    /// Scans each <c>sourcesContent</c> entry as its own text, keeping what it found by source
    /// index; the names come with the finished map (they may follow the contents).
    /// </summary>
    private sealed class MapSink(ExposureInspection owner, ArtifactEntry entry) : ISourceMapSink
    {
        private readonly List<(int Part, int Index, TextRecorder Found)> _sources = [];
        private TextRecorder _current = new(entry.Path, null);
        private ExposureTextScanner? _scanner;
        private (int Part, int Index) _at;

        public void BeginContent(int part, int sourceIndex)
        {
            _at = (part, sourceIndex);
            _current = new TextRecorder(entry.Path, null);
            _scanner = new ExposureTextScanner(owner.Matcher, _current);
        }

        public void ContentBytes(ReadOnlySpan<byte> utf8) => _scanner?.Write(utf8);

        public void EndContent()
        {
            _scanner?.Complete();
            _scanner = null;
            if (!_current.IsEmpty)
                _sources.Add((_at.Part, _at.Index, _current));
        }

        public void Complete(SourceMapDocument map, long bytes)
        {
            foreach (var (part, index, found) in _sources)
            {
                var raw = part < map.Parts.Count && index < map.Parts[part].Sources.Count ? map.Parts[part].Sources[index] : null;
                var original = raw is null ? $"sourcesContent[{index}]" : SourceClassifier.Normalize(raw, map.Parts[part].SourceRoot);
                var secondary = IsSecondary(entry.Path) || IsSecondary(original) ||
                    (raw is not null && SourceClassifier.Classify(original, raw) != SourceOrigin.FirstParty);
                found.Flush(owner._tally, original, secondary);
            }
            ScanSourceNames(map);
        }

        /// <summary>The source paths a map lists often keep the build machine's absolute paths (<c>/Users/ann/app/src/x.ts</c>).</summary>
        private void ScanSourceNames(SourceMapDocument map)
        {
            var names = new TextRecorder(entry.Path, null, lines: false);
            var scanner = new ExposureTextScanner(owner.Matcher, names);
            foreach (var part in map.Parts)
            {
                foreach (var name in part.Sources.Prepend(part.SourceRoot))
                {
                    if (string.IsNullOrEmpty(name))
                        continue;
                    scanner.Write(Encoding.UTF8.GetBytes(name));
                    scanner.Write("\n"u8);
                }
            }
            scanner.Complete();
            names.Flush(owner._tally);
        }
    }
}
