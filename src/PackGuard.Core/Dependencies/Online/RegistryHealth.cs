namespace PackGuard.Dependencies.Online;

/// <summary>
/// Remembers, for one run, that a registry is down, so that a lockfile of 300 packages meets one
/// timeout rather than 300. A registry is given up on when the first request to it cannot reach
/// it at all (DNS, refused connection, timeouts after retries), or after a few packages in a row
/// failed in any way (HTTP 5xx after retries, refused access, timeouts) with no success between them. Until a
/// registry has answered once, look-ups go to it one at a time: an unreachable registry then
/// costs one failed request, not one per concurrent look-up, and a NuGet feed's service index is
/// fetched once.
/// </summary>
internal sealed class RegistryHealth
{
    private const int FailuresInARowBeforeGivingUp = 3;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _firstContact = new(1, 1);
    private volatile bool _answered;
    private int _failuresInARow;
    private string? _down;

    /// <summary>
    /// Waits while another look-up is making first contact with the registry. True when the caller
    /// now makes it and must call <see cref="EndFirstContact"/>; false once the registry has answered.
    /// </summary>
    public async Task<bool> WaitForFirstContactAsync(CancellationToken ct)
    {
        if (_answered)
            return false;
        await _firstContact.WaitAsync(ct).ConfigureAwait(false);
        if (!_answered)
            return true;
        _firstContact.Release();
        return false;
    }

    public void EndFirstContact() => _firstContact.Release();

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
        _answered = true;
    }

    public void Failed(string reason, bool unreachable)
    {
        lock (_gate)
        {
            // Once the registry has answered, one package timing out (a huge document on a slow
            // link) says little about the rest: it counts as one failure in a row.
            if ((unreachable && !_answered) || ++_failuresInARow >= FailuresInARowBeforeGivingUp)
                _down ??= reason;
        }
        // An HTTP error is an answer: the registry is there, and the others may go ahead together.
        if (!unreachable)
            _answered = true;
    }
}
