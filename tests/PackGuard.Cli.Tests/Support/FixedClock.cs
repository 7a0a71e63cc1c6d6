namespace PackGuard.Cli.Tests.Support;

/// <summary>A clock that always says <paramref name="now"/>, for registry times and cooldowns.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
