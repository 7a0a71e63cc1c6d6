namespace PackGuard.Tests.Fuzzing;

/// <summary>How one input ended.</summary>
public enum FuzzVerdict
{
    /// <summary>The scan returned a result.</summary>
    Scanned,

    /// <summary>The scan reported the artifact unreadable (exit code 3): allowed.</summary>
    Unreadable,

    /// <summary>Anything else: an exception, a time bound crossed, a file written. A bug.</summary>
    Failed,
}

/// <summary>The oracle's judgement of one input.</summary>
/// <param name="Verdict">Scanned, unreadable or failed.</param>
/// <param name="Elapsed">How long the scan took.</param>
/// <param name="Detail">For a failure, what went wrong (with the stack trace); for an unreadable artifact, the problem.</param>
/// <param name="Hung">The scan did not stop even when cancelled; the fuzzer stops too.</param>
public sealed record FuzzOutcome(FuzzVerdict Verdict, TimeSpan Elapsed, string? Detail = null, bool Hung = false);
