namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>
/// Receives the decoded text of each <c>sourcesContent</c> entry as the map streams past, so that
/// another inspector (secrets) can read original sources without parsing the map again or
/// holding any of it.
/// </summary>
internal interface ISourceContentObserver
{
    /// <summary>A content string starts: the map part (0 for a plain map, then one per index-map section) and the source index within it.</summary>
    void BeginContent(int part, int sourceIndex);

    /// <summary>The next decoded UTF-8 bytes of the current content string.</summary>
    void ContentBytes(ReadOnlySpan<byte> utf8);

    /// <summary>The current content string ended (or the map was cut short inside it).</summary>
    void EndContent();
}
