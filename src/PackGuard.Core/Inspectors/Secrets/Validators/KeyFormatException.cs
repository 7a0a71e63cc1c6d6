namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// A key that does not parse. Thrown deep inside the key parsers and caught by the validator
/// that called them; its message is shown to people, so it never carries key material.
/// </summary>
internal sealed class KeyFormatException(string reason) : Exception(reason);
