namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// The fuzzer's only source of randomness: <see cref="System.Random"/> with a seed produces the
/// same sequence on every machine and .NET version, so one integer reproduces an input exactly.
/// </summary>
public sealed class FuzzRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A number from 0 to <paramref name="max"/> − 1 (0 when <paramref name="max"/> ≤ 0).</summary>
    public int Next(int max) => max <= 0 ? 0 : _random.Next(max);

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> − 1.</summary>
    public int Next(int min, int max) => max <= min ? min : _random.Next(min, max);

    /// <summary>True with the given probability in percent.</summary>
    public bool Chance(int percent) => _random.Next(100) < percent;

    /// <summary>A random element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Random bytes.</summary>
    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A length that is usually small and sometimes large: most bugs need few bytes, some need many.</summary>
    public int Length(int max) => Next(4) switch
    {
        0 => Next(1, Math.Min(max, 4) + 1),
        1 or 2 => Next(1, Math.Min(max, 64) + 1),
        _ => Next(1, max + 1),
    };

    /// <summary>A value that sits where parsers break: zero, one, boundaries of signed and unsigned widths, around <paramref name="near"/>.</summary>
    public long Interesting(long near = 0) => Next(16) switch
    {
        0 => 0,
        1 => 1,
        2 => -1,
        3 => near - 1,
        4 => near + 1,
        5 => near * 2,
        6 => sbyte.MaxValue,
        7 => byte.MaxValue,
        8 => short.MaxValue,
        9 => ushort.MaxValue,
        10 => int.MaxValue,
        11 => uint.MaxValue,
        12 => int.MinValue,
        13 => long.MaxValue,
        14 => 1L << Next(63),
        _ => near + Next(-4096, 4096),
    };
}
