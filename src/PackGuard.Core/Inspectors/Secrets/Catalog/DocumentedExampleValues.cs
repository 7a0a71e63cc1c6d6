using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Long tokens that providers mark as examples inside the value, not only at its end: AWS's
/// documented session tokens carry EXAMPLE in their middle. A live token of random base64 holds
/// those seven capitals by chance about once in four trillion. Such a match is called invalid
/// and so reported low, like the other documented examples.
/// </summary>
internal sealed class DocumentedExampleValues : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new DocumentedExampleValues();

    private DocumentedExampleValues()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret) =>
        secret.Contains("EXAMPLE", StringComparison.Ordinal)
            ? Validation.Invalid("a value the provider's documentation marks as an example")
            : Validation.NotChecked;
}
