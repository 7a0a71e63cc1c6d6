using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Bench;

/// <summary>
/// Matches every dependency of real lockfiles against an advisory store and prints each match
/// and the time taken: the false-positive check for a store full of records. A <c>.gz</c> file
/// is unpacked first (the test corpus keeps real lockfiles gzipped; the name without <c>.gz</c>
/// and without a <c>name.</c> prefix tells the format).
/// </summary>
internal static class AdvisoryCheck
{
    public static int Run(string[] args)
    {
        if (args.Length < 3 || args[0] != "--store")
        {
            Console.Error.WriteLine("usage: PackGuard.Bench advisories-check --store FILE <lockfile[.gz]>...");
            return 2;
        }
        using var store = AdvisoryStore.Open(args[1]);
        var temp = Directory.CreateTempSubdirectory("packguard-advisory-check-").FullName;
        try
        {
            var (dependencies, matched, malicious) = (0, 0, 0);
            var clock = new Stopwatch();
            foreach (var path in args[2..])
            {
                var lockfile = LockfileReader.Read(Unpacked(path, temp), Path.GetFileName(path));
                clock.Start();
                foreach (var dependency in lockfile.Dependencies)
                {
                    dependencies++;
                    foreach (var match in store.Match(dependency.Ecosystem, dependency.Name, dependency.Version))
                    {
                        matched++;
                        malicious += match.Malicious ? 1 : 0;
                        Console.WriteLine($"{Path.GetFileName(path)}\t{dependency.Ecosystem}\t{dependency.Name}@{dependency.Version}\t{match.Id}\t{(match.Malicious ? "malicious" : "vulnerability")}\t{match.AffectedVersions}");
                    }
                }
                clock.Stop();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{dependencies:N0} dependencies of {args.Length - 2} lockfiles matched in {clock.Elapsed.TotalMilliseconds:0.0} ms: {matched} matches, {malicious} malicious; store: {store.Status().Records:N0} records"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        return 0;
    }

    private static string Unpacked(string path, string temp)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
            return path;
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var target = Path.Combine(temp, Guid.NewGuid().ToString("N"), dot > 0 && LockfileReader.FormatOfName(name[(dot + 1)..]) is not null ? name[(dot + 1)..] : name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = File.Create(target);
        input.CopyTo(output);
        return target;
    }
}
