using PackGuard.Inspectors.SourceMaps;

namespace PackGuard.Inspectors.DebugSymbols.Pdb;

/// <summary>What one portable PDB holds.</summary>
internal sealed record PdbMeasurement
{
    /// <summary>Rows of the Document table: every source file the PDB names.</summary>
    public int Documents { get; init; }

    /// <summary>Documents whose source is embedded.</summary>
    public int EmbeddedDocuments { get; init; }

    /// <summary>Embedded documents the build generated (see <see cref="DocumentClassifier"/>).</summary>
    public int GeneratedEmbeddedDocuments { get; init; }

    /// <summary>Embedded documents written by people: the project's own source.</summary>
    public int FirstPartyEmbeddedDocuments => EmbeddedDocuments - GeneratedEmbeddedDocuments;

    /// <summary>Bytes of the first-party embedded source, decompressed.</summary>
    public long FirstPartyBytes { get; init; }

    /// <summary>Lines of the first-party embedded source.</summary>
    public long FirstPartyLines { get; init; }

    /// <summary>Bytes of the generated embedded documents.</summary>
    public long GeneratedBytes { get; init; }

    /// <summary>Directories holding the most first-party embedded documents, relative to their common root.</summary>
    public IReadOnlyList<NamedCount> TopDirectories { get; init; } = [];

    /// <summary>A few embedded first-party documents, for the message.</summary>
    public IReadOnlyList<string> ExampleDocuments { get; init; } = [];

    /// <summary>The Source Link document, when the PDB has one.</summary>
    public SourceLinkMap? SourceLink { get; init; }

    /// <summary>Why the figures are partial (a limit, damage), or <see langword="null"/>.</summary>
    public string? Incomplete { get; init; }
}
