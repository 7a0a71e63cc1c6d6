using System.Globalization;

namespace PackGuard.Policy;

/// <summary>
/// Durations as people write them in options and configuration: a number with a unit
/// (<c>500ms</c>, <c>90s</c>, <c>10m</c> or <c>10min</c>, <c>48h</c>, <c>3d</c>) or a TimeSpan
/// (<c>2.00:00:00</c>). Time budgets and the gate's cooldown share this one syntax.
/// </summary>
public static class DurationText
{
    private static readonly (string Suffix, TimeSpan Unit)[] Units =
    [
        ("min", TimeSpan.FromMinutes(1)), ("ms", TimeSpan.FromMilliseconds(1)),
        ("s", TimeSpan.FromSeconds(1)), ("m", TimeSpan.FromMinutes(1)), ("h", TimeSpan.FromHours(1)), ("d", TimeSpan.FromDays(1)),
    ];

    /// <summary>Parses a non-negative duration; false for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        foreach (var (suffix, unit) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                // A number far too large for a TimeSpan is not a duration either.
                if (!double.TryParse(text.AsSpan(0, text.Length - suffix.Length).Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count)
                    || count * unit.TotalDays > TimeSpan.MaxValue.TotalDays / 2)
                    return false;
                duration = unit * count;
                return true;
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
