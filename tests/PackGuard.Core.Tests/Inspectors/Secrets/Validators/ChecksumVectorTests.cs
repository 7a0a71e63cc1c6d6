using System.Text;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class ChecksumVectorTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Crc32_matches_the_IEEE_vectors(string input, uint expected)
    {
        Crc32.Compute(Encoding.ASCII.GetBytes(input)).ShouldBe(expected);
        Crc32.ComputeAscii(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", 0xB704CEu)]
    [InlineData("123456789", 0x21CF02u)]
    public void Crc24_matches_the_OpenPGP_vectors(string input, uint expected)
    {
        Crc24.Compute(Encoding.ASCII.GetBytes(input)).ShouldBe(expected);
    }

    // The SymCrypt test vectors for Marvin32.
    [Theory]
    [InlineData(0x004fb61a001bdbccUL, "", 0x30ed35c100cd3c7dUL)]
    [InlineData(0x004fb61a001bdbccUL, "af", 0x48e73fc77d75ddc1UL)]
    [InlineData(0x004fb61a001bdbccUL, "e70f", 0xb5f6e1fc485dbff8UL)]
    [InlineData(0x004fb61a001bdbccUL, "37f495", 0xf0b07c789b8cf7e8UL)]
    [InlineData(0x004fb61a001bdbccUL, "8642dc59", 0x7008f2e87e9cf556UL)]
    [InlineData(0x004fb61a001bdbccUL, "153fb79826", 0xe6c08c6da2afa997UL)]
    [InlineData(0x004fb61a001bdbccUL, "0932e6246c47", 0x6f04bf1a5ea24060UL)]
    public void Marvin32_matches_the_SymCrypt_byte_vectors(ulong seed, string hex, ulong expected)
    {
        Marvin32.Compute64(Convert.FromHexString(hex), seed).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0xd53cd9cecd0893b7UL, "abc", 0x22c74339492769bfUL, 0x6be02a86u)]
    [InlineData(0x0ddddeeeeffff000UL, "abcdefghijklmnopqrstuvwxyz", 0xa128eb7e7260aca2UL, 0xd34847dcu)]
    public void Marvin32_matches_the_SymCrypt_text_vectors(ulong seed, string text, ulong expected64, uint expected32)
    {
        byte[] data = Encoding.ASCII.GetBytes(text);

        Marvin32.Compute64(data, seed).ShouldBe(expected64);
        Marvin32.Compute(data, seed).ShouldBe(expected32);
    }

    [Fact]
    public void Marvin32_agrees_with_the_runtime_string_hash()
    {
        // .NET hashes strings with Marvin over their UTF-16 bytes and a per-process seed; read
        // that seed and check our implementation gives the same answer.
        var marvin = typeof(object).Assembly.GetType("System.Marvin");
        marvin.ShouldNotBeNull();
        var seedProperty = marvin.GetProperty("DefaultSeed", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        seedProperty.ShouldNotBeNull();
        ulong seed = (ulong)seedProperty.GetValue(null)!;

        foreach (string text in new[] { "", "a", "abc", "PackGuard", "a longer string with an odd length!" })
        {
            uint expected = (uint)text.GetHashCode();
            Marvin32.Compute(Encoding.Unicode.GetBytes(text), seed).ShouldBe(expected, text);
        }
    }
}
