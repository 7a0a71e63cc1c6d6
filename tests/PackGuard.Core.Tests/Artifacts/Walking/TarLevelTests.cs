using System.Formats.Tar;
using System.Text;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Walking;

public sealed class TarLevelTests
{
    private const int Block = 512;

    [Fact]
    public void A_header_number_too_large_to_read_is_unreadable_and_says_so()
    {
        // Found by the fuzzer: a header with a stale checksum ends the base-256 repair (see
        // TarHeaderRepairStream), yet TarReader does not check checksums and read on, then failed
        // on a later base-256 gid of 2^33 with "arithmetic operation resulted in an overflow".
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", "alpha"), TestFile.Text("package/b.txt", "beta")], TarEntryFormat.Ustar);
        tar[136] ^= 1; // the first header's mtime, checksum left stale
        var second = 2 * Block;
        tar.AsSpan(second + 116, 8).Clear();
        tar[second + 116] = 0x80; // gid in base-256: 2^33
        tar[second + 116 + 3] = 0x02;
        FixChecksum(tar.AsSpan(second, Block));

        var error = Walk.Unreadable(tar, "overflow.tar");

        error.EntryPath.ShouldBe("package/a.txt");
        error.Problem.ShouldBe("a tar header holds a number too large to read");
    }

    [Fact]
    public void A_header_number_that_is_no_number_is_unreadable_and_says_which_header()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", "alpha"), TestFile.Text("package/b.txt", "beta")], TarEntryFormat.Ustar);
        var second = 2 * Block;
        Encoding.ASCII.GetBytes("99999999999\0").CopyTo(tar, second + 124); // the size, in digits octal has not
        FixChecksum(tar.AsSpan(second, Block));

        var error = Walk.Unreadable(tar, "digits.tar");

        error.EntryPath.ShouldBe("package/a.txt");
        error.Problem.ShouldBe("a tar header is malformed: unable to parse number");
    }

    [Theory]
    [InlineData(TarEntryFormat.Pax, 'x', "ExtendedAttributes")]
    [InlineData(TarEntryFormat.Gnu, 'L', "LongPath")]
    public void A_metadata_header_too_large_for_the_reader_is_unreadable_not_a_crash(TarEntryFormat format, char type, string typeName)
    {
        // Found by the fuzzer: TarReader throws InvalidOperationException (not InvalidDataException)
        // when a pax or GNU long-name header's size field exceeds what it reads, and that escaped
        // the walk as a crash.
        var tar = TestArchive.Tar([TestFile.Text("package/" + new string('n', 120) + ".txt", "alpha")], format);
        tar[156].ShouldBe((byte)type);
        Encoding.ASCII.GetBytes("777777777777").CopyTo(tar, 124);
        FixChecksum(tar.AsSpan(0, Block));

        var error = Walk.Unreadable(tar, "metadata.tar");

        error.Problem.ShouldStartWith($"a tar header is malformed: the value of the size field for the current entry of type '{typeName}' is greater");
    }

    private static void FixChecksum(Span<byte> header)
    {
        var sum = 0;
        for (var i = 0; i < Block; i++)
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..]);
    }
}
