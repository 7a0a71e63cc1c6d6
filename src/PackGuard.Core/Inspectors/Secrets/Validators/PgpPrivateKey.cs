using System.Text;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks an ASCII-armored OpenPGP private key block (RFC 4880 section 6): optional headers, a
/// base64 body and a "=XXXX" line holding the CRC-24 of the decoded body. Valid when the checksum
/// matches. Without a checksum line (RFC 9580 makes it optional) the block is not checked, but
/// is still reported as a secret key when its first packet is one.
/// </summary>
internal sealed class PgpPrivateKey : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new PgpPrivateKey();

    private const string Begin = "-----BEGIN PGP PRIVATE KEY BLOCK-----";
    private const string End = "-----END PGP PRIVATE KEY BLOCK-----";
    private const int MaxLength = 256 * 1024;

    private PgpPrivateKey()
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

        if (secret.Contains("\\n", StringComparison.Ordinal))
        {
            secret = secret.Replace("\\r", "", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        }

        int begin = secret.IndexOf(Begin, StringComparison.Ordinal);
        if (begin < 0)
        {
            return Validation.NotChecked;
        }

        int end = secret.IndexOf(End, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            return Validation.Invalid("PGP private key block, truncated (no END line)");
        }

        if (!TryReadArmor(secret[(begin + Begin.Length)..end], out string body, out string? checksum))
        {
            return Validation.Invalid("PGP private key block, malformed armor");
        }

        if (!Base64Text.TryDecode(body, out byte[] data))
        {
            return Validation.Invalid("PGP private key block, body is not base64");
        }

        var packet = PgpSecretKeyPacket.TryDescribe(data);
        string about = packet is { } p ? $" ({p.Algorithm}{(p.Protected ? ", passphrase-protected" : "")})" : "";
        bool weakened = packet is { Protected: true };
        if (checksum is null)
        {
            return packet is null
                ? Validation.Invalid("PGP private key block without a checksum, and no secret key inside")
                : Validation.NotChecked with { Detail = $"PGP private key block{about}, no checksum line", Weakened = weakened };
        }

        if (!Base64Text.TryDecode(checksum, out byte[] crc) || crc.Length != 3)
        {
            return Validation.Invalid("PGP private key block, malformed checksum line");
        }

        uint stored = (uint)(crc[0] << 16 | crc[1] << 8 | crc[2]);
        return stored == Crc24.Compute(data)
            ? Validation.Valid($"PGP private key block{about}, checksum valid") with { Weakened = weakened }
            : Validation.Invalid("PGP private key block, checksum invalid");
    }

    // Headers run up to the first blank line; the checksum is the line starting with '='.
    private static bool TryReadArmor(string armor, out string body, out string? checksum)
    {
        var text = new StringBuilder(armor.Length);
        checksum = null;
        body = "";
        bool inHeaders = true;
        string[] lines = armor.Split('\n');
        foreach (string raw in lines.AsSpan(1))      // the first is the rest of the BEGIN line
        {
            string line = raw.Trim();
            if (inHeaders)
            {
                if (line.Contains(':', StringComparison.Ordinal))
                {
                    continue;
                }

                // A blank line ends the headers; tolerate a block that leaves it out.
                inHeaders = false;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '=')
            {
                if (checksum is not null || line.Length != 5)
                {
                    return false;
                }

                checksum = line[1..];
                continue;
            }

            if (checksum is not null)
            {
                return false;                   // body text after the checksum line
            }

            text.Append(line);
        }

        body = text.ToString();
        return body.Length > 0;
    }
}
