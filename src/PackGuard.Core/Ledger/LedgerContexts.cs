namespace PackGuard.Ledger;

/// <summary>Tells where a command runs from its environment variables.</summary>
public static class LedgerContexts
{
    // npm (and Yarn, pnpm) name the running lifecycle script in npm_lifecycle_event. These run
    // before `npm publish` or `npm pack`: a scan from one of them is the last check before a release.
    // `prepare` is left out: it also runs on a plain `npm install`, so it says nothing about publishing.
    private static readonly string[] PublishEvents = ["prepublishOnly", "prepublish", "prepack"];

    /// <summary>
    /// A publish hook when <c>npm_lifecycle_event</c> names a publish or pack script (a hook in CI
    /// is still a publish hook: it says which control caught it); else CI when <c>CI</c> is set to
    /// anything but <c>false</c> or <c>0</c>; else local.
    /// </summary>
    public static LedgerContext Detect(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (getVariable("npm_lifecycle_event") is { Length: > 0 } lifecycle && PublishEvents.Contains(lifecycle, StringComparer.Ordinal))
            return LedgerContext.PublishHook;
        if (getVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0")
            return LedgerContext.CI;
        return LedgerContext.Local;
    }
}
