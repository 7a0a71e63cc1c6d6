using System.Globalization;
using System.IO.Compression;
using PackGuard.Artifacts;
using PackGuard.Findings;

namespace PackGuard.Bench;

/// <summary>
/// The archive walker alone, in-process, on real tarballs: each measurement is printed as a ratio
/// against <c>gzip -dc</c> of the same file, measured in the same run.
/// </summary>
internal static class TarballBench
{
    public static int Run(IReadOnlyList<string> args)
    {
        var runs = 7;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--runs")
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
                files.Add(args[i]);
        }
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: PackGuard.Bench <artifact.tgz>... [--runs N]");
            Console.Error.WriteLine("       PackGuard.Bench secrets <file|directory>... [--runs N] [--warmup N] [--only engine|inspector] [--tsv]");
            return 2;
        }

        foreach (var file in files)
        {
            Console.WriteLine($"{Path.GetFileName(file)}: {new FileInfo(file).Length:N0} bytes");
            var gzip = Measure.Best(runs, () => Measure.Process("gzip", "-dc", file));
            Console.WriteLine(Measure.Row("gzip -dc (process, baseline)", gzip, gzip));
            Measure.Report("GZipStream to Stream.Null", runs, gzip, () =>
            {
                using var input = File.OpenRead(file);
                using var inflate = new GZipStream(input, CompressionMode.Decompress);
                inflate.CopyTo(Stream.Null, 128 * 1024);
            });
            foreach (var readAhead in new[] { false, true })
            {
                var mode = readAhead ? "read-ahead" : "sequential";
                Measure.Report($"walk, no sinks ({mode})", runs, gzip, () => Walk(file, new SkippingVisitor(), readAhead));
                Measure.Report($"walk, line count of every entry ({mode})", runs, gzip, () => Walk(file, new LineCountingVisitor(), readAhead));
                Measure.Report($"walk, SHA-256 of every entry ({mode})", runs, gzip, () => Walk(file, new HashingVisitor(), readAhead));
            }
            Console.WriteLine();
        }
        return 0;
    }

    private static void Walk(string file, IEntryVisitor visitor, bool readAhead)
    {
        var walker = new ArtifactWalker(ArtifactLimits.Default, new FindingList()) { ReadAhead = readAhead };
        walker.WalkFile(file, visitor, CancellationToken.None);
    }
}
