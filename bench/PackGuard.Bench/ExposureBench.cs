using System.Globalization;
using System.Text;
using PackGuard.Inspectors.Exposure;

namespace PackGuard.Bench;

/// <summary>
/// The exposure scanner alone on files held in memory, one thread: how fast text is widened, how
/// fast the one multi-string search runs over it, and the whole scanner (search, checks, tally),
/// each in MB/s. Shows where the inspector's time goes.
/// </summary>
internal static class ExposureBench
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (InputArgs.Parse(args, "PackGuard.Bench exposure <file>... [--runs N] [--codenames a,b]") is not { } input)
            return 2;
        var (files, runs, codenames) = input;
        var matcher = new ExposureMatcher(new ExposureOptions { Codenames = codenames });
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var megabytes = bytes.Length / 1e6;
            var chars = new char[64 * 1024];
            Console.WriteLine($"{Path.GetFileName(file)}: {megabytes:0.0} MB, best of {runs}");
            Row("Latin-1 widening only", megabytes, Measure.Best(runs, () =>
            {
                for (var at = 0; at < bytes.Length; at += chars.Length)
                    Encoding.Latin1.GetChars(bytes.AsSpan(at, Math.Min(chars.Length, bytes.Length - at)), chars);
            }));
            var anchors = 0;
            Row("widening + the multi-string search", megabytes, Measure.Best(runs, () =>
            {
                anchors = 0;
                for (var at = 0; at < bytes.Length; at += chars.Length)
                {
                    var length = Encoding.Latin1.GetChars(bytes.AsSpan(at, Math.Min(chars.Length, bytes.Length - at)), chars);
                    var text = chars.AsSpan(0, length);
                    for (var next = matcher.NextAnchor(text); next >= 0; next = matcher.NextAnchor(text))
                    {
                        anchors++;
                        text = text[(next + 1)..];
                    }
                }
            }));
            var hits = new Counter();
            Row("the whole scanner", megabytes, Measure.Best(runs, () =>
            {
                hits.Count = 0;
                var scanner = new ExposureTextScanner(matcher, hits);
                foreach (var chunk in bytes.Chunk(128 * 1024))
                    scanner.Write(chunk);
                scanner.Complete();
            }));
            Console.WriteLine($"  {anchors:N0} anchors, {hits.Count:N0} values");
            foreach (var (label, set) in AnchorSets)
            {
                var values = System.Buffers.SearchValues.Create(set, StringComparison.OrdinalIgnoreCase);
                var found = 0;
                var time = Measure.Best(runs, () =>
                {
                    found = 0;
                    for (var at = 0; at < bytes.Length; at += chars.Length)
                    {
                        var length = Encoding.Latin1.GetChars(bytes.AsSpan(at, Math.Min(chars.Length, bytes.Length - at)), chars);
                        var text = chars.AsSpan(0, length);
                        for (var next = text.IndexOfAny(values); next >= 0; next = text.IndexOfAny(values))
                        {
                            found++;
                            text = text[(next + 1)..];
                        }
                    }
                });
                Row($"search, {label} ({found:N0})", megabytes, time);
            }
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>Subsets of the anchors, to see which of them cost (the search slows with candidates its prefilter cannot rule out).</summary>
    private static readonly (string Label, string[] Set)[] AnchorSets =
    [
        ("URL only", ["://"]),
        ("URL and home roots", ["://", "/home/", "/users/", "\\users\\"]),
        ("+ private addresses", ["://", "/home/", "/users/", "\\users\\", "192.168.", "\"10.", "'10.", "@10.", "\"172.", "'172.", "@172."]),
        ("private domains only", [".internal", ".corp", ".local", ".lan", ".intranet"]),
    ];

    private static void Row(string label, double megabytes, TimeSpan time) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-40} {time.TotalMilliseconds,8:0.0} ms {megabytes / time.TotalSeconds,8:0} MB/s"));

    private sealed class Counter : IExposureRecorder
    {
        public long Count { get; set; }

        public void Record(ExposureKind kind, string value, long line, long column) => Count++;
    }
}
