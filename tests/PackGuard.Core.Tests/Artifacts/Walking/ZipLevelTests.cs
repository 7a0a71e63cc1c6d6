using System.Buffers.Binary;
using System.Text;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Walking;

public sealed class ZipLevelTests
{
    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(0x7FFF_FFFF_FFFF_FFF0)]
    [InlineData(1L << 40)]
    public void An_entry_that_claims_more_compressed_bytes_than_the_archive_holds_is_unreadable_and_says_so(long compressed)
    {
        // Found by the fuzzer (a wheel whose METADATA entry got a zip64 extra field): the BCL's
        // zip reader overflowed computing where the entry ends and failed with "offset and length
        // were out of bounds for the array", which names no problem in the archive.
        var zip = WithZip64Sizes(TestArchive.Zip([TestFile.Text("a.txt", "alpha"), TestFile.Text("b.txt", "beta")]), uncompressed: 5, compressed);

        var error = Walk.Unreadable(zip, "liar.whl");

        error.EntryPath.ShouldBe("a.txt");
        error.Problem.ShouldBe($"the entry declares {compressed} compressed bytes, more than the {zip.Length} bytes of the whole archive");
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void An_entry_with_a_negative_compressed_size_is_unreadable_and_says_so(long compressed)
    {
        // Found by the fuzzer's long run: the BCL reader takes a zip64 size of -1 as it is and
        // fails with "offset and length were out of bounds for the array" when the entry is read.
        var zip = WithZip64Sizes(TestArchive.Zip([TestFile.Text("a.txt", "alpha")]), uncompressed: 5, compressed);

        var error = Walk.Unreadable(zip, "negative.jar");

        error.EntryPath.ShouldBe("a.txt");
        error.Problem.ShouldBe($"the entry declares a negative compressed size ({compressed})");
    }

    [Fact]
    public void An_entry_whose_deflate_data_does_not_decode_says_so()
    {
        // The inflater says "the archive entry was compressed using an unsupported compression
        // method" for any damage; the entry's method (deflate) is supported, its data is corrupt.
        var zip = TestArchive.Zip([new TestFile("a.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5_000).Select(i => $"line {i * 7919 % 10007}\n"))))]);
        var data = 30 + "a.txt".Length;
        for (var i = data + 100; i < data + 164; i++)
            zip[i] ^= 0xA5;

        var error = Walk.Unreadable(zip, "damaged.zip");

        error.EntryPath.ShouldBe("a.txt");
        error.Problem.ShouldBe("the entry's compressed data is corrupt: the deflate data does not decode");
    }

    /// <summary>Gives the first central directory entry a zip64 extra field with these sizes, as zip64 writers do.</summary>
    private static byte[] WithZip64Sizes(byte[] zip, long uncompressed, long compressed)
    {
        var central = zip.AsSpan().IndexOf("PK\u0001\u0002"u8);
        var end = zip.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 28));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 30));
        var extra = new byte[20];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), 16);
        BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(4), uncompressed);
        BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(12), compressed);
        var at = central + 46 + nameLength + extraLength;
        byte[] result = [.. zip.AsSpan(0, at), .. extra, .. zip.AsSpan(at)];
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(central + 30), (ushort)(extraLength + extra.Length));
        result.AsSpan(central + 20, 8).Fill(0xFF); // both 32-bit sizes say "see the zip64 field"
        var cdSize = BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(end + extra.Length + 12));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(end + extra.Length + 12), cdSize + (uint)extra.Length);
        return result;
    }
}
