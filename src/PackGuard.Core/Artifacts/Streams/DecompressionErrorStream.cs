namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Sits on a decompressor's output and names its errors. On data that does not inflate, .NET's
/// inflater says "The archive entry was compressed using an unsupported compression method",
/// whatever the damage; and a reader above the decompressor (TarReader) would be blamed for an
/// error it only passed on. The error becomes a <see cref="CorruptDataException"/> that says what
/// is corrupt and that the walker reports as it is.
/// </summary>
internal sealed class DecompressionErrorStream(Stream inner, string what) : ReadOnlyStream
{
    private const string InflaterMessage = "The archive entry was compressed using an unsupported compression method";

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            var message = e.Message.Trim().TrimEnd('.');
            var detail = message.StartsWith(InflaterMessage, StringComparison.Ordinal) || message.Length == 0
                ? "the deflate data does not decode"
                : char.ToLowerInvariant(message[0]) + message[1..];
            throw new CorruptDataException($"{what} is corrupt: {detail}", e);
        }
    }
}

/// <summary>Compressed data that does not decode; <see cref="Exception.Message"/> is the whole problem.</summary>
internal sealed class CorruptDataException(string problem, Exception inner) : IOException(problem, inner);
