namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>What an offline check of a candidate secret concluded.</summary>
public enum ValidationOutcome
{
    /// <summary>The check does not apply to this candidate (or there is none).</summary>
    NotChecked,

    /// <summary>The checksum or structure is right: this is a real credential format, not an example.</summary>
    Valid,

    /// <summary>The checksum or structure is wrong: not a real credential of this type.</summary>
    Invalid,
}

/// <summary>
/// The result of an offline validator. <see cref="Detail"/> describes the credential for people
/// ("checksum valid", "RSA 2048-bit private key, not encrypted") and must never contain any part
/// of the secret itself.
/// </summary>
/// <param name="Outcome">Valid, invalid or not checked.</param>
/// <param name="Detail">A short description safe to print.</param>
public readonly record struct Validation(ValidationOutcome Outcome, string? Detail = null)
{
    /// <summary>Whether the credential is protected (an encrypted private key) or no longer usable (an expired token).</summary>
    public bool Weakened { get; init; }

    public static Validation NotChecked => new(ValidationOutcome.NotChecked);

    public static Validation Valid(string detail) => new(ValidationOutcome.Valid, detail);

    public static Validation Invalid(string detail) => new(ValidationOutcome.Invalid, detail);
}

/// <summary>An offline check of a candidate secret: a checksum, or a structure that must parse.</summary>
public interface ISecretValidator
{
    /// <summary>Checks <paramref name="secret"/>. Must not throw on any input, and must be fast (no network, bounded work).</summary>
    Validation Validate(string secret);
}

/// <summary>
/// A validator that only rules candidates out (identifiers, published development keys, expired
/// signatures) and never proves one real. A rule with a filter is not critical by default: only a
/// passed checksum or structure check makes a finding critical.
/// </summary>
public interface ISecretFilter : ISecretValidator;
