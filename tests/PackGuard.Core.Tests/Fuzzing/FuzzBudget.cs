using System.Globalization;

namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// How long a fuzz run goes on, and from which seed. By default a short, fixed run for CI (seeds 1
/// onwards, at most <see cref="DefaultInputs"/> inputs or <see cref="DefaultTime"/>); environment
/// variables make a long one: <c>PACKGUARD_FUZZ_SECONDS</c>, <c>PACKGUARD_FUZZ_INPUTS</c> and
/// <c>PACKGUARD_FUZZ_SEED</c> (the first input's seed; a long run without one starts at a seed
/// taken from the clock, which it prints).
/// </summary>
/// <param name="Time">Stop starting inputs after this long.</param>
/// <param name="Inputs">Stop after this many inputs.</param>
/// <param name="FirstSeed">Input <c>i</c> has seed <c>FirstSeed + i</c>.</param>
public sealed record FuzzBudget(TimeSpan Time, int Inputs, int FirstSeed)
{
    /// <summary>The CI run's time budget.</summary>
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(60);

    /// <summary>The CI run's input budget.</summary>
    public const int DefaultInputs = 1500;

    /// <summary>The budget the environment asks for.</summary>
    public static FuzzBudget FromEnvironment(Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        var seconds = Number(variable("PACKGUARD_FUZZ_SECONDS"));
        var inputs = Number(variable("PACKGUARD_FUZZ_INPUTS"));
        var seed = Number(variable("PACKGUARD_FUZZ_SEED"));
        var time = seconds is { } s ? TimeSpan.FromSeconds(s) : inputs is null ? DefaultTime : TimeSpan.MaxValue;
        var count = inputs ?? (seconds is null ? DefaultInputs : int.MaxValue);
        var first = seed ?? (seconds is null ? 1 : (int)(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() % 1_000_000_000));
        return new FuzzBudget(time, (int)Math.Min(count, int.MaxValue), (int)first);
    }

    /// <summary>Whether input number <paramref name="index"/> may start after <paramref name="elapsed"/>.</summary>
    public bool Allows(int index, TimeSpan elapsed) => index < Inputs && elapsed < Time;

    /// <summary>The seed of input number <paramref name="index"/>.</summary>
    public int SeedOf(int index) => unchecked(FirstSeed + index);

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
