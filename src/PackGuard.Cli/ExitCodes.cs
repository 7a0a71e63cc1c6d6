namespace PackGuard.Cli;

/// <summary>The exit codes DESIGN.md promises; CI scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Every target passed the policy.</summary>
    public const int Pass = 0;

    /// <summary>At least one target failed the policy.</summary>
    public const int Fail = 1;

    /// <summary>Bad command line or configuration; nothing was scanned.</summary>
    public const int Usage = 2;

    /// <summary>A target could not be read: not found, network failure, unreadable archive.</summary>
    public const int Unreadable = 3;
}
