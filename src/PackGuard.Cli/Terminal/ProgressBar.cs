using System.Diagnostics;
using System.Globalization;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Sources;

namespace PackGuard.Cli.Terminal;

/// <summary>
/// A one-line progress bar on standard error for long work (downloads, large archives), redrawn
/// at most ten times a second and erased when done. Only used when standard error is a terminal.
/// </summary>
internal sealed class ProgressBar(TextWriter error) : IProgress<TransferProgress>
{
    /// <summary>Artifacts smaller than this scan too fast for a bar to help.</summary>
    public const long ScanBarThreshold = 8 * 1024 * 1024;

    private const int BarWidth = 30;
    private readonly Lock _lock = new();
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _drawn;

    /// <summary>Download progress.</summary>
    public void Report(TransferProgress value) =>
        Draw(Line("Downloading", value.Label, value.BytesReceived, value.TotalBytes), Finished(value.BytesReceived, value.TotalBytes));

    /// <summary>A progress sink for scanning the artifact <paramref name="label"/>.</summary>
    public IProgress<WalkProgress> ForScan(string label) =>
        new Adapter(value => Draw(Line("Scanning", label, value.BytesRead, value.TotalBytes), Finished(value.BytesRead, value.TotalBytes)));

    /// <summary>A progress sink for registry look-ups (<c>deps --online</c>): packages asked about out of all.</summary>
    public IProgress<(int Done, int Total)> ForLookups(string label) =>
        new Counter(value => Draw(CountLine("Asking the registries about", label, value.Done, value.Total), value.Done >= value.Total));

    /// <summary>Erases the bar so the report starts on a clean line.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (!_drawn)
                return;
            error.Write("\r\u001b[K");
            error.Flush();
            _drawn = false;
        }
    }

    internal static string Line(string verb, string label, long done, long? total)
    {
        if (total is not ({ } all and > 0))
            return $"{verb} {label}  {ByteSize.Format(done)}";
        var fraction = Math.Clamp((double)done / all, 0, 1);
        var filled = (int)(fraction * BarWidth);
        var bar = new string('=', filled) + (filled < BarWidth ? ">" : "") + new string(' ', Math.Max(0, BarWidth - filled - 1));
        // Rounded down, so that 100% means done; written as 50%, whatever the culture's pattern.
        var percent = ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture);
        return $"{verb} {label} [{bar}] {percent}%  {ByteSize.Format(done)} / {ByteSize.Format(all)}";
    }

    internal static string CountLine(string verb, string label, int done, int total)
    {
        var fraction = total > 0 ? Math.Clamp((double)done / total, 0, 1) : 1;
        var filled = (int)(fraction * BarWidth);
        var bar = new string('=', filled) + (filled < BarWidth ? ">" : "") + new string(' ', Math.Max(0, BarWidth - filled - 1));
        return $"{verb} {label} [{bar}] {done.ToString("N0", CultureInfo.InvariantCulture)} / {total.ToString("N0", CultureInfo.InvariantCulture)} packages";
    }

    private static bool Finished(long done, long? total) => total is { } all && done >= all;

    // The last update is always drawn, so a bar never stops short of full.
    private void Draw(string line, bool finished)
    {
        lock (_lock)
        {
            if (_drawn && !finished && _sinceDraw.ElapsedMilliseconds < 100)
                return;
            _sinceDraw.Restart();
            _drawn = true;
            error.Write("\r" + line + "\u001b[K");
            error.Flush();
        }
    }

    private sealed class Counter(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }

    private sealed class Adapter(Action<WalkProgress> report) : IProgress<WalkProgress>
    {
        public void Report(WalkProgress value) => report(value);
    }
}
