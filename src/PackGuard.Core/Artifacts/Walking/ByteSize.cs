using System.Globalization;

namespace PackGuard.Artifacts.Walking;

/// <summary>Byte counts as people read them in finding messages.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    /// <summary><c>900 bytes</c>, <c>1.5 KiB</c>, <c>512.0 MiB</c>.</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1024)
            return bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }
}
