namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>One Marvin32 seed of an Azure key kind, and the role it marks (null when the kind has one seed).</summary>
/// <param name="Value">The 64-bit seed, an 8-character ASCII tag read big-endian ("Default0").</param>
/// <param name="Role">What keys made with this seed are for ("master read-write").</param>
internal readonly record struct AzureKeySeed(ulong Value, string? Role = null);

/// <summary>
/// A kind of Microsoft "identifiable" key: base64 text whose decoded bytes end with the
/// little-endian Marvin32 checksum of the bytes before it, seeded per kind, and whose encoded
/// text shows a fixed 4-character signature just before the 6 characters of the checksum.
/// </summary>
/// <param name="Name">What to call it in a finding ("Azure Storage account key").</param>
/// <param name="Signature">The 4-character signature (<c>+ASt</c>).</param>
/// <param name="KeyLength">The decoded length in bytes, checksum included.</param>
/// <param name="UrlSafe">Whether the key is written in the URL-safe alphabet ('-' and '_').</param>
/// <param name="Seeds">The seeds that keys of this kind are checksummed with.</param>
internal sealed record AzureKeyKind(string Name, string Signature, int KeyLength, bool UrlSafe, IReadOnlyList<AzureKeySeed> Seeds)
{
    /// <summary>The encoded length without padding.</summary>
    public int UnpaddedLength => (KeyLength * 8 + 5) / 6;

    /// <summary>The encoded length with '=' padding, as the services usually hand keys out.</summary>
    public int PaddedLength => (KeyLength + 2) / 3 * 4;

    /// <summary>The encoded lengths a key of this kind may have: padded, and unpadded.</summary>
    public IReadOnlyList<int> EncodedLengths => PaddedLength == UnpaddedLength ? [PaddedLength] : [PaddedLength, UnpaddedLength];
}
