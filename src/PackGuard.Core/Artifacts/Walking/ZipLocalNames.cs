using System.Buffers.Binary;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Compares each entry's name in the zip's central directory with the name in its local header.
/// Extractors that read the central directory (unzip, .NET, pip) and those that stream local
/// headers (Java's <c>ZipInputStream</c>, streaming installers) then unpack different files: a way
/// to show a reviewer one file and install another. .NET exposes no local header offsets, so the
/// central directory is read here a second time, bounded, and anything unusual (zip64 without its
/// extra field, a directory larger than <see cref="MaxDirectoryBytes"/>) is left to the BCL reader.
/// </summary>
internal static class ZipLocalNames
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;
    private const int EndLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;
    private const int MaxDirectoryBytes = 64 * 1024 * 1024;

    /// <summary>Entries (in central-directory order) whose local header names another file.</summary>
    public static IReadOnlyList<(string Central, string Local)> Mismatches(Stream seekable, long length)
    {
        var found = new List<(string, string)>();
        if (FindDirectory(seekable, length) is not { } directory)
            return found;
        var bytes = new byte[directory.Size];
        seekable.Position = directory.Offset;
        if (seekable.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
            return found;
        Span<byte> local = stackalloc byte[30];
        var position = 0;
        while (position + 46 <= bytes.Length && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position)) == CentralSignature)
        {
            var header = bytes.AsSpan(position);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            var end = position + 46 + nameLength + extraLength + commentLength;
            if (end > bytes.Length)
                break;
            var name = header.Slice(46, nameLength);
            var offset = LocalHeaderOffset(header, name.Length, extraLength);
            if (offset is { } at && at + 30 <= length)
            {
                seekable.Position = at;
                if (seekable.ReadAtLeast(local, 30, throwOnEndOfStream: false) == 30 &&
                    BinaryPrimitives.ReadUInt32LittleEndian(local) == LocalSignature)
                {
                    int localNameLength = BinaryPrimitives.ReadUInt16LittleEndian(local[26..]);
                    var localName = new byte[localNameLength];
                    if (seekable.ReadAtLeast(localName, localNameLength, throwOnEndOfStream: false) == localNameLength &&
                        !name.SequenceEqual(localName))
                        found.Add((Decode(name), Decode(localName)));
                }
            }
            position = end;
        }
        return found;
    }

    private static string Decode(ReadOnlySpan<byte> name) => System.Text.Encoding.UTF8.GetString(name);

    /// <summary>The local header offset, from the zip64 extra field when the 32-bit one is saturated.</summary>
    private static long? LocalHeaderOffset(ReadOnlySpan<byte> header, int nameLength, int extraLength)
    {
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
        if (offset != uint.MaxValue)
            return offset;
        var extra = header.Slice(46 + nameLength, extraLength);
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
                return null;
            if (id == 1)
            {
                // Zip64 fields appear only for the 32-bit fields that are saturated, in this order.
                var field = extra.Slice(4, size);
                var skip = (BinaryPrimitives.ReadUInt32LittleEndian(header[24..]) == uint.MaxValue ? 8 : 0)
                    + (BinaryPrimitives.ReadUInt32LittleEndian(header[20..]) == uint.MaxValue ? 8 : 0);
                return field.Length >= skip + 8 ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(field[skip..]), long.MaxValue) : null;
            }
            extra = extra[(4 + size)..];
        }
        return null;
    }

    private static (long Offset, int Size)? FindDirectory(Stream seekable, long length)
    {
        if (length < EndLength)
            return null;
        var tailLength = (int)Math.Min(length, EndLength + MaxCommentLength);
        var tail = new byte[tailLength];
        seekable.Position = length - tailLength;
        if (seekable.ReadAtLeast(tail, tailLength, throwOnEndOfStream: false) < tailLength)
            return null;
        for (var i = tailLength - EndLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndSignature)
                continue;
            long size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 12));
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 16));
            if ((size == uint.MaxValue || offset == uint.MaxValue) && i >= 20 &&
                BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i - 20)) == Zip64LocatorSignature)
            {
                var zip64End = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(i - 12)), long.MaxValue);
                Span<byte> record = stackalloc byte[56];
                if (zip64End > length - 56)
                    return null;
                seekable.Position = zip64End;
                if (seekable.ReadAtLeast(record, 56, throwOnEndOfStream: false) < 56 ||
                    BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature)
                    return null;
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record[40..]), long.MaxValue);
                offset = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record[48..]), long.MaxValue);
            }
            return size is > 0 and <= MaxDirectoryBytes && offset >= 0 && offset <= length - size
                ? (offset, (int)size)
                : null;
        }
        return null;
    }
}
