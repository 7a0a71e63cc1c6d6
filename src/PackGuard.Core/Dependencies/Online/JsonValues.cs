using System.Globalization;
using System.Text.Json;

namespace PackGuard.Dependencies.Online;

/// <summary>Reads values from registry documents without trusting them to be well formed.</summary>
internal static class JsonValues
{
    // An ISO 8601 time is about 32 bytes; anything much longer is not one.
    private const int MaxTimeBytes = 64;

    /// <summary>The token's text, or <see langword="null"/> when it does not decode (a lone surrogate escape, invalid UTF-8).</summary>
    public static string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The string token as a time, or <see langword="null"/>. A time without an offset is UTC: PyPI's
    /// <c>upload_time</c> is written that way.
    /// </summary>
    public static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > MaxTimeBytes)
            return null;
        return Text(ref reader) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }

    /// <summary>The later of two times, either of which may be unknown.</summary>
    public static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>The earlier of two times, either of which may be unknown.</summary>
    public static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
