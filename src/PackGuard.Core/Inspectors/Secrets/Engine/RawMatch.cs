using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>A credential the matcher found in a text segment.</summary>
/// <param name="Rule">The rule that matched.</param>
/// <param name="Position">Where the secret starts in the segment (for an encoded match: where its anchor is).</param>
/// <param name="Secret">The credential. Never printed, logged or stored; only redacted and fingerprinted.</param>
/// <param name="VisiblePrefix">The part of the secret that is a public format marker (<c>ghp_</c>), safe to show.</param>
/// <param name="Encoding"><c>plain</c>, <c>percent-encoded</c> or <c>escaped</c>.</param>
/// <param name="Validation">What the rule's validator concluded.</param>
internal readonly record struct RawMatch(
    CompiledRule Rule,
    int Position,
    string Secret,
    string VisiblePrefix,
    string Encoding,
    Validation Validation);
