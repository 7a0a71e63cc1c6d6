using System.Buffers.Binary;
using System.IO.Compression;

namespace PackGuard.Inspectors.DebugSymbols.Pe;

/// <summary>
/// The data of an EmbeddedPortablePdb debug directory entry: "MPDB", the PDB's size (32 bits),
/// then the PDB deflate-compressed. (The format of <c>PEReader.ReadEmbeddedPortablePdbDebugDirectoryData</c>,
/// read here with a bound on the size an attacker may declare.)
/// </summary>
internal static class EmbeddedPdb
{
    /// <summary>Inflates the PDB; <see langword="null"/> with a reason when it cannot or may not.</summary>
    public static byte[]? Inflate(byte[] data, long maxSize, out string? problem)
    {
        problem = null;
        if (data.Length < 8 || !data.AsSpan().StartsWith("MPDB"u8))
        {
            problem = "its embedded PDB entry does not start with the MPDB signature";
            return null;
        }
        var size = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4));
        if (size <= 0)
        {
            problem = "its embedded PDB declares no size";
            return null;
        }
        if (size > Math.Min(maxSize, Array.MaxLength))
        {
            problem = $"its embedded PDB ({size:N0} bytes) is larger than the symbol size limit and was not read";
            return null;
        }
        // The buffer grows with what really inflates: a declared size reserves nothing.
        using var pdb = new MemoryStream((int)Math.Min(size, (data.Length * 4L) + 4096));
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(data, 8, data.Length - 8, writable: false), CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            int read;
            while (pdb.Length < size && (read = inflater.Read(buffer, 0, (int)Math.Min(buffer.Length, size - pdb.Length))) > 0)
                pdb.Write(buffer, 0, read);
            if (pdb.Length < size)
            {
                problem = "its embedded PDB is shorter than it declares";
                return null;
            }
        }
        catch (InvalidDataException)
        {
            problem = "its embedded PDB does not inflate";
            return null;
        }
        return pdb.Capacity == size ? pdb.GetBuffer() : pdb.ToArray();
    }
}
