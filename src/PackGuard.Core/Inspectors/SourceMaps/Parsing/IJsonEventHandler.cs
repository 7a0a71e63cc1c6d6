namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>The three JSON literals.</summary>
internal enum JsonLiteral
{
    True,
    False,
    Null,
}

/// <summary>
/// Receives the events of <see cref="JsonPushTokenizer"/>. String values arrive as decoded UTF-8
/// in pieces (<see cref="OnStringBytes"/> may be called many times per string) so that a
/// multi-megabyte string never has to be held in memory.
/// </summary>
internal interface IJsonEventHandler
{
    void OnStartObject();

    void OnEndObject();

    void OnStartArray();

    void OnEndArray();

    /// <summary>A property name, decoded; <paramref name="truncated"/> when it exceeded the name buffer.</summary>
    void OnPropertyName(ReadOnlySpan<byte> utf8Name, bool truncated);

    void OnStringStart();

    /// <summary>The next decoded UTF-8 bytes of the current string value.</summary>
    void OnStringBytes(ReadOnlySpan<byte> utf8);

    void OnStringEnd();

    /// <summary>A number's text (at most <see cref="JsonPushTokenizer.MaxNumberLength"/> bytes are kept).</summary>
    void OnNumber(ReadOnlySpan<byte> text);

    void OnLiteral(JsonLiteral literal);
}
