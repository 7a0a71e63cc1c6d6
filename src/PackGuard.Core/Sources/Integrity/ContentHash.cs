namespace PackGuard.Sources.Integrity;

/// <summary>A digest and the algorithm that made it.</summary>
internal readonly record struct ContentHash(string Algorithm, byte[] Digest)
{
    /// <summary>Lowercase hex: how the cache names files.</summary>
    public string Hex => Convert.ToHexStringLower(Digest);

    /// <summary>The Subresource Integrity form, <c>sha512-&lt;base64&gt;</c>.</summary>
    public string Sri => Algorithm + "-" + Convert.ToBase64String(Digest);

    /// <summary>A short form for messages: enough to compare by eye, not the whole digest.</summary>
    public string Abbreviated => Sri.Length > 24 ? Sri[..24] + "…" : Sri;

    public bool Equals(ContentHash other) =>
        string.Equals(Algorithm, other.Algorithm, StringComparison.Ordinal) && Digest.AsSpan().SequenceEqual(other.Digest);

    public override int GetHashCode() => HashCode.Combine(Algorithm, Hex);

    public override string ToString() => Sri;
}
