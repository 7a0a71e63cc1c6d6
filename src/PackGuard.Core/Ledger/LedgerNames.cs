namespace PackGuard.Ledger;

/// <summary>How controls and contexts are written in the store, in statistics and in exports.</summary>
public static class LedgerNames
{
    /// <summary><c>scan</c>, <c>gate</c> or <c>deps</c>: the command's name.</summary>
    public static string ToName(this LedgerControl control) => control switch
    {
        LedgerControl.Scan => "scan",
        LedgerControl.Gate => "gate",
        LedgerControl.Deps => "deps",
        _ => throw new ArgumentOutOfRangeException(nameof(control), control, null),
    };

    /// <summary><c>local</c>, <c>ci</c> or <c>publish-hook</c>.</summary>
    public static string ToName(this LedgerContext context) => context switch
    {
        LedgerContext.Local => "local",
        LedgerContext.CI => "ci",
        LedgerContext.PublishHook => "publish-hook",
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, null),
    };

    internal static LedgerControl ParseControl(string name) => name switch
    {
        "scan" => LedgerControl.Scan,
        "gate" => LedgerControl.Gate,
        "deps" => LedgerControl.Deps,
        _ => throw new LedgerException($"the ledger holds an unknown control '{name}'; was it written by a newer PackGuard?"),
    };

    internal static LedgerContext ParseContext(string name) => name switch
    {
        "local" => LedgerContext.Local,
        "ci" => LedgerContext.CI,
        "publish-hook" => LedgerContext.PublishHook,
        _ => throw new LedgerException($"the ledger holds an unknown context '{name}'; was it written by a newer PackGuard?"),
    };
}
