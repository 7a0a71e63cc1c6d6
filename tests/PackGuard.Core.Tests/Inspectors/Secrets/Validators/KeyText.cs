using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

/// <summary>Builds key files at test time, so no private key ships with the tests.</summary>
internal static class KeyText
{
    /// <summary>A PEM block with 64-character lines and optional RFC 1421 headers.</summary>
    public static string Pem(string label, byte[] body, params string[] headers)
    {
        var text = new StringBuilder($"-----BEGIN {label}-----\n");
        foreach (string header in headers)
        {
            text.Append(header).Append('\n');
        }

        if (headers.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(Lines(Convert.ToBase64String(body), 64));
        return text.Append($"-----END {label}-----\n").ToString();
    }

    /// <summary>Base64 text broken into lines of <paramref name="width"/>, each ending in a line break.</summary>
    public static string Lines(string base64, int width)
    {
        var text = new StringBuilder();
        for (int i = 0; i < base64.Length; i += width)
        {
            text.Append(base64.AsSpan(i, Math.Min(width, base64.Length - i))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>An unencrypted OpenSSH ed25519 key made from random bytes.</summary>
    public static string OpenSshEd25519(out byte[] publicBlob, Action<SshWire>? tamperPrivate = null)
    {
        byte[] publicKey = RandomNumberGenerator.GetBytes(32);
        byte[] seed = RandomNumberGenerator.GetBytes(32);
        publicBlob = new SshWire().String("ssh-ed25519").String(publicKey).ToArray();

        uint check = BinaryPrimitives.ReadUInt32BigEndian(RandomNumberGenerator.GetBytes(4));
        var section = new SshWire().UInt32(check).UInt32(check)
            .String("ssh-ed25519").String(publicKey).String([.. seed, .. publicKey]).String("someone@example");
        tamperPrivate?.Invoke(section);
        return OpenSsh("none", "none", [], publicBlob, section.PadTo(8).ToArray(), []);
    }

    /// <summary>An unencrypted OpenSSH RSA key from a real RSA key.</summary>
    public static string OpenSshRsa(RSAParameters rsa)
    {
        byte[] publicBlob = new SshWire().String("ssh-rsa").Mpint(rsa.Exponent!).Mpint(rsa.Modulus!).ToArray();
        var section = new SshWire().UInt32(7).UInt32(7).String("ssh-rsa")
            .Mpint(rsa.Modulus!).Mpint(rsa.Exponent!).Mpint(rsa.D!).Mpint(rsa.InverseQ!).Mpint(rsa.P!).Mpint(rsa.Q!)
            .String("rsa comment");
        return OpenSsh("none", "none", [], publicBlob, section.PadTo(8).ToArray(), []);
    }

    /// <summary>The openssh-key-v1 structure in its PEM armor.</summary>
    public static string OpenSsh(string cipher, string kdf, byte[] kdfOptions, byte[] publicBlob, byte[] privateSection, byte[] tag)
    {
        byte[] body = new SshWire().Raw("openssh-key-v1\0"u8.ToArray()).String(cipher).String(kdf).String(kdfOptions)
            .UInt32(1).String(publicBlob).String(privateSection).Raw(tag).ToArray();
        return $"-----BEGIN OPENSSH PRIVATE KEY-----\n{Lines(Convert.ToBase64String(body), 70)}-----END OPENSSH PRIVATE KEY-----\n";
    }
}

/// <summary>Writes the SSH wire encoding (RFC 4251).</summary>
internal sealed class SshWire
{
    private readonly List<byte> _bytes = [];

    public SshWire Raw(byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public SshWire Byte(byte value) => Raw([value]);

    public SshWire UInt32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return Raw(bytes);
    }

    public SshWire String(byte[] value) => UInt32((uint)value.Length).Raw(value);

    public SshWire String(string value) => String(Encoding.UTF8.GetBytes(value));

    /// <summary>An mpint from unsigned big-endian bytes (a leading zero added when the top bit is set).</summary>
    public SshWire Mpint(byte[] unsignedBigEndian) =>
        String(new BigInteger(unsignedBigEndian, isUnsigned: true, isBigEndian: true).ToByteArray(isUnsigned: false, isBigEndian: true));

    /// <summary>Appends OpenSSH's padding (1, 2, 3 ...) up to a multiple of <paramref name="block"/>.</summary>
    public SshWire PadTo(int block)
    {
        for (byte i = 1; _bytes.Count % block != 0; i++)
        {
            _bytes.Add(i);
        }

        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
