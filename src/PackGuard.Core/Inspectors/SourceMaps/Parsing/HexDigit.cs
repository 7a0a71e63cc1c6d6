namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>Hex digits as they appear in <c>\uXXXX</c> escapes and <c>%XX</c> URL escapes.</summary>
internal static class HexDigit
{
    /// <summary>The digit's value, or -1 when the byte is not a hex digit.</summary>
    public static int Value(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
