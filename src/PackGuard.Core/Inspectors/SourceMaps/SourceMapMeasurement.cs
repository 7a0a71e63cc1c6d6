using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>A directory or extension with how many exposed files it holds.</summary>
internal readonly record struct NamedCount(string Name, long Files);

/// <summary>
/// The figures a source-map finding reports: how many sources, whose, how much of the package's
/// own code is embedded, and what its tree looks like.
/// </summary>
internal sealed record SourceMapMeasurement
{
    private const int TopCount = 10;

    public long Sources { get; init; }
    public long SourcesWithContent { get; init; }
    public long FirstPartySources { get; init; }
    public long FirstPartySourcesWithContent { get; init; }
    public long FirstPartyLines { get; init; }
    public long FirstPartyBytes { get; init; }
    public long ThirdPartySources { get; init; }
    public long BundlerRuntimeSources { get; init; }
    public long UnnamedSources { get; init; }
    public int Sections { get; init; }

    /// <summary>An index map (top-level <c>sections</c>).</summary>
    public bool IsIndexMap { get; init; }

    /// <summary>Why the map could not be read to the end (a limit, or invalid JSON), or <see langword="null"/>.</summary>
    public string? Incomplete { get; init; }

    /// <summary>Whether source names carry webpack's <c>webpack://</c> scheme (a toolchain fingerprint).</summary>
    public bool WebpackNames { get; init; }
    public IReadOnlyList<NamedCount> TopDirectories { get; init; } = [];
    public IReadOnlyList<NamedCount> TopExtensions { get; init; } = [];

    /// <summary>
    /// Measures a parsed map. Inspections keep only the measurement, so a package with thousands
    /// of maps never holds thousands of source-name lists at once.
    /// </summary>
    public static SourceMapMeasurement Of(SourceMapDocument document)
    {
        // Sources past the reader's name budget were counted, not named: they are sources all the
        // same (a map naming 3,000,000 files must not be reported as naming 1,000,000).
        long sources = document.SourcesBeyondBudget, withContent = 0, first = 0, firstWithContent = 0, lines = 0, bytes = 0;
        long third = 0, runtime = 0, unnamed = document.SourcesBeyondBudget;
        var exposedPaths = new List<string>();
        var namedPaths = new List<string>();
        var webpack = false;

        foreach (var part in document.Parts)
        {
            for (var i = 0; i < part.Sources.Count; i++)
            {
                sources++;
                var raw = part.Sources[i];
                var content = i < part.Contents.Count ? part.Contents[i] : null;
                if (content is not null)
                    withContent++;
                if (raw is null)
                {
                    unnamed++;
                    continue;
                }
                webpack |= raw.StartsWith("webpack://", StringComparison.Ordinal);
                var path = SourceClassifier.Normalize(raw, part.SourceRoot);
                // Not ignoreList: packages mark their own code there so that their users' debuggers skip it.
                var origin = SourceClassifier.Classify(path, raw);
                switch (origin)
                {
                    case SourceOrigin.ThirdParty:
                        third++;
                        break;
                    case SourceOrigin.BundlerRuntime:
                        runtime++;
                        break;
                    default:
                        first++;
                        namedPaths.Add(path);
                        if (content is { } c)
                        {
                            firstWithContent++;
                            lines += c.Lines;
                            bytes += c.Bytes;
                            exposedPaths.Add(path);
                        }
                        break;
                }
            }
        }

        // With content, the tree that matters is the one exposed; without, the layout the names reveal.
        var tree = exposedPaths.Count > 0 ? exposedPaths : namedPaths;
        return new SourceMapMeasurement
        {
            Sources = sources,
            SourcesWithContent = withContent,
            FirstPartySources = first,
            FirstPartySourcesWithContent = firstWithContent,
            FirstPartyLines = lines,
            FirstPartyBytes = bytes,
            ThirdPartySources = third,
            BundlerRuntimeSources = runtime,
            UnnamedSources = unnamed,
            Sections = document.Parts.Count - 1,
            IsIndexMap = document.Parts.Count > 0 && document.Parts[0].HasSections,
            Incomplete = document.Truncated ? "a limit cut it short"
                : document.Error ?? (document.SectionsTooDeep
                    ? $"index-map sections nest deeper than {SourceMapReader.MaxSectionDepth} levels, and the deeper ones were not read"
                    : null),
            WebpackNames = webpack,
            TopDirectories = Top(tree.Select(DirectoryOf)),
            TopExtensions = Top(tree.Select(ExtensionOf)),
        };
    }

    private static IReadOnlyList<NamedCount> Top(IEnumerable<string> names) =>
        [.. names.GroupBy(n => n, StringComparer.Ordinal)
            .Select(g => new NamedCount(g.Key, g.LongCount()))
            .OrderByDescending(c => c.Files)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(TopCount)];

    /// <summary>The first two directory levels: <c>src/tools</c> for <c>src/tools/bash/run.ts</c>.</summary>
    internal static string DirectoryOf(string path)
    {
        var segments = path.Split('/');
        return segments.Length switch
        {
            1 => ".",
            2 => segments[0],
            _ => segments[0] + "/" + segments[1],
        };
    }

    internal static string ExtensionOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? "(none)" : name[dot..].ToLowerInvariant();
    }
}
