using System.Buffers.Binary;
using System.Numerics;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Microsoft's Marvin32 keyed hash (the one behind .NET's randomized string hashing). Azure's
/// identifiable keys use it, seeded per key kind, as the checksum that marks a real key.
/// </summary>
/// <remarks>
/// The state is two 32-bit words taken from the 64-bit seed (low word first). Each 4-byte
/// little-endian block is added to the low word and mixed; the tail is padded with 0x80 and
/// mixed twice. The 64-bit result is high:low; the 32-bit result is low XOR high.
/// </remarks>
internal static class Marvin32
{
    /// <summary>The 64-bit Marvin result, high word in the upper half.</summary>
    public static ulong Compute64(ReadOnlySpan<byte> data, ulong seed)
    {
        uint low = (uint)seed;
        uint high = (uint)(seed >> 32);

        int blocks = data.Length / 4;
        for (int i = 0; i < blocks; i++)
        {
            low += BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            Mix(ref low, ref high);
        }

        // The tail (0-3 bytes) is read little-endian with a 0x80 byte after it, so that inputs
        // differing only in trailing zero bytes hash differently.
        ReadOnlySpan<byte> tail = data[(blocks * 4)..];
        uint final = 0x80u << (8 * tail.Length);
        for (int i = 0; i < tail.Length; i++)
        {
            final |= (uint)tail[i] << (8 * i);
        }

        low += final;
        Mix(ref low, ref high);
        Mix(ref low, ref high);

        return ((ulong)high << 32) | low;
    }

    /// <summary>The 32-bit Marvin result (the two halves of the 64-bit result XORed).</summary>
    public static uint Compute(ReadOnlySpan<byte> data, ulong seed)
    {
        ulong result = Compute64(data, seed);
        return (uint)result ^ (uint)(result >> 32);
    }

    private static void Mix(ref uint low, ref uint high)
    {
        high ^= low;
        low = BitOperations.RotateLeft(low, 20);
        low += high;
        high = BitOperations.RotateLeft(high, 9);
        high ^= low;
        low = BitOperations.RotateLeft(low, 27);
        low += high;
        high = BitOperations.RotateLeft(high, 19);
    }
}
