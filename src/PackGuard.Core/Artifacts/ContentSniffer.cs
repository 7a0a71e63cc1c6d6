namespace PackGuard.Artifacts;

/// <summary>Container formats PackGuard recognises by their first bytes.</summary>
public enum ArchiveFormat
{
    /// <summary>Not a container: a plain file.</summary>
    None,
    Gzip,
    Tar,
    Zip,
    /// <summary>Recognised, but PackGuard cannot open it (bzip2, xz, zstd, 7z, rar).</summary>
    Unsupported,
}

/// <summary>Detects formats by content, never by file name alone.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes the walker reads before deciding what an entry is.</summary>
    public const int HeadSize = 8192;

    /// <summary>Detects the container format of content that starts with <paramref name="head"/>.</summary>
    public static ArchiveFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 0x08)
            return ArchiveFormat.Gzip;
        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' &&
            ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8)))
            return ArchiveFormat.Zip;
        if (IsTar(head))
            return ArchiveFormat.Tar;
        if (head.StartsWith("BZh"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00]) ||
            head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]) ||
            head.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]) ||
            head.StartsWith("Rar!\x1A\x07"u8))
            return ArchiveFormat.Unsupported;
        return ArchiveFormat.None;
    }

    /// <summary>
    /// A tar header is recognised by the "ustar" magic (POSIX and GNU) or, for old v7 archives,
    /// by a header checksum that adds up.
    /// </summary>
    private static bool IsTar(ReadOnlySpan<byte> head)
    {
        if (head.Length < 512)
            return false;
        if (head.Slice(257, 5).SequenceEqual("ustar"u8))
            return true;
        return HasValidChecksum(head[..512]);
    }

    private static bool HasValidChecksum(ReadOnlySpan<byte> header)
    {
        if (header[0] == 0)
            return false;
        var field = header.Slice(148, 8);
        long stored = 0;
        var digits = 0;
        foreach (var b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7') { stored = (stored * 8) + (b - '0'); digits++; }
            else if (b is 0 or (byte)' ') { if (digits > 0) break; }
            else return false;
        }
        if (digits == 0)
            return false;
        long sum = 0;
        for (var i = 0; i < 512; i++)
            sum += i is >= 148 and < 156 ? (byte)' ' : header[i];
        return sum == stored;
    }
}
