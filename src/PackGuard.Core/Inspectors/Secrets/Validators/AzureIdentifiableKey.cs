using System.Buffers.Binary;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks Microsoft's identifiable keys (Azure Storage, Cosmos DB, Service Bus, Functions and
/// the other kinds in <see cref="AzureKeyKinds"/>): the signature sits right before the last six
/// encoded characters, and the last four decoded bytes are the Marvin32 checksum of the rest.
/// </summary>
/// <remarks>
/// Layout, in bits of the decoded key (base64 character i carries bits 6i to 6i+5): the 24
/// signature bits end 36 bits before the end of the encoded text, the final 32 bits are the
/// checksum, and any bits between the two are zero. That keeps the signature on a character
/// boundary whatever the key length.
/// </remarks>
internal sealed class AzureIdentifiableKey : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new AzureIdentifiableKey();

    private const int SignatureLength = 4;
    private const int ChecksumChars = 6;
    private const int ChecksumBytes = 4;

    private AzureIdentifiableKey()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    /// <summary>
    /// Builds a key of <paramref name="kind"/> from random bytes: the signature and checksum are
    /// written over them. For tests and rule samples, so no key-shaped literal ships.
    /// </summary>
    /// <param name="kind">The kind of key.</param>
    /// <param name="randomBytes">Exactly <see cref="AzureKeyKind.KeyLength"/> bytes.</param>
    /// <param name="seedIndex">Which of the kind's seeds to checksum with.</param>
    internal static string Create(AzureKeyKind kind, ReadOnlySpan<byte> randomBytes, int seedIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (randomBytes.Length != kind.KeyLength)
        {
            throw new ArgumentException($"Expected {kind.KeyLength} bytes.", nameof(randomBytes));
        }

        byte[] key = randomBytes.ToArray();
        int signatureBit = SignatureBit(kind);
        for (int i = 0; i < SignatureLength; i++)
        {
            WriteBits(key, signatureBit + 6 * i, 6, Base64Text.ValueOf(kind.Signature[i]));
        }

        int gapBit = signatureBit + 6 * SignatureLength;
        WriteBits(key, gapBit, GapBits(kind), 0);

        uint checksum = Marvin32.Compute(key.AsSpan(0, kind.KeyLength - ChecksumBytes), kind.Seeds[seedIndex].Value);
        BinaryPrimitives.WriteUInt32LittleEndian(key.AsSpan(kind.KeyLength - ChecksumBytes), checksum);

        string text = Convert.ToBase64String(key);
        return kind.UrlSafe ? text.Replace('+', '-').Replace('/', '_') : text;
    }

    private static Validation Check(string secret)
    {
        if (secret.Length > 256)
        {
            return Validation.NotChecked;
        }

        ReadOnlySpan<char> body = secret.AsSpan().TrimEnd('=');
        int padding = secret.Length - body.Length;
        foreach (AzureKeyKind kind in AzureKeyKinds.All)
        {
            if (body.Length != kind.UnpaddedLength
                || (padding != 0 && padding != kind.PaddedLength - kind.UnpaddedLength)
                || !body.Slice(body.Length - ChecksumChars - SignatureLength, SignatureLength).SequenceEqual(kind.Signature))
            {
                continue;
            }

            return CheckKind(kind, body);
        }

        return Validation.NotChecked;
    }

    private static Validation CheckKind(AzureKeyKind kind, ReadOnlySpan<char> body)
    {
        foreach (char c in body)
        {
            if (kind.UrlSafe ? !Base64Text.IsUrlSafeChar(c) : !Base64Text.IsStandardChar(c))
            {
                return Validation.Invalid($"{kind.Name} shape, but not in its alphabet");
            }
        }

        // The URL-safe decoder also restores missing padding; standard keys get theirs back here.
        bool decoded = kind.UrlSafe
            ? Base64Text.TryDecode(body, urlSafe: true, out byte[] key)
            : Base64Text.TryDecode(string.Concat(body, new string('=', kind.PaddedLength - kind.UnpaddedLength)), out key);
        if (!decoded || key.Length != kind.KeyLength)
        {
            return Validation.Invalid($"{kind.Name} shape, but does not decode");
        }

        // Decoders ignore the unused low bits of the last character; a real key has them zero.
        string canonical = Convert.ToBase64String(key).TrimEnd('=');
        if (kind.UrlSafe)
        {
            canonical = canonical.Replace('+', '-').Replace('/', '_');
        }

        if (!body.SequenceEqual(canonical))
        {
            return Validation.Invalid($"{kind.Name} shape, but not canonically encoded");
        }

        if (ReadBits(key, SignatureBit(kind) + 6 * SignatureLength, GapBits(kind)) != 0)
        {
            return Validation.Invalid($"{kind.Name} shape, checksum invalid");
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(key.AsSpan(kind.KeyLength - ChecksumBytes));
        foreach (AzureKeySeed seed in kind.Seeds)
        {
            if (Marvin32.Compute(key.AsSpan(0, kind.KeyLength - ChecksumBytes), seed.Value) == stored)
            {
                string role = seed.Role is null ? "" : $" ({seed.Role})";
                return Validation.Valid($"{kind.Name}{role}, checksum valid");
            }
        }

        return Validation.Invalid($"{kind.Name} shape, checksum invalid");
    }

    // The first bit of the signature: 60 bits (10 characters) before the end of the encoded text.
    private static int SignatureBit(AzureKeyKind kind) => 6 * kind.UnpaddedLength - 6 * (SignatureLength + ChecksumChars);

    // Bits between the signature and the checksum (0, 2 or 4 depending on the key length).
    private static int GapBits(AzureKeyKind kind) => (8 * kind.KeyLength - 8 * ChecksumBytes) - (SignatureBit(kind) + 6 * SignatureLength);

    private static void WriteBits(byte[] data, int firstBit, int count, int value)
    {
        for (int i = 0; i < count; i++)
        {
            int bit = firstBit + i;
            int mask = 0x80 >> (bit % 8);
            bool set = ((value >> (count - 1 - i)) & 1) != 0;
            data[bit / 8] = (byte)(set ? data[bit / 8] | mask : data[bit / 8] & ~mask);
        }
    }

    private static int ReadBits(byte[] data, int firstBit, int count)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            int bit = firstBit + i;
            value = (value << 1) | ((data[bit / 8] >> (7 - bit % 8)) & 1);
        }

        return value;
    }
}
