namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// The CRC-24 of OpenPGP ASCII armor (RFC 4880 section 6.1): polynomial 0x864CFB, initial
/// value 0xB704CE, not reflected. The armor's "=XXXX" line is this value, base64-encoded.
/// </summary>
internal static class Crc24
{
    private const uint Initial = 0xB704CE;
    private const uint Polynomial = 0x1864CFB;

    /// <summary>The 24-bit checksum of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = Initial;
        foreach (byte b in data)
        {
            crc ^= (uint)b << 16;
            for (int i = 0; i < 8; i++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0)
                {
                    crc ^= Polynomial;
                }
            }
        }

        return crc & 0xFFFFFF;
    }
}
