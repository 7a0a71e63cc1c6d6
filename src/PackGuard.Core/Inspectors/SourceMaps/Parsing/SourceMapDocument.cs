namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>Measured content of one entry of <c>sourcesContent</c>.</summary>
/// <param name="Bytes">Decoded UTF-8 bytes.</param>
/// <param name="Lines">Lines, as <see cref="ContentMeter"/> counts them.</param>
internal readonly record struct SourceContent(long Bytes, long Lines);

/// <summary>
/// One map object: the whole map, or one section of an index map. Sources are kept by index
/// because <c>sources</c> and <c>sourcesContent</c> may come in either order.
/// </summary>
internal sealed class SourceMapPart
{
    /// <summary>The <c>version</c> field, when it was a number.</summary>
    public int? Version { get; set; }

    /// <summary>The <c>sourceRoot</c> field.</summary>
    public string? SourceRoot { get; set; }

    /// <summary>Source names in order; <see langword="null"/> for a null entry or a name not kept.</summary>
    public List<string?> Sources { get; } = [];

    /// <summary>Whether a <c>sources</c> array was present.</summary>
    public bool HasSources { get; set; }

    /// <summary>Content per source index; <see langword="null"/> where <c>sourcesContent</c> held null.</summary>
    public List<SourceContent?> Contents { get; } = [];

    /// <summary>Whether a <c>mappings</c> string was present.</summary>
    public bool HasMappings { get; set; }

    /// <summary>Whether this part declared <c>sections</c> (an index map).</summary>
    public bool HasSections { get; set; }
}

/// <summary>What <see cref="SourceMapReader"/> learned from one JSON document.</summary>
internal sealed class SourceMapDocument
{
    /// <summary>The map objects: the top-level one first, then every section's map, in order.</summary>
    public List<SourceMapPart> Parts { get; } = [];

    /// <summary>URLs of index-map sections that point at other files.</summary>
    public List<string> SectionUrls { get; } = [];

    /// <summary>Why the JSON is invalid, when it is.</summary>
    public string? Error { get; set; }

    /// <summary>Whether the input was cut short before the end (a limit or damage).</summary>
    public bool Truncated { get; set; }

    /// <summary>Index-map sections nested deeper than <see cref="SourceMapReader.MaxSectionDepth"/> were skipped.</summary>
    public bool SectionsTooDeep { get; set; }

    /// <summary>Sources counted but whose names were not kept because of the name budget.</summary>
    public long SourcesBeyondBudget { get; set; }

    /// <summary>
    /// A version-3 source map: the top-level object declares <c>"version": 3</c> and either
    /// <c>sources</c> or <c>sections</c>. A damaged document that got that far still counts, so a
    /// truncated map is still reported.
    /// </summary>
    public bool IsSourceMap => Parts.Count > 0 && Parts[0].Version == 3 && (Parts[0].HasSources || Parts[0].HasSections);
}
