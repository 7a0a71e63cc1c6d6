using PackGuard.Artifacts;
using PackGuard.Artifacts.Metadata;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>
/// Per-artifact state of the source-map inspector. Entries arrive in archive order, so a map may
/// come before or after the script that names it and before the manifest that decides how bad
/// it is: everything is measured as it streams past and judged in <see cref="Complete"/>.
/// </summary>
internal sealed class SourceMapInspection(InspectionContext context) : IArtifactInspection, ISourceMapVisitor
{
    private static readonly string[] ScriptExtensions =
        [".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".css", ".scss", ".less"];

    private static readonly byte[][] MapKeys =
        ["\"mappings\""u8.ToArray(), "\"sourcesContent\""u8.ToArray(), "\"sections\""u8.ToArray(), "\"sources\""u8.ToArray()];

    private readonly List<(ArtifactEntry Entry, SourceMapMeasurement Map, long Size)> _maps = [];
    private readonly List<(ArtifactEntry Entry, SourceMappingUrlScanner Scanner)> _scripts = [];
    private readonly HashSet<string> _rootFiles = new(StringComparer.Ordinal);

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.Kind != EntryKind.File)
            return null;
        if (entry.Depth == 0 && entry.InnerPath.Count(c => c == '/') <= 1)
            _rootFiles.Add(entry.FileName);
        if (IsMapCandidate(entry, head))
            return null; // the scanner parses maps once for every inspection: see OnSourceMap
        if (ScriptExtensions.Any(e => entry.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return new ScriptSink(this, entry);
        return null;
    }

    public ISourceMapSink? OnSourceMap(ArtifactEntry entry) => new MapSink(this, entry);

    public void Complete(ArtifactSummary artifact)
    {
        var openness = PackageOpenness.Of(artifact.Metadata);
        var webpackNames = _maps.Any(m => m.Map.WebpackNames) || _scripts.Any(s => s.Scanner.InlineMaps.Any(m => m.Map.WebpackNames));
        var toolchain = Toolchain.Detect(artifact.Metadata, _rootFiles, webpackNames);
        var findings = new SourceMapFindings(context.Findings, openness, new SourceMapFixAdvisor(artifact.Metadata, toolchain));

        var references = ReferenceIndex.Build(_scripts, artifact);
        foreach (var (entry, map, size) in _maps)
            findings.ReportMap(entry.Path, map, new MapShape(map.IsIndexMap ? "index" : "external", size, references.ReferrersOf(entry.Path)));
        foreach (var (entry, scanner) in _scripts)
        {
            foreach (var (map, encodedBytes) in scanner.InlineMaps)
                findings.ReportMap(entry.Path, map, new MapShape("inline", encodedBytes, [entry.Path]));
        }
        foreach (var dangling in references.Dangling)
            findings.ReportDangling(dangling);
    }

    internal static bool IsMapCandidate(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.FileName.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
            return true;
        var text = head.TrimStart(" \t\r\n\uFEFF"u8);
        if (text.IsEmpty || (text[0] != (byte)'{' && !text.StartsWith(")]}"u8)))
            return false;
        foreach (var key in MapKeys)
        {
            if (head.IndexOf(key) >= 0)
                return true;
        }
        return false;
    }

    /// <summary>Keeps the measurement of a map; its content is not needed here.</summary>
    private sealed class MapSink(SourceMapInspection owner, ArtifactEntry entry) : ISourceMapSink
    {
        public void BeginContent(int part, int sourceIndex)
        {
        }

        public void ContentBytes(ReadOnlySpan<byte> utf8)
        {
        }

        public void EndContent()
        {
        }

        public void Complete(SourceMapDocument map, long bytes)
        {
            if (map.IsSourceMap)
                owner._maps.Add((entry, SourceMapMeasurement.Of(map), bytes));
        }
    }

    private sealed class ScriptSink(SourceMapInspection owner, ArtifactEntry entry) : IEntryContentSink
    {
        private readonly SourceMappingUrlScanner _scanner = new();

        public void Write(ReadOnlySpan<byte> chunk) => _scanner.Write(chunk);

        public void Complete(bool truncated)
        {
            _scanner.Complete();
            // Most scripts name no map; only keep the ones that do until the artifact completes.
            if (_scanner.References.Count > 0 || _scanner.InlineMaps.Count > 0)
                owner._scripts.Add((entry, _scanner));
        }
    }
}

/// <summary>How a map is shipped.</summary>
/// <param name="Kind"><c>external</c>, <c>inline</c> or <c>index</c>.</param>
/// <param name="Bytes">Size of the map file, or of the encoded inline payload.</param>
/// <param name="ReferencedBy">Files whose <c>sourceMappingURL</c> names this map; empty for a hidden map.</param>
internal sealed record MapShape(string Kind, long Bytes, IReadOnlyList<string> ReferencedBy);
