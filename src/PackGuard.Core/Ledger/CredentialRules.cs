using PackGuard.Findings;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Rules;

namespace PackGuard.Ledger;

/// <summary>
/// <c>credential/not-rotated</c>: a credential that a blocked run already caught is back, in any
/// target. Its samples are pairs (<see cref="RuleSample.Earlier"/>): the catalog test records the
/// earlier scan as blocked in a ledger, then scans the sample's files.
/// </summary>
public static class CredentialRules
{
    // Valid-looking tokens (their checksum holds) built at run time, so no token-shaped literal sits in the source.
    private static readonly string Leaked = Base62Checksum.Create("gh" + "p_", "R8sKfA0c3Lm1qWzX7yTbN4vJ2uPeD9");
    private static readonly string Fresh = Base62Checksum.Create("gh" + "p_", "Z1xYwV2uT3sR4qP5oN6mL7kJ8iH9gF");

    /// <summary>The descriptor of <c>credential/not-rotated</c>.</summary>
    public static RuleDescriptor NotRotated { get; } = new(
        "credential/not-rotated",
        "Leaked credential still in use",
        Severity.Critical,
        "A secret finding's credential (recognised by its keyed fingerprint, never by its value) was already caught in "
        + "a blocked run recorded in the ledger (packguard scan, gate or deps that failed), and no rotation was recorded "
        + "since (packguard ledger rotated <fingerprint> --by <name>). It appears again, in this target or another one.",
        "A credential that was blocked once was exposed once: on a laptop, in CI logs, in a build artifact. Removing it "
        + "from the package fixed the package, not the credential. The same value turning up again means it was never "
        + "revoked, and whoever saw it the first time can still use it.",
        "Revoke the credential at its provider and issue a new one now; then record it: packguard ledger rotated "
        + "<fingerprint> --by <your name>. Check the provider's audit log for use since the first sighting.",
        [
            new("a token caught in a blocked run, back in another package", true,
                [new SampleFile("package/config.js", "module.exports = { token: '" + Leaked + "' };\n")])
            {
                Earlier = [new SampleFile("package/index.js", "const t = '" + Leaked + "';\n")],
            },
            new("a different token than the one caught before", false,
                [new SampleFile("package/config.js", "module.exports = { token: '" + Fresh + "' };\n")])
            {
                Earlier = [new SampleFile("package/index.js", "const t = '" + Leaked + "';\n")],
            },
        ]);

    /// <summary>Every <c>credential/*</c> rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [NotRotated];
}
