using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks Microsoft's Common Annotated Security Keys (CASK), the format newer Azure services
/// (Azure OpenAI, AI services, Web PubSub and others) hand out: 84 base62 characters, or 88
/// with two more and "==", with the signature <c>JQQJ99</c> (or <c>JQQJ9D</c> for derived keys)
/// at offset 52.
/// </summary>
/// <remarks>
/// The first 80 characters decode to 60 bytes; their Marvin32 checksum, seeded with the ASCII
/// bytes of "Default0" read as a big-endian number, is stored little-endian after them. The long
/// form keeps all four checksum bytes; the short form keeps the first three (the last 4
/// characters), or, in the form Azure DevOps tokens use, the first 4 base62 digits (0-9A-Za-z) of
/// the four little-endian checksum bytes read as one big-endian number. Characters 58 and 59
/// encode the year (since 2024) and month the key was issued.
/// </remarks>
internal sealed class CommonAnnotatedSecurityKey : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new CommonAnnotatedSecurityKey();

    private const string Name = "Azure Common Annotated Security Key";
    private const string Signature = "JQQJ99";
    private const string DerivedSignature = "JQQJ9D";
    private const int SignatureOffset = 52;
    private const int ShortLength = 84;
    private const int LongLength = 88;
    private const int ChecksummedChars = 80;

    private static readonly SearchValues<char> Base62Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>The checksum seed, "Default0" as a big-endian number.</summary>
    internal static readonly ulong Seed = BinaryPrimitives.ReadUInt64BigEndian(Encoding.ASCII.GetBytes("Default0"));

    private CommonAnnotatedSecurityKey()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    /// <summary>
    /// Builds a CASK key from random bytes, for tests and rule samples. Like Microsoft's generator
    /// it avoids '+' and '/' in the checksum characters (they must stay base62), by varying the
    /// last random character.
    /// </summary>
    /// <param name="randomBytes">At least 52 bytes; each picks one random character.</param>
    /// <param name="issued">The year (2024 or later) and month the key claims to be issued.</param>
    /// <param name="longForm">Whether to build the 88-character form.</param>
    internal static string Create(ReadOnlySpan<byte> randomBytes, DateOnly issued, bool longForm = false)
    {
        const string base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        if (randomBytes.Length < SignatureOffset || issued.Year < 2024 || issued.Year > 2024 + 61)
        {
            throw new ArgumentException("Expected at least 52 random bytes and a year from 2024.", nameof(randomBytes));
        }

        var prefix = new StringBuilder(ChecksummedChars);
        foreach (byte b in randomBytes[..SignatureOffset])
        {
            prefix.Append(base62[b % 62]);
        }

        prefix.Append(Signature)
            .Append(base62[issued.Year - 2024]).Append((char)('A' + issued.Month - 1))
            .Append('A', 12)        // platform-reserved
            .Append('A', 4)         // provider-reserved
            .Append("TEST");        // provider signature
        for (int attempt = 0; attempt < 62; attempt++)
        {
            prefix[SignatureOffset - 1] = base62[(randomBytes[SignatureOffset - 1] + attempt) % 62];
            string key = Build(prefix.ToString(), longForm);
            if (!key.AsSpan(0, longForm ? 86 : ShortLength).ContainsAny('+', '/'))
            {
                return key;
            }
        }

        throw new InvalidOperationException("No base62 checksum found.");
    }

    private static string Build(string prefix, bool longForm)
    {
        byte[] bytes = new byte[64];
        Convert.FromBase64String(prefix).CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(60), Marvin32.Compute(bytes.AsSpan(0, 60), Seed));
        string full = Convert.ToBase64String(bytes);
        return longForm ? full : full[..ShortLength];
    }

    private static Validation Check(string secret)
    {
        if (secret.Length is not (ShortLength or LongLength)
            || !secret.AsSpan(SignatureOffset, 5).SequenceEqual(Signature.AsSpan(0, 5)))
        {
            return Validation.NotChecked;
        }

        bool derived = secret.AsSpan(SignatureOffset).StartsWith(DerivedSignature);
        if (!derived && !secret.AsSpan(SignatureOffset).StartsWith(Signature))
        {
            return Validation.NotChecked;
        }

        ReadOnlySpan<char> text = secret.AsSpan(0, ShortLength);
        bool base62 = !text.ContainsAnyExcept(Base62Chars);
        bool tail = secret.Length == ShortLength
            || (!secret.AsSpan(ShortLength, 2).ContainsAnyExcept(Base62Chars) && secret.EndsWith("==", StringComparison.Ordinal));
        if (!base62 || !tail)
        {
            return Validation.Invalid($"{Name} shape, but not base62");
        }

        byte[] checksummed = Convert.FromBase64String(secret[..ChecksummedChars]);
        uint checksum = Marvin32.Compute(checksummed, Seed);
        Span<byte> checksumBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(checksumBytes, checksum);

        bool matches = secret.Length == ShortLength
            ? ShortChecksumMatches(checksumBytes, secret.AsSpan(ChecksummedChars))
            : LongChecksumMatches(secret, checksumBytes);
        if (matches)
        {
            string kind = derived ? $"{Name} (derived)" : Name;
            return Validation.Valid($"{kind}, checksum valid{Issued(secret)}");
        }

        // Derived keys have been described with a base62-encoded checksum too; do not call a
        // derived key fake on the strength of the base64 form alone.
        return derived
            ? Validation.NotChecked with { Detail = $"{Name} (derived), checksum form not recognised" }
            : Validation.Invalid($"{Name} shape, checksum invalid");
    }

    private static bool LongChecksumMatches(string secret, ReadOnlySpan<byte> checksumBytes)
    {
        byte[] bytes = Convert.FromBase64String(secret);

        // Decoders ignore the unused low bits of the last character; a real key has them zero.
        return bytes.AsSpan(60).SequenceEqual(checksumBytes) && Convert.ToBase64String(bytes) == secret;
    }

    private static bool ShortChecksumMatches(ReadOnlySpan<byte> checksumBytes, ReadOnlySpan<char> stored)
    {
        if (Convert.ToBase64String(checksumBytes[..3]).AsSpan().SequenceEqual(stored))
        {
            return true;
        }

        // The base62 form: whether the encoder pads to six digits is not documented, so accept
        // the leading digits of either.
        string digits = Base62Checksum.Encode(BinaryPrimitives.ReadUInt32BigEndian(checksumBytes));
        ReadOnlySpan<char> unpadded = digits.AsSpan().TrimStart('0');
        return digits.AsSpan(0, 4).SequenceEqual(stored)
            || (unpadded.Length >= 4 && unpadded[..4].SequenceEqual(stored));
    }

    private static string Issued(string secret)
    {
        int year = Base64Text.ValueOf(secret[58]);
        int month = secret[59] - 'A' + 1;
        return month is >= 1 and <= 12 ? $", issued {2024 + year:D4}-{month:D2}" : "";
    }
}
