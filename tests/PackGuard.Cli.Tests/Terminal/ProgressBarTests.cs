using PackGuard.Cli.Terminal;
using PackGuard.Sources;

namespace PackGuard.Cli.Tests.Terminal;

/// <summary>The progress line on standard error: its layout, and how it is drawn and erased.</summary>
public sealed class ProgressBarTests
{
    private const string Erase = "\u001b[K";

    private static string Line(long received, long? total) =>
        ProgressBar.Line("Downloading", "is-number@7.0.0", received, total);

    private static string Bar(string line) => line[(line.IndexOf('[') + 1)..line.IndexOf(']')];

    [Fact]
    public void Half_way_shows_a_half_filled_bar_the_percentage_and_both_sizes()
    {
        Line(5_000, 10_000).ShouldBe("Downloading is-number@7.0.0 [===============>              ] 50%  5.0 kB / 10.0 kB");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3_333, 9)]
    [InlineData(9_999, 29)]
    [InlineData(10_000, 30)]
    [InlineData(25_000, 30)] // a server that sends more than it announced does not overflow the bar
    public void The_bar_is_always_thirty_columns_filled_in_proportion(long received, int filled)
    {
        var bar = Bar(Line(received, 10_000));

        bar.Length.ShouldBe(30);
        bar.TrimEnd().TrimEnd('>').ShouldBe(new string('=', filled));
    }

    [Theory]
    [InlineData(0, "0%")]
    [InlineData(9_999, "99%")] // not rounded up: 100% means done
    [InlineData(10_000, "100%")]
    [InlineData(25_000, "100%")]
    public void The_percentage_never_claims_more_than_is_done(long received, string percent)
    {
        Line(received, 10_000).ShouldContain($"] {percent}  ");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void Without_a_known_total_only_the_bytes_received_are_shown(long? total)
    {
        Line(1_234_567, total).ShouldBe("Downloading is-number@7.0.0  1.2 MB");
    }

    [Fact]
    public void Each_draw_returns_to_the_line_start_and_erases_what_was_left()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error);

        bar.Report(new TransferProgress("x", 10, 10));

        error.ToString().ShouldBe("\r" + ProgressBar.Line("Downloading", "x", 10, 10) + Erase);
    }

    [Fact]
    public void Clear_erases_a_drawn_bar_once_and_nothing_when_none_was_drawn()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error);

        bar.Clear();
        error.ToString().ShouldBeEmpty();

        bar.Report(new TransferProgress("x", 1, 10));
        error.GetStringBuilder().Clear();
        bar.Clear();
        bar.Clear();
        error.ToString().ShouldBe("\r" + Erase);
    }

    [Fact]
    public void Rapid_reports_are_drawn_at_most_about_ten_times_a_second()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error);

        for (var i = 0; i < 1_000; i++)
            bar.Report(new TransferProgress("x", i, 1_000_000));

        // Drawn once at once, then at most every 100 ms; a tight loop takes far less than a second.
        error.ToString().Count(c => c == '\r').ShouldBeLessThan(20);
    }

    [Fact]
    public void The_final_report_is_always_drawn_so_the_bar_ends_full()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error);

        bar.Report(new TransferProgress("x", 1, 100));
        bar.Report(new TransferProgress("x", 100, 100));

        error.ToString().ShouldEndWith("] 100%  100 B / 100 B" + Erase);
    }

    [Fact]
    public void Scanning_reports_use_the_same_bar()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error);

        bar.ForScan("npm:big@1.0.0").Report(new PackGuard.Artifacts.WalkProgress(50, 100));

        error.ToString().ShouldBe("\r" + ProgressBar.Line("Scanning", "npm:big@1.0.0", 50, 100) + Erase);
        error.ToString().ShouldContain("Scanning npm:big@1.0.0 [===============>              ] 50%");
    }
}
