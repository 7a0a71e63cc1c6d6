using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Rules;

namespace PackGuard.Inspectors.Secrets;

/// <summary>
/// Finds credentials an artifact carries: in text, inside the original sources a source map
/// embeds, in base64 blobs and escaped strings, and in the printable strings of binaries. How the
/// pieces fit:
/// <list type="bullet">
/// <item><see cref="SecretCatalog"/> holds the rules as data, with samples.</item>
/// <item><see cref="SecretEngine"/> compiles them into a prefix table and two small vectorised
/// searches; <see cref="SecretMatcher"/> runs patterns only on windows at those anchors.</item>
/// <item><see cref="SecretTextScanner"/> streams a text through the matcher with bounded memory,
/// tracking lines and decoding base64; <see cref="SecretInspection"/> chooses how each entry is
/// read.</item>
/// <item><see cref="SecretFindings"/> turns hits into findings: severity from confidence and
/// context, a redacted preview, and a keyed fingerprint. No secret value goes past it.</item>
/// </list>
/// </summary>
public sealed class SecretInspector : IInspector
{
    private static readonly Lazy<SecretEngine> DefaultEngine = new(() => SecretEngine.Create(SecretCatalog.All));
    private readonly SecretEngine _engine;
    private readonly SecretFingerprinter _fingerprinter;

    /// <summary>Creates the inspector with the built-in rules.</summary>
    public SecretInspector(SecretFingerprinter fingerprinter)
        : this(fingerprinter, DefaultEngine.Value)
    {
    }

    internal SecretInspector(SecretFingerprinter fingerprinter, SecretEngine engine)
    {
        _fingerprinter = fingerprinter;
        _engine = engine;
    }

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => SecretCatalog.Descriptors;

    /// <inheritdoc />
    public IArtifactInspection Begin(InspectionContext context) => new SecretInspection(context, _engine, _fingerprinter);
}
