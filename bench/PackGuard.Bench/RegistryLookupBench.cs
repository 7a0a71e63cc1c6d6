using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;
using PackGuard.Sources;

namespace PackGuard.Bench;

/// <summary>
/// What <c>deps --online</c>'s registry look-ups cost for a real lockfile: wall time, requests and
/// bytes for every registry package in it, with npm's <c>modified</c> shortcut and, as the
/// baseline in the same run, without it (every package whose versions' times are wanted costs its
/// full packument). Configurations alternate within each round; medians are printed.
/// </summary>
internal static class RegistryLookupBench
{
    private static readonly string[] LockfileNames =
        ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "packages.lock.json", "poetry.lock", "uv.lock"];

    private sealed record Outcome(TimeSpan Wall, int Requests, int FullPackuments, long Bytes, IReadOnlyList<RegistryPackage> Packages);

    public static int Run(string[] args)
    {
        var runs = 3;
        var cooldown = TimeSpan.FromHours(48);
        var model = false;
        var concurrency = RegistryLookups.DefaultConcurrency;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--cooldown-hours" when i + 1 < args.Length: cooldown = TimeSpan.FromHours(double.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--concurrency" when i + 1 < args.Length: concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--model-abbreviated": model = true; break;
                default: files.Add(args[i]); break;
            }
        }

        var socket = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = SourceHttpClientFactory.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var counting = new CountingHandler(model ? new AbbreviatingHandler(socket) : socket, PublicRegistries.Default.Npm.Host);
        using var client = new HttpClient(counting) { Timeout = SourceHttpClientFactory.RequestTimeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(SourceHttpClientFactory.UserAgent);
        var environment = SourceEnvironment.FromProcess();

        foreach (var file in files)
        {
            var packages = RegistryPackages(file);
            var olderThan = TimeProvider.System.GetUtcNow() - cooldown;
            Console.WriteLine($"{Path.GetFileName(file)}: {packages.Count} registry packages, {packages.Select(p => (p.Ecosystem, PackageNames.Key(p.Ecosystem, p.Name))).Distinct().Count()} names; " +
                $"cool-down {cooldown.TotalHours:0.#} h; concurrency {concurrency}{(model ? "; abbreviated documents modelled from full ones" : "")}; median of {runs}");
            // Warm-up: DNS, TLS and the JIT, outside the figures.
            _ = Once(client, environment, packages.Take(concurrency).ToList(), olderThan, shortcut: true, concurrency, counting);

            var with = new List<Outcome>();
            var without = new List<Outcome>();
            for (var run = 0; run < runs; run++)
            {
                // Alternate which goes first, so neither always meets the colder cache.
                if (run % 2 == 0)
                {
                    with.Add(Once(client, environment, packages, olderThan, shortcut: true, concurrency, counting));
                    without.Add(Once(client, environment, packages, olderThan, shortcut: false, concurrency, counting));
                }
                else
                {
                    without.Add(Once(client, environment, packages, olderThan, shortcut: false, concurrency, counting));
                    with.Add(Once(client, environment, packages, olderThan, shortcut: true, concurrency, counting));
                }
            }
            var baseline = Median(without.Select(o => o.Wall));
            Print("without the modified shortcut (baseline)", without, baseline);
            Print("with the modified shortcut", with, baseline);
            Summarise(with[^1].Packages, olderThan);
        }
        return 0;
    }

    private static Outcome Once(HttpClient client, SourceEnvironment environment, IReadOnlyList<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> packages,
        DateTimeOffset olderThan, bool shortcut, int concurrency, CountingHandler counting)
    {
        counting.Reset();
        var lookup = new RegistryLookup(client, environment) { UseModifiedShortcut = shortcut };
        var clock = Stopwatch.StartNew();
        var results = RegistryLookups.LookupAllAsync(lookup, packages, olderThan, null, concurrency, CancellationToken.None).GetAwaiter().GetResult();
        return new Outcome(clock.Elapsed, counting.Requests, counting.FullPackuments, counting.Bytes, results);
    }

    private static void Print(string label, List<Outcome> outcomes, TimeSpan baseline)
    {
        var wall = Median(outcomes.Select(o => o.Wall));
        var last = outcomes[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-42} {wall.TotalSeconds,6:0.00} s  {wall / baseline,5:0.00}x  {last.Requests,5} requests ({last.FullPackuments} full packuments)  {last.Bytes / 1e6,8:0.0} MB"));
    }

    private static void Summarise(IReadOnlyList<RegistryPackage> packages, DateTimeOffset olderThan)
    {
        var byPresence = packages.GroupBy(p => p.Presence).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var timed = packages.Sum(p => p.Published.Count);
        var proven = packages.Count(p => p.Published.Count == 0 && p.LastModified < olderThan);
        var young = packages.SelectMany(p => p.Published.Where(t => t.Value >= olderThan).Select(t => $"{p.Name}@{t.Key}")).ToList();
        Console.WriteLine($"  names: {string.Join(", ", byPresence)}; {timed} versions with a publish time, {proven} names proven older by modified alone; " +
            $"{young.Count} versions younger than the cut-off{(young.Count > 0 ? ": " + string.Join(", ", young.Take(10)) : "")}");
        foreach (var failed in packages.Where(p => p.Error is not null).Take(5))
            Console.WriteLine($"  {failed.Ecosystem}:{failed.Name}: {failed.Error}");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static List<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> RegistryPackages(string file)
    {
        var directory = Directory.CreateTempSubdirectory("packguard-lookup-bench-").FullName;
        try
        {
            var name = Path.GetFileName(file).EndsWith(".gz", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(file) : Path.GetFileName(file);
            var path = Path.Combine(directory, LockfileNames.FirstOrDefault(n => name.EndsWith(n, StringComparison.Ordinal)) ?? name);
            using (var source = File.OpenRead(file))
            using (var target = File.Create(path))
            {
                if (file.EndsWith(".gz", StringComparison.Ordinal))
                    new GZipStream(source, CompressionMode.Decompress).CopyTo(target);
                else
                    source.CopyTo(target);
            }
            var lockfile = LockfileReader.Read(path, Path.GetFileName(path));
            return lockfile.Dependencies
                .Where(d => d.Kind == DependencyKind.Registry && d.Version is not null)
                .Select(d => (d.Ecosystem, d.Name, (IReadOnlyCollection<string>)[d.Version!]))
                .ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
