using System.Buffers.Binary;
using System.Text;

namespace PackGuard.Tests.Support;

/// <summary>
/// Rewrites fields of a well-formed zip in place (APPNOTE 4.3), so that a test can make one
/// record lie while the rest stays valid. Entries are numbered in central-directory order. The
/// zip must be small (no zip64) and its entries written with sizes in their local headers, as
/// <c>ZipArchive</c> does on a seekable stream.
/// </summary>
public sealed class ZipPatch
{
    private const uint EndSignature = 0x06054b50;
    private const uint CentralSignature = 0x02014b50;

    private readonly byte[] _zip;
    private readonly int _end;
    private readonly List<int> _central = [];

    public ZipPatch(byte[] zip)
    {
        _zip = zip;
        _end = zip.Length - 22;
        while (_end >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(_end)) != EndSignature)
            _end--;
        if (_end < 0)
            throw new ArgumentException("no end of central directory record", nameof(zip));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(_end + 16));
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)) == CentralSignature)
        {
            _central.Add(offset);
            offset += 46 + U16(offset + 28) + U16(offset + 30) + U16(offset + 32);
        }
    }

    public int LocalHeaderOffset(int entry) => (int)BinaryPrimitives.ReadUInt32LittleEndian(_zip.AsSpan(_central[entry] + 42));

    /// <summary>Sets the uncompressed size in the entry's central record and local header.</summary>
    public void SetUncompressedSize(int entry, uint size)
    {
        U32(_central[entry] + 24, size);
        U32(LocalHeaderOffset(entry) + 22, size);
    }

    /// <summary>Sets the compressed size in the entry's central record and local header.</summary>
    public void SetCompressedSize(int entry, uint size)
    {
        U32(_central[entry] + 20, size);
        U32(LocalHeaderOffset(entry) + 18, size);
    }

    public void SetLocalHeaderOffset(int entry, int offset) => U32(_central[entry] + 42, (uint)offset);

    public void SetCentralDirectoryOffset(uint offset) => U32(_end + 16, offset);

    /// <summary>Sets both entry counts of the end record.</summary>
    public void SetEntryCount(ushort count)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_zip.AsSpan(_end + 8), count);
        BinaryPrimitives.WriteUInt16LittleEndian(_zip.AsSpan(_end + 10), count);
    }

    /// <summary>Renames the entry in its local header only; the new name must be as long as the old.</summary>
    public void SetLocalName(int entry, string name)
    {
        var local = LocalHeaderOffset(entry);
        var bytes = Encoding.UTF8.GetBytes(name);
        if (bytes.Length != BinaryPrimitives.ReadUInt16LittleEndian(_zip.AsSpan(local + 26)))
            throw new ArgumentException("the new name must keep the length of the old one", nameof(name));
        bytes.CopyTo(_zip, local + 30);
    }

    private int U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_zip.AsSpan(offset));

    private void U32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_zip.AsSpan(offset), value);
}
