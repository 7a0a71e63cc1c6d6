namespace PackGuard.Ledger;

/// <summary>The PackGuard command that ran: the control that caught (or passed) the target.</summary>
public enum LedgerControl
{
    /// <summary><c>packguard scan</c>: what a package would publish or install.</summary>
    Scan,

    /// <summary><c>packguard gate</c>: a new version compared with the one before it.</summary>
    Gate,

    /// <summary><c>packguard deps</c>: the dependencies a lockfile resolves.</summary>
    Deps,
}
