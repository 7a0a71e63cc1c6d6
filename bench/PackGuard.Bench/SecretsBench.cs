using System.Globalization;
using System.Runtime;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Bench;

/// <summary>
/// Throughput of the secret scanner with the full rule set, on one thread, over files read into
/// memory first (no disk in the figures). Two passes: the engine as the inspector drives it, and
/// the whole inspector (map-aware). Each group of files (maps, text, binaries) is timed on its own
/// so that a regression in one path shows. Prints medians of several runs after warm-up.
/// </summary>
internal static class SecretsBench
{
    private const double Mega = 1_000_000;

    public static int Run(IReadOnlyList<string> args)
    {
        var runs = 5;
        var warmup = 1;
        var tsv = false;
        string? only = null;
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Count:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup" when i + 1 < args.Count:
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--only" when i + 1 < args.Count && args[i + 1] is "engine" or "inspector":
                    only = args[++i];
                    break;
                case "--tsv":
                    tsv = true;
                    break;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }
        if (paths.Count == 0 || runs < 1 || warmup < 0)
        {
            Console.Error.WriteLine("usage: PackGuard.Bench secrets <file|directory>... [--runs N (5)] [--warmup N (1; more until the JIT settles)] [--only engine|inspector] [--tsv]");
            return 2;
        }

        var corpus = SecretCorpus.Load(paths);
        var engine = SecretEngine.Create(SecretCatalog.All);
        var enginePass = new EnginePass(engine, corpus);
        SecretPass[] passes = [.. new SecretPass[] { enginePass, new InspectorPass(corpus) }.Where(p => only is null || p.Name == only)];
        var totalBytes = corpus.Sum(f => (long)f.Bytes.Length);

        if (!tsv)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"secret scan: {SecretCatalog.All.Count} rules, {corpus.Count:N0} files, {totalBytes / Mega:0.00} MB (MB = 10^6 bytes), from {string.Join(' ', paths)}"));
            Console.WriteLine($"one thread, files in memory; medians of {runs} runs; CPU is the process's (user + system)");
        }
        foreach (var pass in passes)
        {
            var (samples, warmUps) = RunPass(pass, runs, warmup);
            if (tsv)
                PrintTsv(pass, samples);
            else
                PrintTable(pass, samples, warmUps);
        }
        if (!tsv && passes.Contains(enginePass))
        {
            var byRule = enginePass.HitsByRule.Select(r => $"{r.Rule} {r.Hits:N0}").ToList();
            Console.WriteLine($"engine hits by rule: {(byRule.Count == 0 ? "none" : string.Join(", ", byRule))}");
        }
        return 0;
    }

    /// <summary>Per run, one sample per group; and how many warm-up passes it took.</summary>
    private static (List<Sample[]> Samples, int WarmUps) RunPass(SecretPass pass, int runs, int warmup)
    {
        var warmUps = WarmUp(pass, warmup);
        var samples = new List<Sample[]>();
        for (var i = 0; i < runs; i++)
        {
            // Garbage from the previous run is not this run's cost.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            samples.Add(pass.Run());
        }
        return (samples, warmUps);
    }

    /// <summary>
    /// Runs the pass at least <paramref name="minimum"/> times and then until a pass compiles
    /// (almost) no new code. Tiered compilation recompiles hot methods on a background thread; on a busy
    /// machine that thread lagged a pass or two behind, and the first timed runs were up to twice
    /// as slow as the rest. The pause after each pass lets it catch up.
    /// </summary>
    private static int WarmUp(SecretPass pass, int minimum)
    {
        const int Maximum = 10;
        const int Stray = 10; // a few methods keep being compiled now and then; not worth waiting for
        var compiled = JitInfo.GetCompiledMethodCount();
        var passes = 0;
        while (passes < Maximum)
        {
            pass.Run();
            passes++;
            Thread.Sleep(200);
            var now = JitInfo.GetCompiledMethodCount();
            var settled = now - compiled <= Stray;
            compiled = now;
            if (settled && passes >= minimum)
                break;
        }
        return passes;
    }

    private static void PrintTable(SecretPass pass, List<Sample[]> samples, int warmUps)
    {
        Console.WriteLine();
        Console.WriteLine($"{pass.Name}: {pass.Description}");
        Console.WriteLine($"  {samples.Count} timed runs after {warmUps} warm-up passes (until a pass compiled almost no new code)");
        Console.WriteLine($"  {"group",-18} {"files",7} {"MB",9} {"wall ms",9} {"MB/s",8} {"CPU MB/s",9} {pass.HitsLabel,9}");
        for (var g = 0; g < pass.Groups.Count; g++)
        {
            var group = pass.Groups[g];
            Console.WriteLine(Row(group.Name, group.Files.Count, group.Bytes, Median(samples, s => s[g])));
        }
        var all = Median(samples, Total);
        Console.WriteLine(Row("all", pass.Groups.Sum(g => g.Files.Count), pass.Groups.Sum(g => g.Bytes), all));
    }

    private static void PrintTsv(SecretPass pass, List<Sample[]> samples)
    {
        for (var g = 0; g < pass.Groups.Count; g++)
        {
            var group = pass.Groups[g];
            Console.WriteLine(TsvRow(pass.Name, group.Name, group.Files.Count, group.Bytes, Median(samples, s => s[g])));
        }
        Console.WriteLine(TsvRow(pass.Name, "all", pass.Groups.Sum(g => g.Files.Count), pass.Groups.Sum(g => g.Bytes), Median(samples, Total)));
    }

    private static string Row(string name, int files, long bytes, Sample sample)
    {
        if (files == 0)
            return string.Create(CultureInfo.InvariantCulture, $"  {name,-18} {0,7} {0,9:0.00} {"-",9} {"-",8} {"-",9} {"-",9}");
        return string.Create(CultureInfo.InvariantCulture,
            $"  {name,-18} {files,7:N0} {bytes / Mega,9:0.00} {sample.Wall.TotalMilliseconds,9:0.0} {Rate(bytes, sample.Wall),8:0} {Rate(bytes, sample.Cpu),9:0} {sample.Hits,9:N0}");
    }

    private static string TsvRow(string pass, string group, int files, long bytes, Sample sample) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{pass}\t{group}\t{files}\t{bytes}\t{sample.Wall.TotalSeconds:0.000000}\t{sample.Cpu.TotalSeconds:0.000000}\t{sample.Hits}");

    private static double Rate(long bytes, TimeSpan time) => time > TimeSpan.Zero ? bytes / Mega / time.TotalSeconds : double.PositiveInfinity;

    private static Sample Total(Sample[] run) =>
        new(new TimeSpan(run.Sum(s => s.Wall.Ticks)), new TimeSpan(run.Sum(s => s.Cpu.Ticks)), run.Sum(s => s.Hits));

    /// <summary>The median of each figure on its own (wall and CPU need not come from the same run).</summary>
    private static Sample Median(List<Sample[]> runs, Func<Sample[], Sample> pick)
    {
        var picked = runs.Select(pick).ToList();
        return new Sample(
            new TimeSpan(MedianOf(picked.Select(s => s.Wall.Ticks))),
            new TimeSpan(MedianOf(picked.Select(s => s.Cpu.Ticks))),
            MedianOf(picked.Select(s => s.Hits)));
    }

    private static long MedianOf(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
