namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// What a NuGet package's <c>.signature.p7s</c> says about who signed it. PackGuard reads the
/// signer identities and the attributes the repository records; it does not verify the signature
/// or its certificate chain (the NuGet client does that on restore), so these are claims to
/// compare between releases, not proof.
/// </summary>
public sealed record PackageSignature
{
    /// <summary>The author's signature (commitment type proof of origin), when the package has one.</summary>
    public SignatureSigner? Author { get; init; }

    /// <summary>The repository's signature (proof of receipt), primary or as a countersignature.</summary>
    public SignatureSigner? Repository { get; init; }

    /// <summary>The service index of the repository that signed (<c>nuget-v3-service-index-url</c>).</summary>
    public string? RepositoryServiceIndex { get; init; }

    /// <summary>The package owners the repository recorded when it signed (<c>nuget-package-owners</c>), sorted.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>Why the signature could not be read in full, or <see langword="null"/>.</summary>
    public string? Problem { get; init; }
}

/// <summary>The certificate a signature names as its signer.</summary>
/// <param name="CommonName">The subject's common name.</param>
/// <param name="Organization">The subject's organization, when present.</param>
/// <param name="Sha256">The certificate's SHA-256 fingerprint, lower-case hex.</param>
/// <param name="NotAfter">When the certificate expires.</param>
public sealed record SignatureSigner(string CommonName, string? Organization, string Sha256, DateTimeOffset NotAfter)
{
    /// <summary>The identity releases are compared by: a renewed certificate keeps it, a new signer does not.</summary>
    public string Identity => Organization is null || Organization == CommonName ? CommonName : $"{CommonName} ({Organization})";
}
