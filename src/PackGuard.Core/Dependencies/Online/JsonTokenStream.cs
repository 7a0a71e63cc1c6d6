using System.Buffers;
using System.Text.Json;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// Reads a JSON document from a stream token by token. Registry documents run to tens of
/// megabytes (a popular npm package's full packument) while a look-up needs a few dates from
/// them, so nothing is built: the buffer holds one chunk, growing only to fit a single long token.
/// </summary>
internal static class JsonTokenStream
{
    private const int ChunkBytes = 64 * 1024;

    /// <exception cref="JsonException">The document is not valid JSON (or the visitor rejects its shape).</exception>
    /// <exception cref="InvalidDataException">The document or one of its tokens is longer than <paramref name="limits"/> allow.</exception>
    public static async Task ReadAsync(Stream stream, IJsonTokenVisitor visitor, LookupLimits limits, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = limits.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        var filled = 0;
        long total = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                    buffer = Grow(buffer, limits);
                // Fill the buffer before parsing: a token cut off by a short read is parsed again from
                // its start, so parsing after every trickle of bytes would be quadratic in its length.
                var final = false;
                while (filled < buffer.Length && !final)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                    total += read;
                    filled += read;
                    final = read == 0;
                }
                if (total > limits.MaxDocumentBytes)
                    throw new InvalidDataException($"the document is larger than {limits.MaxDocumentBytes / (1024 * 1024)} MiB");
                var consumed = Consume(buffer.AsSpan(0, filled), final, ref state, visitor);
                if (final)
                    return;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Utf8JsonReader is a ref struct and cannot live across an await, so each chunk is read here.
    private static int Consume(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, IJsonTokenVisitor visitor)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (reader.Read())
            visitor.Visit(ref reader);
        state = reader.CurrentState;
        return checked((int)reader.BytesConsumed);
    }

    private static byte[] Grow(byte[] buffer, LookupLimits limits)
    {
        if (buffer.Length >= limits.MaxTokenBytes)
            throw new InvalidDataException($"a single value in the document is longer than {limits.MaxTokenBytes / (1024 * 1024)} MiB");
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limits.MaxTokenBytes));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
