namespace PackGuard.Tests.Support;

/// <summary>
/// A clock that moves forward by <see cref="Step"/> every time it is read, so a time budget runs
/// out after a known number of readings, on any machine, however fast.
/// </summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public TimeSpan Step { get; } = step;

    /// <summary>How often the clock was read.</summary>
    public int Readings { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        Readings++;
        _ticks += Step.Ticks;
        return _ticks;
    }
}
