using System.Formats.Tar;
using System.Text;
using PackGuard.Artifacts.Streams;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Streams;

public sealed class TarHeaderRepairStreamTests
{
    // Header field offsets (POSIX ustar).
    private const int Uid = 108;
    private const int Gid = 116;
    private const int Mtime = 136;

    [Theory]
    [InlineData(TarEntryFormat.Ustar)]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    [InlineData(TarEntryFormat.V7)]
    public void Archives_without_base256_numbers_pass_through_byte_for_byte(TarEntryFormat format)
    {
        var random = new Random((int)format);
        var files = Enumerable.Range(0, 40).Select(i =>
        {
            var data = new byte[random.Next(0, 3_000)];
            random.NextBytes(data);
            return new TestFile($"package/{new string('d', i % 20 * 4)}/f{i}.bin", data);
        }).ToList();
        var tar = TestArchive.Tar(files, format);

        ReadAll(tar, random).ShouldBe(tar);
    }

    [Fact]
    public void Base256_uid_and_gid_as_node_tar_wrote_them_are_rewritten_and_the_reader_accepts_them()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/package.json", "{}"), TestFile.Text("package/index.js", "x")], TarEntryFormat.Pax);
        var damaged = (byte[])tar.Clone();
        var headers = HeaderOffsets(tar).ToList();
        foreach (var header in headers)
        {
            WriteBase256(damaged.AsSpan(header + Uid, 8), 761_297_341);
            WriteBase256(damaged.AsSpan(header + Gid, 8), 3_228_553_005); // above int.MaxValue
            FixChecksum(damaged.AsSpan(header, 512));
        }
        Should.Throw<OverflowException>(() => Entries(new MemoryStream(damaged)));

        var repaired = ReadAll(damaged, new Random(3));

        Entries(new MemoryStream(repaired)).ShouldBe([("package/package.json", "{}"), ("package/index.js", "x")]);
        repaired.Length.ShouldBe(damaged.Length);
        // Only header blocks changed.
        var changed = Enumerable.Range(0, damaged.Length).Where(i => damaged[i] != repaired[i]).Select(i => i / 512 * 512).Distinct();
        changed.ShouldBeSubsetOf(headers);
    }

    [Fact]
    public void A_negative_base256_time_becomes_zero()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", "alpha")], TarEntryFormat.Ustar);
        var header = tar.AsSpan(0, 512);
        header.Slice(Mtime, 12).Fill(0xFF);
        header[Mtime + 11] = 0x00; // -256
        FixChecksum(header);

        var repaired = ReadAll(tar, new Random(4));

        using var reader = new TarReader(new MemoryStream(repaired));
        var entry = reader.GetNextEntry()!;
        entry.ModificationTime.ShouldBe(DateTimeOffset.UnixEpoch);
        entry.Name.ShouldBe("package/a.txt");
    }

    [Fact]
    public void A_pax_size_decides_where_the_next_header_is()
    {
        // A pax header whose size= agrees with the entry: the stream must follow it, and still
        // find and repair the base-256 header after the entry.
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", new string('a', 700)), TestFile.Text("package/b.txt", "beta")], TarEntryFormat.Pax);
        var headers = HeaderOffsets(tar).ToList();
        var last = headers[^1];
        WriteBase256(tar.AsSpan(last + Uid, 8), 4_000_000_000);
        FixChecksum(tar.AsSpan(last, 512));

        Should.Throw<OverflowException>(() => Entries(new MemoryStream(tar)));

        var repaired = ReadAll(tar, new Random(5));

        Entries(new MemoryStream(repaired)).ShouldBe([("package/a.txt", new string('a', 700)), ("package/b.txt", "beta")]);
    }

    [Fact]
    public void A_block_with_a_bad_checksum_is_left_alone()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", "alpha")], TarEntryFormat.Ustar);
        WriteBase256(tar.AsSpan(Uid, 8), 5_000_000); // checksum not fixed: damaged

        ReadAll(tar, new Random(6)).ShouldBe(tar);
    }

    [Fact]
    public void Truncated_input_passes_through()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.txt", new string('a', 2_000))], TarEntryFormat.Ustar);
        foreach (var length in new[] { 0, 100, 512, 700, 1_024, 1_500 })
            ReadAll(tar[..length], new Random(length)).ShouldBe(tar[..length]);
    }

    private static byte[] ReadAll(byte[] tar, Random random)
    {
        using var stream = new TarHeaderRepairStream(new MemoryStream(tar));
        var output = new MemoryStream();
        var buffer = new byte[4_096];
        int read;
        while ((read = stream.Read(buffer, 0, random.Next(1, buffer.Length))) > 0)
            output.Write(buffer, 0, read);
        return output.ToArray();
    }

    private static List<(string Name, string Text)> Entries(Stream tar)
    {
        using var reader = new TarReader(tar);
        var entries = new List<(string, string)>();
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                continue;
            using var text = new StreamReader(entry.DataStream!, Encoding.UTF8);
            entries.Add((entry.Name, text.ReadToEnd()));
        }
        return entries;
    }

    /// <summary>Offsets of every header block, extended headers included, found by walking sizes.</summary>
    private static IEnumerable<int> HeaderOffsets(byte[] tar)
    {
        for (var at = 0; at + 512 <= tar.Length && tar.AsSpan(at, 512).ContainsAnyExcept((byte)0);)
        {
            yield return at;
            var size = Convert.ToInt64(Encoding.ASCII.GetString(tar, at + 124, 11), 8);
            at += 512 + (int)((size + 511) / 512 * 512);
        }
    }

    private static void WriteBase256(Span<byte> field, long value)
    {
        field.Clear();
        field[0] = 0x80;
        for (var i = field.Length - 1; i > 0 && value > 0; i--, value >>= 8)
            field[i] = (byte)value;
    }

    private static void FixChecksum(Span<byte> header)
    {
        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
            sum += b;
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0'), header.Slice(148, 6));
        header[154] = 0;
    }
}
