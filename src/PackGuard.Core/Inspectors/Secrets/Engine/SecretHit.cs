using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>A credential found in an entry's text, with where it is.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Secret">The credential itself: only ever redacted or fingerprinted.</param>
/// <param name="VisiblePrefix">The public format prefix of the secret, safe to show.</param>
/// <param name="Validation">The validator's conclusion.</param>
/// <param name="Line">1-based line (null inside binaries).</param>
/// <param name="Column">1-based column (null inside binaries).</param>
/// <param name="Encoding">How it was written: <c>plain</c>, <c>base64</c>, <c>percent-encoded</c>, <c>escaped</c>, <c>binary-string</c>.</param>
/// <param name="Offset">Byte offset of the string that holds it, inside binaries.</param>
internal readonly record struct SecretHit(
    SecretRule Rule,
    string Secret,
    string VisiblePrefix,
    Validation Validation,
    long? Line,
    long? Column,
    string Encoding,
    long? Offset);

/// <summary>Receives hits as a scanner finds them.</summary>
internal interface ISecretHitSink
{
    void OnHit(in SecretHit hit);
}
