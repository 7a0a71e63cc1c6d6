using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Reads a NuGet package signature (<c>.signature.p7s</c>, a CMS SignedData) far enough to name
/// its signers: the primary signer and its commitment type (author or repository), a repository
/// countersignature, and the repository's service-index and owners attributes. The BCL has no CMS
/// parser outside System.Security.Cryptography.Pkcs, so this walks the DER with
/// <see cref="AsnReader"/>; it never throws on bad input.
/// </summary>
public static class NuGetSignatureReader
{
    /// <summary>The path of the signature inside a <c>.nupkg</c>.</summary>
    public const string EntryPath = ".signature.p7s";

    /// <summary>The most bytes of a signature that are read; real ones are 10–30 kB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string CommitmentTypeOid = "1.2.840.113549.1.9.16.2.16";
    private const string ProofOfOriginOid = "1.2.840.113549.1.9.16.6.1";
    private const string ProofOfReceiptOid = "1.2.840.113549.1.9.16.6.2";
    private const string CountersignatureOid = "1.2.840.113549.1.9.6";
    private const string ServiceIndexOid = "1.3.6.1.4.1.311.84.2.1.1.1";
    private const string OwnersOid = "1.3.6.1.4.1.311.84.2.1.1.2";
    private const string SubjectKeyIdentifierOid = "2.5.29.14";

    /// <summary>Reads a signature; a damaged or foreign one yields what could be read and a <see cref="PackageSignature.Problem"/>.</summary>
    public static PackageSignature Read(ReadOnlyMemory<byte> data)
    {
        try
        {
            return ReadSignedData(data);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException or InvalidOperationException)
        {
            return new PackageSignature { Problem = $"{EntryPath} is not a readable CMS signature ({e.Message.TrimEnd('.')})." };
        }
    }

    private static PackageSignature ReadSignedData(ReadOnlyMemory<byte> data)
    {
        var contentInfo = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
        if (contentInfo.ReadObjectIdentifier() != SignedDataOid)
            return new PackageSignature { Problem = $"{EntryPath} is not CMS signed data." };
        var signedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        signedData.ReadInteger();
        signedData.ReadSetOf();
        signedData.ReadSequence();
        var certificates = new List<X509Certificate2>();
        try
        {
            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                var set = signedData.ReadSetOf(skipSortOrderValidation: true, expectedTag: new Asn1Tag(TagClass.ContextSpecific, 0));
                while (set.HasData)
                {
                    var encoded = set.ReadEncodedValue();
                    // Only X.509 certificates (a SEQUENCE); attribute certificates and others are tagged [1]..[3].
                    if (new AsnReader(encoded, AsnEncodingRules.BER).PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
                        certificates.Add(X509CertificateLoader.LoadCertificate(encoded.Span));
                }
            }
            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
                signedData.ReadEncodedValue();
            var signers = signedData.ReadSetOf(skipSortOrderValidation: true);
            if (!signers.HasData)
                return new PackageSignature { Problem = $"{EntryPath} has no signer." };
            var primary = ReadSigner(signers.ReadSequence(), certificates);
            var signature = primary.Commitment switch
            {
                ProofOfOriginOid => new PackageSignature { Author = primary.Signer },
                ProofOfReceiptOid => Repository(primary),
                _ => new PackageSignature { Problem = $"{EntryPath} names no commitment type (author or repository)." },
            };
            if (primary.Commitment == ProofOfOriginOid && primary.Countersignatures.FirstOrDefault(c => c.Commitment == ProofOfReceiptOid) is { } receipt)
                signature = Repository(receipt) with { Author = primary.Signer };
            return signature;
        }
        finally
        {
            foreach (var certificate in certificates)
                certificate.Dispose();
        }
    }

    private static PackageSignature Repository(SignerFields receipt) => new()
    {
        Repository = receipt.Signer,
        RepositoryServiceIndex = receipt.ServiceIndex,
        Owners = receipt.Owners,
    };

    private sealed record SignerFields(SignatureSigner? Signer, string? Commitment, string? ServiceIndex, IReadOnlyList<string> Owners, IReadOnlyList<SignerFields> Countersignatures);

    private static SignerFields ReadSigner(AsnReader signerInfo, List<X509Certificate2> certificates)
    {
        signerInfo.ReadInteger();
        var certificate = FindCertificate(signerInfo, certificates);
        signerInfo.ReadSequence();
        string? commitment = null;
        string? serviceIndex = null;
        IReadOnlyList<string> owners = [];
        if (signerInfo.HasData && signerInfo.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            foreach (var (oid, values) in Attributes(signerInfo.ReadSetOf(skipSortOrderValidation: true, expectedTag: new Asn1Tag(TagClass.ContextSpecific, 0))))
            {
                if (!values.HasData)
                    continue;
                switch (oid)
                {
                    case CommitmentTypeOid:
                        commitment = values.ReadSequence().ReadObjectIdentifier();
                        break;
                    case ServiceIndexOid:
                        serviceIndex = values.ReadCharacterString(UniversalTagNumber.IA5String);
                        break;
                    case OwnersOid:
                        var list = new List<string>();
                        var sequence = values.ReadSequence();
                        while (sequence.HasData)
                            list.Add(sequence.ReadCharacterString(UniversalTagNumber.UTF8String));
                        owners = [.. list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                        break;
                }
            }
        }
        signerInfo.ReadSequence();
        signerInfo.ReadOctetString();
        var countersignatures = new List<SignerFields>();
        if (signerInfo.HasData && signerInfo.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
        {
            foreach (var (oid, values) in Attributes(signerInfo.ReadSetOf(skipSortOrderValidation: true, expectedTag: new Asn1Tag(TagClass.ContextSpecific, 1))))
            {
                while (oid == CountersignatureOid && values.HasData)
                    countersignatures.Add(ReadSigner(values.ReadSequence(), certificates));
            }
        }
        return new SignerFields(certificate is null ? null : Describe(certificate), commitment, serviceIndex, owners, countersignatures);
    }

    private static IEnumerable<(string Oid, AsnReader Values)> Attributes(AsnReader set)
    {
        while (set.HasData)
        {
            var attribute = set.ReadSequence();
            var oid = attribute.ReadObjectIdentifier();
            yield return (oid, attribute.ReadSetOf(skipSortOrderValidation: true));
        }
    }

    /// <summary>Reads the signer identifier and returns the certificate it names among those the signature carries.</summary>
    private static X509Certificate2? FindCertificate(AsnReader signerInfo, List<X509Certificate2> certificates)
    {
        if (signerInfo.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            var keyId = signerInfo.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 0));
            return certificates.FirstOrDefault(c =>
                c.Extensions[SubjectKeyIdentifierOid] is X509SubjectKeyIdentifierExtension ski
                && ski.SubjectKeyIdentifierBytes.Span.SequenceEqual(keyId));
        }
        var issuerAndSerial = signerInfo.ReadSequence();
        var issuer = issuerAndSerial.ReadEncodedValue();
        var serial = issuerAndSerial.ReadIntegerBytes();
        return certificates.FirstOrDefault(c =>
            c.IssuerName.RawData.AsSpan().SequenceEqual(issuer.Span) && c.SerialNumberBytes.Span.SequenceEqual(serial.Span));
    }

    private static SignatureSigner Describe(X509Certificate2 certificate)
    {
        string? organization = null;
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == "2.5.4.10")
                organization = rdn.GetSingleElementValue();
        }
        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return new SignatureSigner(
            string.IsNullOrEmpty(commonName) ? certificate.Subject : commonName,
            string.IsNullOrEmpty(organization) ? null : organization,
            certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(),
            certificate.NotAfter.ToUniversalTime());
    }
}
