namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Names SSH public keys from their wire blobs (shared by the OpenSSH and PuTTY validators), and
/// knows how many fields each key type's private part has before its comment.
/// </summary>
internal static class SshKeyTypes
{
    private static readonly Dictionary<string, string> Curves = new(StringComparer.Ordinal)
    {
        ["nistp256"] = "P-256",
        ["nistp384"] = "P-384",
        ["nistp521"] = "P-521",
    };

    /// <summary>
    /// Reads a public key blob and returns its key type (as written) and a description ("RSA
    /// 2048-bit"). Descriptions are capitalised ("Ed25519") so they do not repeat the lower-case
    /// type names and default comments ("ed25519-key-20240101") found in key files.
    /// </summary>
    public static (string Type, string Description) Describe(ReadOnlySpan<byte> blob)
    {
        var reader = new SshWireReader(blob);
        string type = reader.ReadAscii();
        string description;
        switch (type)
        {
            case "ssh-rsa":
                reader.ReadMpint();
                description = $"RSA {reader.ReadMpint().GetBitLength()}-bit";
                break;
            case "ssh-dss":
                description = $"DSA {reader.ReadMpint().GetBitLength()}-bit";
                reader.ReadMpint();
                reader.ReadMpint();
                reader.ReadMpint();
                break;
            case "ssh-ed25519":
                description = FixedKey(reader.ReadString(), 32, "Ed25519");
                break;
            case "ssh-ed448":
                description = FixedKey(reader.ReadString(), 57, "Ed448");
                break;
            case "sk-ssh-ed25519@openssh.com":
                description = FixedKey(reader.ReadString(), 32, "Ed25519 security-key");
                reader.ReadString();
                break;
            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
                description = $"ECDSA {Curve(reader.ReadAscii(), type)}";
                reader.ReadString();
                break;
            case "sk-ecdsa-sha2-nistp256@openssh.com":
                description = $"ECDSA {Curve(reader.ReadAscii(), "ecdsa-sha2-nistp256")} security-key";
                reader.ReadString();
                reader.ReadString();
                break;
            default:
                return (type, "key of an unrecognised type");
        }

        if (reader.Remaining != 0)
        {
            throw new KeyFormatException("public key with trailing data");
        }

        return (type, description);
    }

    /// <summary>
    /// Skips the private fields of a key of <paramref name="type"/> in an OpenSSH private section,
    /// up to its comment. Returns false for types it does not know.
    /// </summary>
    public static bool SkipPrivateFields(ref SshWireReader reader, string type)
    {
        int strings = type switch
        {
            "ssh-ed25519" or "ssh-ed448" => 2,
            "ssh-rsa" => 6,
            "ssh-dss" => 5,
            "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" => 3,
            "sk-ssh-ed25519@openssh.com" => 2,
            "sk-ecdsa-sha2-nistp256@openssh.com" => 3,
            _ => -1,
        };
        if (strings < 0)
        {
            return false;
        }

        for (int i = 0; i < strings; i++)
        {
            reader.ReadString();
        }

        if (type.StartsWith("sk-", StringComparison.Ordinal))
        {
            reader.ReadByte();                  // flags
            reader.ReadString();                // key handle
            reader.ReadString();                // reserved
        }

        return true;
    }

    private static string FixedKey(ReadOnlySpan<byte> key, int length, string name) =>
        key.Length == length ? name : throw new KeyFormatException($"{name} key of the wrong length");

    private static string Curve(string curve, string type) =>
        Curves.TryGetValue(curve, out string? name) && type.EndsWith(curve, StringComparison.Ordinal)
            ? name
            : throw new KeyFormatException("ECDSA key whose curve does not match its type");
}
