namespace PackGuard.Dependencies.Online;

/// <summary>
/// Remembers, for one run, that a registry is down, so that a lockfile of 300 packages meets one
/// timeout rather than 300. A registry is given up on at the first failure to reach it at all
/// (DNS, refused connection, timeouts after retries), or after a few packages in a row failed
/// otherwise (HTTP 5xx after retries, refused access) with no success between them.
/// </summary>
internal sealed class RegistryHealth
{
    private const int FailuresInARowBeforeGivingUp = 3;

    private readonly Lock _gate = new();
    private int _failuresInARow;
    private string? _down;

    /// <summary>Why the registry is not asked any more, or <see langword="null"/> while it still is.</summary>
    public string? Down
    {
        get
        {
            lock (_gate)
                return _down;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
            _failuresInARow = 0;
    }

    public void Failed(string reason, bool unreachable)
    {
        lock (_gate)
        {
            if (unreachable || ++_failuresInARow >= FailuresInARowBeforeGivingUp)
                _down ??= reason;
        }
    }
}
