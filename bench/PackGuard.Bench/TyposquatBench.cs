using System.Diagnostics;
using System.Globalization;
using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Bench;

/// <summary>
/// Lookalike-name detection: what loading costs (a CLI loads the lists once per run), names checked
/// a second against the full npm list, and the same against a naive baseline measured in this run
/// (every name's edit distance to every listed name, as a checker without an index does). Also the
/// false-positive figures of the docs: the 1,000 most downloaded npm names checked with the
/// popularity gate off, with the ratio only, and with the full gate.
/// </summary>
internal static class TyposquatBench
{
    public static int Run(IReadOnlyList<string> args)
    {
        var runs = 5;
        var naiveSample = 200;
        string? namesFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Count:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--naive-sample" when i + 1 < args.Count:
                    naiveSample = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--names" when i + 1 < args.Count:
                    namesFile = args[++i];
                    break;
                default:
                    Console.Error.WriteLine("usage: PackGuard.Bench typosquat [--names FILE (one npm name a line; default 5,000 drawn from the list)] [--runs N (5)] [--naive-sample N (200)]");
                    return 2;
            }
        }

        Startup();
        var corpus = CorpusResources.Load(SquatEcosystem.Npm);
        var names = namesFile is null ? SyntheticLockfile(corpus, 5_000) : [.. File.ReadAllLines(namesFile).Where(l => l.Length > 0 && l[0] != '#')];
        Throughput(corpus, names, runs, Math.Min(naiveSample, names.Count));
        FalsePositives();
        return 0;
    }

    /// <summary>
    /// Reading the embedded list and building the index, the first time (as a CLI run pays it, JIT
    /// included) and again warm; then each ecosystem's first check through <see cref="TyposquatDetector.Default"/>.
    /// </summary>
    private static void Startup()
    {
        Console.WriteLine("start-up (one process; the first figures include JIT, as a CLI run pays them):");
        foreach (var round in new[] { "first", "second", "third" })
        {
            var (corpus, load, loadCpu) = Timed(() => CorpusResources.Load(SquatEcosystem.Npm));
            var (_, build, buildCpu) = Timed(() => new CorpusIndex(corpus));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  npm list, {round,-6}: read {load.TotalMilliseconds,6:0.0} ms (CPU {loadCpu.TotalMilliseconds,6:0.0} ms), index {build.TotalMilliseconds,6:0.0} ms (CPU {buildCpu.TotalMilliseconds,6:0.0} ms), {corpus.Count:N0} names"));
        }
        // An established name needs only the list; the first other name builds the index.
        foreach (var (ecosystem, name) in new[] { ("npm", "react"), ("npm", "crossenv"), ("pypi", "requests"), ("pypi", "colourama"), ("nuget", "Serilog"), ("nuget", "Newtonsoft.Json.Core") })
        {
            var (match, wall, cpu) = Timed(() => TyposquatDetector.Default.Check(ecosystem, name));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Default, then {ecosystem,-5} {name,-22} {wall.TotalMilliseconds,6:0.0} ms (CPU {cpu.TotalMilliseconds,6:0.0} ms) -> {match?.Intended ?? "none"}"));
        }
    }

    /// <summary>Wall time and this process's CPU time (user and system) of <paramref name="action"/>: on a busy machine the CPU time is the steadier figure.</summary>
    private static (T Result, TimeSpan Wall, TimeSpan Cpu) Timed<T>(Func<T> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = action();
        var wall = clock.Elapsed;
        process.Refresh();
        return (result, wall, process.TotalProcessorTime - cpu);
    }

    private static void Throughput(PopularityCorpus corpus, IReadOnlyList<string> names, int runs, int naiveSample)
    {
        var detector = new TyposquatDetector(_ => corpus);
        detector.Check("npm", "warm-up");
        var flagged = 0;
        var indexed = Measure.Best(runs, () =>
        {
            flagged = 0;
            foreach (var name in names)
            {
                if (detector.Check("npm", name) is not null)
                    flagged++;
            }
        });

        // The naive baseline: each name's distance to every listed name (the same bounded OSA
        // distance the detector verifies with, so only the search strategy differs).
        var keys = corpus.Identities.Select(i => NameForms.Flatten(NameForms.Skeleton(i))).ToArray();
        var sample = names.Take(naiveSample).Select(n => NameForms.Flatten(NameForms.Skeleton(n.ToLowerInvariant()))).ToArray();
        var near = 0;
        var naive = Measure.Best(Math.Max(1, runs / 2), () =>
        {
            near = 0;
            foreach (var name in sample)
            {
                var bound = name.Length >= 10 ? 2 : 1;
                foreach (var key in keys)
                {
                    if (EditDistance.Bounded(name, key, bound) <= bound)
                        near++;
                }
            }
        });
        var fast = names.Count / indexed.TotalSeconds;
        var slow = sample.Length / naive.TotalSeconds;
        Console.WriteLine($"throughput against the npm list ({corpus.Count:N0} names), best of {runs}:");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  indexed detector: {names.Count:N0} names in {indexed.TotalMilliseconds:0.0} ms = {fast:N0} names/s ({flagged} flagged)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  naive distance scan: {sample.Length:N0} names in {naive.TotalMilliseconds:0.0} ms = {slow:N0} names/s ({near} near pairs; edit distance only)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio: {fast / slow:0}x"));
    }

    /// <summary>
    /// Popular names checked against their own list: the 1,000 most downloaded with the gate off
    /// (any listed lookalike counts), with the 100-times ratio only, and with the full gate; then
    /// every listed name with the full gate, by technique, with a sample to judge by hand.
    /// </summary>
    private static void FalsePositives()
    {
        foreach (var ecosystem in Enum.GetValues<SquatEcosystem>())
        {
            var corpus = CorpusResources.Load(ecosystem);
            var name = ecosystem.ToString().ToLowerInvariant();
            var top = Math.Min(1_000, corpus.Count);
            Console.WriteLine($"{name}: the {top:N0} most downloaded names, each checked against the whole list ({corpus.Count:N0}):");
            foreach (var gate in new[] { PopularityGate.Off, PopularityGate.RatioOnly, PopularityGate.Full })
            {
                var detector = new TyposquatDetector(_ => corpus, gate);
                var matches = corpus.Names.Take(top).Select(n => detector.Check(name, n)).OfType<TyposquatMatch>().ToList();
                var examples = string.Join(", ", matches.Take(5).Select(m => $"{m.Name}->{m.Intended} ({m.Technique})"));
                Console.WriteLine($"  gate {gate,-9}: {matches.Count,4} flagged{(matches.Count > 0 ? "; e.g. " + examples : "")}");
            }
            var full = new TyposquatDetector(_ => corpus);
            var listed = corpus.Names.Take(corpus.Count).Where((_, i) => corpus.Ranks[i] > 0).Select(n => full.Check(name, n)).OfType<TyposquatMatch>().ToList();
            var byTechnique = string.Join(", ", listed.GroupBy(m => m.Technique).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"  every listed name, full gate: {listed.Count:N0} flagged ({byTechnique})");
            var random = new Random(3);
            foreach (var m in listed.OrderBy(_ => random.Next()).Take(12))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {m.Name} (#{m.NameRank}) -> {m.Intended} (#{m.IntendedRank}) {m.Technique} {m.Confidence:0.00}"));
        }
    }

    /// <summary>
    /// A lockfile's worth of names: most of them listed names from across the list (a real lockfile
    /// is mostly popular packages), one in five a one-edit or filler-word variant of a popular name.
    /// </summary>
    private static List<string> SyntheticLockfile(PopularityCorpus corpus, int count)
    {
        var random = new Random(20_260_401);
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var listed = corpus.Names[random.Next(corpus.Count)];
            if (i % 5 != 0)
            {
                names.Add(listed);
                continue;
            }
            var popular = corpus.Names[random.Next(5_000)];
            var at = random.Next(1, Math.Max(2, popular.Length - 1));
            names.Add((i / 5 % 4) switch
            {
                0 => popular.Remove(at, 1),
                1 => popular.Insert(at, "x"),
                2 => popular + "-js",
                _ => "node-" + popular,
            });
        }
        return names;
    }
}
