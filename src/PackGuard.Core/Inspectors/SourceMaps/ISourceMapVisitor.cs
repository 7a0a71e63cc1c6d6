using PackGuard.Artifacts;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>
/// For inspections that read source maps. The scanner parses each map once (a 60 MB map costs a
/// tenth of a second to tokenize) and shares the result: every interested inspection receives
/// the decoded <c>sourcesContent</c> as it streams, then the finished document.
/// </summary>
internal interface ISourceMapVisitor
{
    /// <summary>Called for an entry that looks like a source map, after <see cref="IEntryVisitor.OnEntry"/>.</summary>
    ISourceMapSink? OnSourceMap(ArtifactEntry entry);
}

/// <summary>Receives one map's content and, at the end, the map itself.</summary>
internal interface ISourceMapSink : ISourceContentObserver
{
    /// <summary>The map ended; <paramref name="bytes"/> is the entry's size.</summary>
    void Complete(SourceMapDocument map, long bytes);
}
