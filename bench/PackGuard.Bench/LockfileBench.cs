using System.Globalization;
using System.Text.Json;
using PackGuard.Dependencies;
using PackGuard.Tests.Dependencies;

namespace PackGuard.Bench;

/// <summary>
/// How long <see cref="LockfileReader.Read(string, string)"/> takes on large lockfiles: generated
/// ones of every format (5,000 packages by default) and any real files given. Baselines from the
/// same run: reading the file as text and counting its lines (the least any reader must do), and
/// for JSON, System.Text.Json's <see cref="JsonDocument"/>.
/// </summary>
internal static class LockfileBench
{
    public static int Run(string[] args)
    {
        var runs = 7;
        var packages = 5_000;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length)
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--packages" && i + 1 < args.Length)
                packages = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
                files.Add(args[i]);
        }

        var directory = Directory.CreateTempSubdirectory("packguard-lockfile-bench-").FullName;
        try
        {
            var generated = new List<string>();
            foreach (var name in SyntheticLockfiles.FileNames)
            {
                var path = Path.Combine(directory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, SyntheticLockfiles.Generate(name, packages));
                generated.Add(path);
            }
            Console.WriteLine($"best of {runs} runs; ratio against reading the file as text and counting its lines");
            foreach (var path in generated.Concat(files))
                Measure1(path, runs);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    private static void Measure1(string path, int runs)
    {
        var lockfile = LockfileReader.Read(path, Path.GetFileName(path));
        var bytes = new FileInfo(path).Length;
        var baseline = Measure.Best(runs, () => File.ReadAllText(path).AsSpan().Count('\n'));
        var time = Measure.Best(runs, () => LockfileReader.Read(path, path));
        var label = $"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)} ({lockfile.Format}, {lockfile.Dependencies.Count} packages, {bytes / 1024} KB)";
        Console.WriteLine(Measure.Row(label, time, baseline));
        if (lockfile.Problems.Count > 0)
            Console.WriteLine($"    {lockfile.Problems.Count} problems, first: {lockfile.Problems[0]}");
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            Measure.Report("  (JsonDocument.Parse of the same file)", runs, baseline, () => JsonDocument.Parse(File.ReadAllBytes(path)).Dispose());
    }
}
