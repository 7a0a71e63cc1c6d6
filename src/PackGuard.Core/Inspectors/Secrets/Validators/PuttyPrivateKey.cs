using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks a PuTTY private key file (format 2 or 3): header lines, the stated number of public and
/// private base64 lines, and the MAC. An unencrypted key's MAC can be recomputed (its key is
/// fixed), so it is verified; an encrypted key's needs the passphrase, so only the structure is
/// checked and the key is reported as weakened.
/// </summary>
internal sealed class PuttyPrivateKey : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new PuttyPrivateKey();

    private const string Header = "PuTTY-User-Key-File-";
    private const int MaxLength = 64 * 1024;
    private const int MaxLines = 1024;

    private static readonly string[] Argon2Fields = ["Key-Derivation", "Argon2-Memory", "Argon2-Passes", "Argon2-Parallelism", "Argon2-Salt"];

    private PuttyPrivateKey()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    private static Validation Check(string secret)
    {
        if (secret.Length > MaxLength)
        {
            return Validation.NotChecked with { Detail = "too large to check" };
        }

        int start = secret.IndexOf(Header, StringComparison.Ordinal);
        if (start < 0)
        {
            return Validation.NotChecked;
        }

        try
        {
            return Parse(new Lines(secret[start..]));
        }
        catch (KeyFormatException e)
        {
            return Validation.Invalid($"PuTTY private key, {e.Message}");
        }
    }

    private static Validation Parse(Lines lines)
    {
        string first = lines.Next();
        int colon = first.IndexOf(':');
        string version = colon > Header.Length ? first[Header.Length..colon] : "";
        if (version is not ("2" or "3"))
        {
            return version == "1"
                ? Validation.NotChecked with { Detail = "PuTTY private key in format 1, not checked" }
                : Validation.Invalid("PuTTY private key with an unknown format");
        }

        string algorithm = first[(colon + 1)..].Trim();
        string encryption = lines.Field("Encryption");
        string comment = lines.Field("Comment", trim: false);
        byte[] publicBlob = lines.Base64Block("Public-Lines");
        bool encrypted = encryption switch
        {
            "none" => false,
            "aes256-cbc" => true,
            _ => throw new KeyFormatException("unknown encryption"),
        };

        if (version == "3" && encrypted)
        {
            foreach (string field in Argon2Fields)
            {
                lines.Field(field);
            }
        }

        byte[] privateBlob = lines.Base64Block("Private-Lines");
        string mac = lines.Field("Private-MAC");
        if (mac.Length != (version == "2" ? 40 : 64) || !IsHex(mac))
        {
            throw new KeyFormatException("malformed MAC");
        }

        (string type, string description) = SshKeyTypes.Describe(publicBlob);
        if (type != algorithm)
        {
            throw new KeyFormatException("header algorithm differs from the public key");
        }

        string name = $"PuTTY {description} private key";
        if (encrypted)
        {
            if (privateBlob.Length == 0 || privateBlob.Length % 16 != 0)
            {
                throw new KeyFormatException("encrypted private part of an impossible length");
            }

            return Validation.Valid($"{name}, encrypted (MAC not checked)") with { Weakened = true };
        }

        byte[] expected = Mac(version, algorithm, encryption, comment, publicBlob, privateBlob);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(mac))
            ? Validation.Valid($"{name}, not encrypted, MAC valid")
            : Validation.Invalid($"{name} shape, MAC invalid");
    }

    /// <summary>
    /// The MAC of an unencrypted key: HMAC over the algorithm, encryption, comment and both blobs
    /// as SSH strings. Format 2 keys it with SHA-1 of a fixed phrase; format 3 with an empty key.
    /// </summary>
    internal static byte[] Mac(string version, string algorithm, string encryption, string comment, byte[] publicBlob, byte[] privateBlob)
    {
        using var data = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (byte[] field in new[] { Encoding.UTF8.GetBytes(algorithm), Encoding.UTF8.GetBytes(encryption), Encoding.UTF8.GetBytes(comment), publicBlob, privateBlob })
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)field.Length);
            data.Write(length);
            data.Write(field);
        }

        return version == "2"
            ? HMACSHA1.HashData(SHA1.HashData("putty-private-key-file-mac-key"u8), data.ToArray())
            : HMACSHA256.HashData(ReadOnlySpan<byte>.Empty, data.ToArray());
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The file's lines, read in order.</summary>
    private sealed class Lines(string text)
    {
        private readonly string[] _lines = text.Split('\n');
        private int _next;

        public string Next() =>
            _next < _lines.Length ? _lines[_next++].TrimEnd('\r') : throw new KeyFormatException("truncated");

        public string Field(string name, bool trim = true)
        {
            string line = Next();
            string prefix = name + ": ";
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new KeyFormatException($"missing {name} line");
            }

            return trim ? line[prefix.Length..].Trim() : line[prefix.Length..];
        }

        public byte[] Base64Block(string name)
        {
            if (!int.TryParse(Field(name), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count is < 1 or > MaxLines)
            {
                throw new KeyFormatException($"impossible {name} count");
            }

            var base64 = new StringBuilder(count * 64);
            for (int i = 0; i < count; i++)
            {
                string line = Next().Trim();
                if (line.Length == 0 || line.Contains(':', StringComparison.Ordinal))
                {
                    throw new KeyFormatException($"fewer lines than {name} says");
                }

                base64.Append(line);
            }

            return Base64Text.TryDecode(base64.ToString(), out byte[] bytes) ? bytes : throw new KeyFormatException("lines are not base64");
        }
    }
}
