namespace PackGuard.Ledger;

/// <summary>A credential that leaked in a blocked run and has not been recorded as rotated since.</summary>
/// <param name="SecretFingerprint">The credential's keyed hash.</param>
/// <param name="FirstSeenTarget">The target of the first failed run that held it.</param>
/// <param name="FirstSeen">When that run finished.</param>
/// <param name="RuleId">The rule that found it then.</param>
public sealed record LeakedCredential(string SecretFingerprint, string FirstSeenTarget, DateTimeOffset FirstSeen, string RuleId);
