namespace PackGuard.Ledger;

/// <summary>
/// The ledger: every scan, gate and deps run with its verdict and findings. A failed verdict is a
/// near miss (which control caught what, and what it would have exposed); the credentials seen in
/// one are remembered by keyed fingerprint, so that one seen again and never rotated is known.
/// <see cref="LedgerStore.Open"/> opens one on SQLite or PostgreSQL; both keep the same schema
/// (<see cref="LedgerSchema"/>). An instance is not safe for use by several threads at once;
/// several processes may share one store.
/// </summary>
public interface ILedger : IDisposable
{
    /// <summary>
    /// Keeps <paramref name="run"/> and its findings in one transaction. A failed verdict also
    /// records near misses and the credentials its secret findings carry (first sighting kept).
    /// </summary>
    /// <exception cref="ArgumentException">The verdict is neither <c>pass</c> nor <c>fail</c>.</exception>
    /// <exception cref="LedgerException">The run's id is already recorded, or the store refused the write.</exception>
    void Record(LedgerRun run);

    /// <summary>
    /// Of <paramref name="secretFingerprints"/>, those seen in an earlier failed run and not
    /// recorded as rotated since that run. Ask before <see cref="Record"/>ing the current run, or
    /// a credential's first leak would count as its own earlier sighting.
    /// </summary>
    IReadOnlyList<LeakedCredential> Leaked(IEnumerable<string> secretFingerprints);

    /// <summary>Records that the credential with <paramref name="secretFingerprint"/> was rotated: it no longer counts as leaked.</summary>
    /// <exception cref="LedgerException">No run ever recorded the fingerprint.</exception>
    void Rotated(string secretFingerprint, string by, DateTimeOffset at);

    /// <summary>Counts of runs and near misses by control, context, ecosystem, rule family and rule.</summary>
    LedgerStats Stats();

    /// <summary>The newest runs first, with their findings; at most <paramref name="limit"/>.</summary>
    IReadOnlyList<LedgerRun> List(int limit, bool nearMissesOnly);

    /// <summary>Every near miss, oldest first, in the de-identified shape the export starts from.</summary>
    IReadOnlyList<NearMissRecord> NearMisses();
}
