namespace PackGuard.Ledger;

/// <summary>
/// The ledger cannot be opened, read or written (not a PackGuard ledger, written by a newer
/// PackGuard, server unreachable), or a request makes no sense (rotating a credential it never saw).
/// Messages never carry a connection password.
/// </summary>
public sealed class LedgerException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public LedgerException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
