namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// CRC-32 as in IEEE 802.3, zip and PNG (reflected polynomial 0xEDB88320, initial value and
/// final XOR 0xFFFFFFFF). GitHub and npm tokens carry one over their random part.
/// </summary>
internal static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The CRC-32 of ASCII text, one byte per character (callers check it is ASCII).</summary>
    public static uint ComputeAscii(ReadOnlySpan<char> text)
    {
        uint crc = 0xFFFFFFFF;
        foreach (char c in text)
        {
            crc = Table[(crc ^ (byte)c) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
