namespace PackGuard.Ledger;

/// <summary>Where the command ran; <see cref="LedgerContexts.Detect"/> tells them apart.</summary>
public enum LedgerContext
{
    /// <summary>On someone's machine, by hand.</summary>
    Local,

    /// <summary>In a continuous-integration job (the <c>CI</c> variable is set).</summary>
    CI,

    /// <summary>In a package manager's publish hook (<c>prepublishOnly</c>, <c>prepack</c>, ...).</summary>
    PublishHook,
}
