using System.Text;
using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Tests.Inspectors.Secrets.Engine;

public sealed class BinaryStringsTests
{
    [Fact]
    public void Extracts_exactly_what_a_byte_by_byte_reading_extracts_whatever_the_chunks()
    {
        var random = new Random(5);
        for (var round = 0; round < 300; round++)
        {
            var data = RandomBinary(random);
            var expected = Naive(data);
            foreach (var chunk in new[] { 1, 13, 32, 4096, data.Length + 1 })
            {
                var sink = new Capture();
                var strings = new BinaryStrings(sink);
                for (var i = 0; i < data.Length; i += chunk)
                    strings.Write(data.AsSpan(i, Math.Min(chunk, data.Length - i)));
                strings.Complete();
                sink.Strings.ShouldBe(expected, $"round {round}, chunk {chunk}");
            }
        }
    }

    [Fact]
    public void Runs_of_zeros_are_skipped_without_losing_the_strings_beside_them()
    {
        // Zero padding fills binaries (and bombs); it is skipped in blocks, so the strings that
        // border it, ASCII or UTF-16 (whose characters end in a zero), must still come out whole.
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var data = RandomBinary(random, zeroRuns: true);
            var expected = Naive(data);
            foreach (var chunk in new[] { 7, 32, 100, data.Length + 1 })
            {
                var sink = new Capture();
                var strings = new BinaryStrings(sink);
                for (var i = 0; i < data.Length; i += chunk)
                    strings.Write(data.AsSpan(i, Math.Min(chunk, data.Length - i)));
                strings.Complete();
                sink.Strings.ShouldBe(expected, $"round {round}, chunk {chunk}");
            }
        }
    }

    // Machine-code-like noise with printable text and UTF-16 strings of many lengths in it, and
    // when asked, runs of zeros of any length and alignment.
    private static byte[] RandomBinary(Random random, bool zeroRuns = false)
    {
        var bytes = new List<byte>();
        while (bytes.Count < 3000)
        {
            switch (random.Next(zeroRuns ? 6 : 4))
            {
                case 4 or 5:
                    bytes.AddRange(new byte[random.Next(1, 200)]);
                    break;
                case 0:
                    bytes.AddRange(Encoding.ASCII.GetBytes(new string('k', random.Next(1, 20))));
                    break;
                case 1:
                    bytes.AddRange(Encoding.Unicode.GetBytes(new string('W', random.Next(1, 20))));
                    break;
                default:
                    var noise = new byte[random.Next(1, 80)];
                    random.NextBytes(noise);
                    bytes.AddRange(noise);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>The definition: printable runs of 8+, and printable/zero pairs of 8+ characters.</summary>
    private static List<(string, long)> Naive(byte[] data)
    {
        var found = new List<(string Text, long Offset)>();
        var ascii = new StringBuilder();
        var asciiStart = 0;
        for (var i = 0; i <= data.Length; i++)
        {
            if (i < data.Length && Printable(data[i]))
            {
                if (ascii.Length == 0)
                    asciiStart = i;
                ascii.Append((char)data[i]);
                continue;
            }
            if (ascii.Length >= BinaryStrings.MinimumLength)
                found.Add((ascii.ToString(), asciiStart));
            ascii.Clear();
        }
        var wide = new StringBuilder();
        var wideStart = 0;
        for (var i = 0; i < data.Length;)
        {
            if (i + 1 < data.Length && Printable(data[i]) && data[i + 1] == 0)
            {
                if (wide.Length == 0)
                    wideStart = i;
                wide.Append((char)data[i]);
                i += 2;
                continue;
            }
            if (wide.Length >= BinaryStrings.MinimumLength)
                found.Add((wide.ToString(), wideStart));
            wide.Clear();
            i++;
        }
        if (wide.Length >= BinaryStrings.MinimumLength)
            found.Add((wide.ToString(), wideStart));
        return [.. found.OrderBy(f => f.Offset).ThenBy(f => f.Text, StringComparer.Ordinal)];
    }

    private static bool Printable(byte b) => b is >= 0x20 and < 0x7F or (byte)'\t';

    private sealed class Capture : IBinaryStringSink
    {
        private readonly List<(string Text, long Offset)> _strings = [];

        public List<(string, long)> Strings => [.. _strings.OrderBy(f => f.Offset).ThenBy(f => f.Text, StringComparer.Ordinal)];

        public void WriteBinaryString(ReadOnlySpan<byte> text, long fileOffset) => _strings.Add((Encoding.ASCII.GetString(text), fileOffset));

        public void Complete()
        {
        }
    }
}
