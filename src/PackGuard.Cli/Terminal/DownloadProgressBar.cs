using System.Diagnostics;
using System.Globalization;
using PackGuard.Findings;
using PackGuard.Sources;

namespace PackGuard.Cli.Terminal;

/// <summary>
/// A one-line progress bar for downloads on standard error, redrawn at most ten times a second
/// and erased when done. Only used when standard error is a terminal.
/// </summary>
internal sealed class DownloadProgressBar(TextWriter error) : IProgress<TransferProgress>
{
    private const int BarWidth = 30;
    private readonly Lock _lock = new();
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _drawn;

    public void Report(TransferProgress value)
    {
        lock (_lock)
        {
            var finished = value.TotalBytes is { } total && value.BytesReceived >= total;
            if (_drawn && !finished && _sinceDraw.ElapsedMilliseconds < 100)
                return;
            _sinceDraw.Restart();
            _drawn = true;
            error.Write("\r" + Line(value) + "\u001b[K");
            error.Flush();
        }
    }

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

    internal static string Line(TransferProgress value)
    {
        if (value.TotalBytes is not ({ } total and > 0))
            return $"Downloading {value.Label}  {ByteSize.Format(value.BytesReceived)}";
        var fraction = Math.Clamp((double)value.BytesReceived / total, 0, 1);
        var filled = (int)(fraction * BarWidth);
        var bar = new string('=', filled) + (filled < BarWidth ? ">" : "") + new string(' ', Math.Max(0, BarWidth - filled - 1));
        // Rounded down, so that 100% means done; written as 50%, whatever the culture's pattern.
        var percent = ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture);
        return $"Downloading {value.Label} [{bar}] {percent}%  {ByteSize.Format(value.BytesReceived)} / {ByteSize.Format(total)}";
    }
}
