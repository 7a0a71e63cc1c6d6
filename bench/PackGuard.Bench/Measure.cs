using System.Diagnostics;
using System.Globalization;

namespace PackGuard.Bench;

/// <summary>Best-of-N wall-clock timing, printed as a ratio against a baseline from the same run.</summary>
internal static class Measure
{
    public static TimeSpan Best(int runs, Action action)
    {
        action(); // warm-up: JIT, page cache
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            var elapsed = clock.Elapsed;
            if (elapsed < best)
                best = elapsed;
        }
        return best;
    }

    public static void Report(string label, int runs, TimeSpan baseline, Action action) =>
        Console.WriteLine(Row(label, Best(runs, action), baseline));

    public static string Row(string label, TimeSpan time, TimeSpan baseline) =>
        string.Create(CultureInfo.InvariantCulture,
            $"  {label,-52} {time.TotalMilliseconds,8:0.0} ms  {time / baseline,5:0.00}x");

    public static void Process(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.BaseStream.CopyTo(Stream.Null, 128 * 1024);
        process.WaitForExit();
    }
}
