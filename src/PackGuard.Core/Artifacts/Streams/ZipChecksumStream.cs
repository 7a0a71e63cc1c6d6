namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Checks a zip entry's content against the CRC-32 its headers record, once the content has been
/// read to its end. .NET's zip reader trusts the declared uncompressed size and stops inflating
/// there: an entry that declares 16 bytes over a 1 MiB deflate stream yields 16 bytes, silently,
/// while tools that inflate the whole stream extract (and run) the rest. The checksum was computed
/// over the content the archive really holds, so it no longer matches what was read; the mismatch
/// is damage, as a short tar or gzip read is, and never a quiet success.
/// </summary>
internal sealed class ZipChecksumStream(Stream inner, uint recordedCrc) : ReadOnlyStream
{
    private uint _state = Crc32.Initial;
    private bool _verified;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
        {
            _state = Crc32.Append(_state, buffer[..read]);
        }
        else if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            var computed = Crc32.Finish(_state);
            if (computed != recordedCrc)
                throw new InvalidDataException(
                    $"the entry's content does not match the CRC-32 its headers record (0x{recordedCrc:x8}; the content read gives 0x{computed:x8}): its size or data was altered");
        }
        return read;
    }
}
