using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets;

/// <summary>How the engine finds where a rule's pattern is worth trying.</summary>
public enum AnchorKind
{
    /// <summary>The secret starts with a literal, case-sensitive prefix (<c>ghp_</c>, <c>AKIA</c>).</summary>
    Prefix,

    /// <summary>A case-insensitive literal marks the place (<c>-----BEGIN</c>, <c>://</c>, <c>password</c>).</summary>
    Marker,

    /// <summary>The secret is a bare high-entropy token and a provider word precedes it (<c>twilio</c>).</summary>
    Context,

    /// <summary>A fixed, case-sensitive signature stands inside the token (Azure identifiable keys: <c>+ASt</c> before the checksum).</summary>
    Signature,
}

/// <summary>A cheap test a marker hit must pass before the rule's pattern runs on it.</summary>
public enum SecretGuard
{
    /// <summary>No test.</summary>
    None,

    /// <summary>Within a few characters after the marker, <c>:</c> or <c>=</c> is followed by a quote.</summary>
    QuotedAssignment,
}

/// <summary>
/// One credential type, as data. The engine finds candidate places through the rule's anchor
/// (a token prefix, a marker, or a context word before a long token), runs <see cref="Pattern"/>
/// on a window there, then applies entropy, placeholder checks and <see cref="Validator"/>.
/// Every rule carries samples that must match and samples that must not; one test runs them all.
/// </summary>
public sealed record SecretRule
{
    /// <summary><c>secret/&lt;provider&gt;-&lt;kind&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the credential is, for people: "GitHub personal access token (classic)".</summary>
    public required string Name { get; init; }

    /// <summary>What the rule detects and how the credential is used.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// A .NET regular expression, run with <c>RegexOptions.NonBacktracking</c> (no lookarounds or
    /// backreferences). A named group <c>secret</c> marks the credential; without it the whole
    /// match is the credential. Context rules' patterns must match a whole token.
    /// </summary>
    public required string Pattern { get; init; }

    /// <summary>Case-sensitive literals the secret token starts with.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [];

    /// <summary>Case-insensitive literals that mark the place to look (kept few: they share one vectorised search).</summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    /// <summary>
    /// Case-sensitive literals that appear inside the token, not at its start (a signature before a
    /// checksum). The pattern must match the whole token.
    /// </summary>
    public IReadOnlyList<string> Signatures { get; init; } = [];

    /// <summary>
    /// Case-insensitive words one of which must appear shortly before the secret on its line. For
    /// a rule without prefixes or markers they are the anchor; otherwise an extra requirement.
    /// </summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>A cheap pre-check for marker hits (common words hit often; most hits are not assignments).</summary>
    public SecretGuard Guard { get; init; }

    /// <summary>How far after the anchor the pattern may reach.</summary>
    public int MaxLength { get; init; } = 256;

    /// <summary>How far before the anchor the pattern may start (a Telegram token's digits precede its prefix).</summary>
    public int LookBehind { get; init; }

    /// <summary>An offline checksum or structure check; a pass makes the finding <see cref="Confidence.Validated"/>.</summary>
    public ISecretValidator? Validator { get; init; }

    /// <summary>
    /// Drop a match the validator calls invalid instead of reporting it low. For filters that
    /// recognise non-credentials (identifiers, URLs), not for checksums, whose failures are still
    /// worth a low finding.
    /// </summary>
    public bool DiscardInvalid { get; init; }

    /// <summary>
    /// Breaks ties when several rules report the same secret at the same place with the same
    /// confidence: the higher wins (a service-account key over the bare PEM key inside it).
    /// </summary>
    public int Priority { get; init; }

    /// <summary>Minimum Shannon entropy (bits per character) of the secret; rejects <c>aaaa…</c> and words.</summary>
    public double MinEntropy { get; init; }

    /// <summary>Confidence when no validator says more.</summary>
    public Confidence Confidence { get; init; } = Confidence.High;

    /// <summary>A test-mode credential (Stripe <c>sk_test_</c>): reported, but low.</summary>
    public bool TestCredential { get; init; }

    /// <summary>How to revoke or rotate the credential, for the finding's fix.</summary>
    public string Rotate { get; init; } = "Revoke the credential with its provider, issue a new one, and keep it out of the package (environment variables or a secret store at run time).";

    /// <summary>Lines that contain exactly one such credential.</summary>
    public required IReadOnlyList<string> Positives { get; init; }

    /// <summary>Lines that look alike but must not be reported by this rule.</summary>
    public required IReadOnlyList<string> Negatives { get; init; }

    /// <summary>How the engine anchors this rule.</summary>
    public AnchorKind Anchor =>
        Prefixes.Count > 0 ? AnchorKind.Prefix :
        Markers.Count > 0 ? AnchorKind.Marker :
        Signatures.Count > 0 ? AnchorKind.Signature :
        AnchorKind.Context;
}
