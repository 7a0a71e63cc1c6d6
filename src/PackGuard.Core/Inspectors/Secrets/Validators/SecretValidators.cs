namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// The offline validators, by the name a detection rule uses to ask for one. A rule's regex
/// finds a candidate; its validator turns the candidate into a validated credential (a checksum
/// or structure that random text and documentation examples do not have), an invalid one (the
/// right shape, but fake), or leaves it unchecked.
/// </summary>
/// <remarks>
/// How the pieces fit: checksum primitives (<see cref="Crc32"/>, <see cref="Crc24"/>,
/// <see cref="Marvin32"/>) and decoders (<see cref="Base64Text"/>, <see cref="PemBlock"/>,
/// <see cref="SshWireReader"/>, <see cref="PgpReader"/>, <see cref="Asn1PrivateKeys"/>) are
/// shared; each validator is one small class; and every result passes through
/// <see cref="DetailGuard"/>, which catches exceptions and keeps the secret out of the detail.
/// </remarks>
internal static class SecretValidators
{
    /// <summary>Every validator, by rule-facing name.</summary>
    public static readonly IReadOnlyDictionary<string, ISecretValidator> ByName = new Dictionary<string, ISecretValidator>(StringComparer.Ordinal)
    {
        ["base62-checksum"] = Base62Checksum.Instance,
        ["azure-identifiable-key"] = AzureIdentifiableKey.Instance,
        ["azure-cask"] = CommonAnnotatedSecurityKey.Instance,
        ["pem-private-key"] = PemPrivateKey.Instance,
        ["pgp-private-key"] = PgpPrivateKey.Instance,
        ["putty-private-key"] = PuttyPrivateKey.Instance,
        ["jwt"] = JwtValidator.Instance,
    };
}
