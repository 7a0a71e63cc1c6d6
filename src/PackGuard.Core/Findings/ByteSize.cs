using System.Globalization;

namespace PackGuard.Findings;

/// <summary>
/// Sizes as people write and read them. Package and file sizes print in decimal units, as npm
/// and the registries print them (59.7 MB); limits, which are set in binary units, print in
/// binary units (512.0 MiB).
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("kB", 1_000), ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("B", 1),
    ];

    /// <summary>Parses a size; decimal units are powers of 1000, binary (KiB, MiB) powers of 1024.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        long factor = 1;
        foreach (var (suffix, unit) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = unit;
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                break;
            }
        }
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
            return false;
        var value = number * factor;
        if (value > long.MaxValue)
            return false;
        bytes = (long)value;
        return true;
    }

    /// <summary>Formats a size in decimal units, as npm and the registries print them (59.7 MB).</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1_000_000_000 => (bytes / 1_000_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
        >= 1_000_000 => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1_000 => (bytes / 1_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    private static readonly string[] BinaryUnits = ["KiB", "MiB", "GiB", "TiB"];

    /// <summary><c>900 bytes</c>, <c>1.5 KiB</c>, <c>512.0 MiB</c>.</summary>
    public static string FormatBinary(long bytes)
    {
        if (bytes < 1024)
            return bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < BinaryUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {BinaryUnits[unit]}");
    }
}
