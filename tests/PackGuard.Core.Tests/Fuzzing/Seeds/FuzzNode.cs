using System.Text;

namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>What a piece of a fuzz input is, so that mutations can understand its structure.</summary>
public enum FuzzShape
{
    /// <summary>Bytes with no structure the fuzzer knows.</summary>
    Raw,

    /// <summary>JSON text: a source map, an index map, a package.json.</summary>
    Json,

    /// <summary>A script or stylesheet that carries an inline <c>data:</c> source map.</summary>
    Script,

    /// <summary>A tar archive.</summary>
    Tar,

    /// <summary>A zip-family archive.</summary>
    Zip,

    /// <summary>One or more gzip members.</summary>
    Gzip,

    /// <summary>A directory target.</summary>
    Directory,
}

/// <summary>
/// A fuzz input is a tree: containers (gzip, tar, zip, a script with an inline map, a directory)
/// render their children. A mutation replaces one node with mutated bytes and the containers above
/// it are rendered again, so that a mutated tar inside a gzip is recompressed and the damage reaches
/// the tar reader rather than stopping at the gzip checksum.
/// </summary>
public abstract record FuzzNode
{
    /// <summary>What this node is.</summary>
    public abstract FuzzShape Shape { get; }

    /// <summary>The nodes this one renders, in a stable order.</summary>
    public virtual IReadOnlyList<FuzzNode> Children => [];

    /// <summary>The bytes of this node.</summary>
    public abstract byte[] Render();

    /// <summary>A copy of this node with child <paramref name="index"/> replaced.</summary>
    public virtual FuzzNode WithChild(int index, FuzzNode child) =>
        throw new InvalidOperationException($"{GetType().Name} has no children.");
}

/// <summary>Bytes; <see cref="Shape"/> remembers what they were meant to be, so that structure-aware mutations still apply after a byte-level one.</summary>
public sealed record BytesNode(byte[] Bytes, FuzzShape Shape = FuzzShape.Raw) : FuzzNode
{
    /// <inheritdoc />
    public override FuzzShape Shape { get; } = Shape;

    /// <inheritdoc />
    public override byte[] Render() => Bytes;

    /// <summary>A UTF-8 text node.</summary>
    public static BytesNode Text(string text, FuzzShape shape = FuzzShape.Raw) => new(Encoding.UTF8.GetBytes(text), shape);
}

/// <summary>
/// A script (or stylesheet) that ends with an inline map: <paramref name="Code"/>, then a
/// <c>sourceMappingURL</c> comment whose <c>data:</c> URL carries <paramref name="Map"/>.
/// </summary>
/// <param name="Code">The code before the comment.</param>
/// <param name="Map">The map, encoded into the URL.</param>
/// <param name="Header">What comes between <c>data:</c> and the payload, e.g. <c>application/json;charset=utf-8;base64,</c>.</param>
/// <param name="Css">Whether the comment is written <c>/*# ... */</c>, as in a stylesheet.</param>
public sealed record ScriptNode(string Code, FuzzNode Map, string Header = "application/json;charset=utf-8;base64,", bool Css = false) : FuzzNode
{
    /// <inheritdoc />
    public override FuzzShape Shape => FuzzShape.Script;

    /// <inheritdoc />
    public override IReadOnlyList<FuzzNode> Children => [Map];

    /// <inheritdoc />
    public override FuzzNode WithChild(int index, FuzzNode child) => this with { Map = child };

    /// <inheritdoc />
    public override byte[] Render()
    {
        var map = Map.Render();
        var payload = Header.EndsWith("base64,", StringComparison.Ordinal)
            ? Convert.ToBase64String(map)
            : Uri.EscapeDataString(Encoding.UTF8.GetString(map));
        var comment = Css
            ? $"/*# sourceMappingURL=data:{Header}{payload} */\n"
            : $"//# sourceMappingURL=data:{Header}{payload}\n";
        return Encoding.UTF8.GetBytes(Code + comment);
    }
}
