using PackGuard.Ledger;
using PackGuard.Policy;
using PackGuard.Scanning;

namespace PackGuard.Cli.Commands;

/// <summary>
/// What <c>scan</c>, <c>gate</c> and <c>deps</c> do with the ledger: open it (<c>--ledger</c>, else
/// <c>PACKGUARD_LEDGER</c>, else the SQLite file in the data directory), add
/// <c>credential/not-rotated</c> before the verdict, and record the run after it. A default ledger
/// that cannot be opened or written is a warning, never a failed gate; a ledger the user named that
/// cannot be opened is an error (exit 3) before anything is scanned.
/// </summary>
internal sealed class LedgerSetup : IDisposable
{
    private readonly CliHost _host;
    private readonly LedgerControl _control;
    private ILedger? _ledger;

    private LedgerSetup(CliHost host, LedgerControl control, ILedger? ledger)
    {
        _host = host;
        _control = control;
        _ledger = ledger;
    }

    /// <summary>Opens the ledger for a run of <paramref name="control"/>.</summary>
    /// <param name="host">The host (environment, clock, standard error).</param>
    /// <param name="control">Which command runs.</param>
    /// <param name="location">The <c>--ledger</c> value: a PostgreSQL URL, a file, or <c>off</c>.</param>
    /// <param name="configured">The policy file's <c>ledger</c>, used when neither the option nor <c>PACKGUARD_LEDGER</c> names one.</param>
    /// <exception cref="LedgerException">A ledger the user named cannot be opened.</exception>
    public static LedgerSetup Open(CliHost host, LedgerControl control, string? location, string? configured = null)
    {
        var named = Named(host, location, configured);
        if (string.Equals(named, "off", StringComparison.OrdinalIgnoreCase))
            return new LedgerSetup(host, control, null);
        if (named is not null)
            return new LedgerSetup(host, control, LedgerStore.Open(Target(host, named), host.Clock));
        try
        {
            return new LedgerSetup(host, control, LedgerStore.Open(LedgerStore.DefaultSqlitePath(host.Environment), host.Clock));
        }
        catch (Exception e) when (e is LedgerException or IOException or UnauthorizedAccessException)
        {
            host.Error.WriteLine($"packguard: warning: the ledger could not be opened, so this run is not recorded: {e.Message}");
            return new LedgerSetup(host, control, null);
        }
    }

    /// <summary>The ledger the user named: <c>--ledger</c>, else <c>PACKGUARD_LEDGER</c>, else the policy file's; <see langword="null"/> for the default.</summary>
    public static string? Named(CliHost host, string? location, string? configured = null) =>
        location ?? (host.Environment.GetVariable("PACKGUARD_LEDGER") is { Length: > 0 } fromEnvironment ? fromEnvironment : configured);

    /// <summary>What <see cref="LedgerStore.Open"/> takes for a named ledger: a URL as it is, a file relative to the working directory.</summary>
    public static string Target(CliHost host, string named) =>
        named.Contains("://", StringComparison.Ordinal) ? named : Path.GetFullPath(named, host.Environment.WorkingDirectory);

    /// <summary>The result with <c>credential/not-rotated</c> findings for credentials a blocked run already caught.</summary>
    public ScanResult CheckCredentials(ScanResult result)
    {
        if (_ledger is null)
            return result;
        try
        {
            return NotRotatedCheck.AddTo(result, _ledger);
        }
        catch (LedgerException e)
        {
            Lost(e);
            return result;
        }
    }

    /// <summary>Records a judged run; a failed verdict is a near miss.</summary>
    public void Record(ScanReport report)
    {
        if (_ledger is null)
            return;
        var target = report.Result.Target;
        var run = new LedgerRun(Guid.NewGuid(), _host.Clock.GetUtcNow(), _control, LedgerContexts.Detect(_host.Environment.GetVariable),
            target.Spec, target.Ecosystem, target.Name, target.Version, target.Sha256,
            report.Verdict == Verdict.Fail ? LedgerRun.Fail : LedgerRun.Pass, report.FailOn.Name,
            [.. report.Result.Findings.Select(f => Remembered(f, report))]);
        try
        {
            _ledger.Record(run);
        }
        catch (LedgerException e)
        {
            Lost(e);
        }
    }

    /// <summary>
    /// A finding as the ledger keeps it. A credential is remembered as leaked only when its own
    /// finding is at or above the fail-on level: a low-confidence match (a public client token, a
    /// generic assignment) in a run that failed for other reasons did not get anything blocked, and
    /// would otherwise turn into a critical credential/not-rotated in every later release.
    /// </summary>
    private static LedgerFinding Remembered(PackGuard.Findings.Finding finding, ScanReport report)
    {
        var kept = LedgerFinding.From(finding);
        return kept.SecretFingerprint is not null && !report.FailOn.Fails(finding.Severity) ? kept with { SecretFingerprint = null } : kept;
    }

    private void Lost(LedgerException e)
    {
        _host.Error.WriteLine($"packguard: warning: the ledger could not be written, so this run is not recorded: {e.Message}");
        _ledger?.Dispose();
        _ledger = null;
    }

    public void Dispose() => _ledger?.Dispose();
}
