using System.Diagnostics;
using System.Globalization;
using PackGuard.Artifacts;
using PackGuard.Inspectors;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.Exposure;
using PackGuard.Inspectors.Files;
using PackGuard.Inspectors.Install;
using PackGuard.Inspectors.Secrets;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Scanning;
using PackGuard.Sources;

namespace PackGuard.Bench;

/// <summary>
/// What each of the later inspectors adds to a whole scan, in-process and warm: the scan with the
/// source-map and secret inspectors is the baseline, and each configuration adds one inspector
/// (the exposure inspector with and without codenames). The configurations run in interleaved
/// rounds, so that a busy machine's drift hits them alike; each is reported by its median and
/// best wall time and by the process CPU time it took (every thread: decompression, hashing,
/// inspection), which a loaded machine disturbs less than wall time.
/// </summary>
internal static class InspectorCostBench
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (InputArgs.Parse(args, "PackGuard.Bench inspectors <artifact>... [--runs N] [--codenames a,b]") is not { } input)
            return 2;
        var (files, runs, codenames) = input;
        var fingerprinter = SecretFingerprinter.Ephemeral();
        IInspector[] baseline = [new SourceMapInspector(), new SecretInspector(fingerprinter)];
        var declared = new ExposureOptions { Codenames = codenames };
        var configurations = new List<(string Label, IReadOnlyList<IInspector> Inspectors)>
        {
            ("source maps + secrets (baseline)", baseline),
            ("+ files", [.. baseline, new FilesInspector()]),
            ("+ exposure", [.. baseline, new ExposureInspector()]),
            ("+ debug symbols", [.. baseline, new DebugSymbolInspector()]),
            ("+ install", [.. baseline, new InstallInspector()]),
        };
        if (codenames.Count > 0)
            configurations.Add(($"+ exposure, {codenames.Count} codename(s)", [.. baseline, new ExposureInspector(declared)]));
        configurations.Add(("all inspectors (the default set)", Scanner.DefaultInspectors(fingerprinter, declared)));

        foreach (var file in files)
        {
            Console.WriteLine($"{Path.GetFileName(file)}: {new FileInfo(file).Length:N0} bytes, {runs} interleaved rounds");
            var target = new ResolvedTarget(new TargetSpec(file, TargetKind.Local, file, null), file, IsDirectory: false);
            var wall = configurations.Select(_ => new List<double>()).ToList();
            var cpu = configurations.Select(_ => new List<double>()).ToList();
            foreach (var (_, inspectors) in configurations)
                Scan(target, inspectors); // warm-up: JIT, page cache
            for (var round = 0; round < runs; round++)
            {
                for (var c = 0; c < configurations.Count; c++)
                {
                    var process = Process.GetCurrentProcess();
                    var cpuBefore = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    Scan(target, configurations[c].Inspectors);
                    wall[c].Add(clock.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpu[c].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            }
            Console.WriteLine($"  {"",-40} {"wall median",12} {"wall best",10} {"CPU median",11} {"ratio (CPU)",12}");
            var basis = Median(cpu[0]);
            for (var c = 0; c < configurations.Count; c++)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {configurations[c].Label,-40} {Median(wall[c]),9:0.0} ms {wall[c].Min(),7:0.0} ms {Median(cpu[c]),8:0.0} ms {Median(cpu[c]) / basis,11:0.00}x"));
            Console.WriteLine();
        }
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Scan(ResolvedTarget target, IReadOnlyList<IInspector> inspectors) =>
        new Scanner(inspectors, ArtifactLimits.Default).Scan(target);
}
