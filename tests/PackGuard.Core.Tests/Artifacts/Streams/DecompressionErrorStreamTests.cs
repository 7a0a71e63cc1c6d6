using System.IO.Compression;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Tests.Artifacts.Streams;

public sealed class DecompressionErrorStreamTests
{
    [Fact]
    public void Data_that_does_not_inflate_is_named_for_what_it_is()
    {
        using var inflater = new DeflateStream(new MemoryStream([0xFF, 0xFF, 0xFF, 0xFF]), CompressionMode.Decompress);
        var stream = new DecompressionErrorStream(inflater, "the gzip data");

        Should.Throw<CorruptDataException>(() => stream.ReadByte()).Message.ShouldBe("the gzip data is corrupt: the deflate data does not decode");
    }

    [Fact]
    public void Other_invalid_data_keeps_its_own_words()
    {
        var stream = new DecompressionErrorStream(new Failing(), "the entry's compressed data");

        Should.Throw<CorruptDataException>(() => stream.ReadByte()).Message.ShouldBe("the entry's compressed data is corrupt: the CRC does not match");
    }

    private sealed class Failing : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => throw new InvalidDataException("The CRC does not match.");
    }
}
