namespace PackGuard.Artifacts.Inventory;

/// <summary>One file of an artifact, as a diff compares it.</summary>
/// <param name="Path">The path inside the package: the artifact path without the single top directory every
/// entry shares (npm's <c>package/</c>), so that two tarballs of one package compare file by file.</param>
/// <param name="ArtifactPath">The entry's full path in the artifact, as findings name it.</param>
/// <param name="Size">Bytes of content.</param>
/// <param name="Sha256">SHA-256 of the content (hex); <see langword="null"/> for a nested archive (its entries are listed
/// instead) or content a limit cut short.</param>
/// <param name="Kind">What the file is.</param>
public sealed record InventoryEntry(string Path, string ArtifactPath, long Size, string? Sha256, FileKind Kind)
{
    /// <summary>Measures of a script (<c>.js</c>, <c>.mjs</c>, <c>.cjs</c>, or a <c>#!</c> node script); null for other files.</summary>
    public ScriptMeasures? Script { get; init; }

    /// <summary>The package runs this file: package.json <c>main</c>, a <c>bin</c> or an <c>exports</c> target.</summary>
    public bool EntryPoint { get; init; }
}
