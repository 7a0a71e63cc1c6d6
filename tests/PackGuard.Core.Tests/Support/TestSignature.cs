using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PackGuard.Tests.Support;

/// <summary>
/// Builds NuGet-style package signatures (CMS SignedData) with self-signed certificates: an author
/// signature with a repository countersignature, or a repository signature alone. The signature
/// values are random bytes: PackGuard reads who signed, it does not verify.
/// </summary>
public static class TestSignature
{
    private const string ProofOfOrigin = "1.2.840.113549.1.9.16.6.1";
    private const string ProofOfReceipt = "1.2.840.113549.1.9.16.6.2";

    /// <summary>A self-signed code-signing certificate with this subject.</summary>
    public static X509Certificate2 Certificate(string subject, int validYears = 3)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return request.CreateSelfSigned(from, from.AddYears(validYears));
    }

    /// <summary>
    /// The bytes of a <c>.signature.p7s</c>: <paramref name="author"/>'s signature countersigned by
    /// <paramref name="repository"/>, or the repository's alone when there is no author.
    /// </summary>
    public static byte[] Build(X509Certificate2? author, X509Certificate2? repository, IReadOnlyList<string>? owners = null, bool subjectKeyId = false)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.7.2");
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                    DigestAlgorithm(writer);
                using (writer.PushSequence())
                    writer.WriteObjectIdentifier("1.2.840.113549.1.7.1");
                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    foreach (var certificate in new[] { author, repository }.OfType<X509Certificate2>())
                        writer.WriteEncodedValue(certificate.RawData);
                }
                using (writer.PushSetOf())
                {
                    if (author is not null)
                        Signer(writer, author, ProofOfOrigin, null, repository is null ? null : () => Signer(writer, repository, ProofOfReceipt, owners, null, subjectKeyId), subjectKeyId);
                    else if (repository is not null)
                        Signer(writer, repository, ProofOfReceipt, owners, null, subjectKeyId);
                }
            }
        }
        return writer.Encode();
    }

    private static void Signer(AsnWriter writer, X509Certificate2 certificate, string commitment, IReadOnlyList<string>? owners, Action? countersign, bool subjectKeyId)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(subjectKeyId ? 3 : 1);
            if (subjectKeyId)
            {
                var ski = (X509SubjectKeyIdentifierExtension)certificate.Extensions["2.5.29.14"]!;
                writer.WriteOctetString(ski.SubjectKeyIdentifierBytes.Span, new Asn1Tag(TagClass.ContextSpecific, 0));
            }
            else
            {
                using (writer.PushSequence())
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                    writer.WriteIntegerUnsigned(certificate.SerialNumberBytes.Span);
                }
            }
            DigestAlgorithm(writer);
            using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                Attribute(writer, "1.2.840.113549.1.9.16.2.16", () =>
                {
                    using (writer.PushSequence())
                        writer.WriteObjectIdentifier(commitment);
                });
                if (commitment == ProofOfReceipt)
                {
                    Attribute(writer, "1.3.6.1.4.1.311.84.2.1.1.1", () => writer.WriteCharacterString(UniversalTagNumber.IA5String, "https://api.nuget.org/v3/index.json"));
                    if (owners is not null)
                    {
                        Attribute(writer, "1.3.6.1.4.1.311.84.2.1.1.2", () =>
                        {
                            using (writer.PushSequence())
                            {
                                foreach (var owner in owners)
                                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, owner);
                            }
                        });
                    }
                }
            }
            using (writer.PushSequence())
                writer.WriteObjectIdentifier("1.2.840.113549.1.1.11");
            writer.WriteOctetString(RandomNumberGenerator.GetBytes(256));
            if (countersign is not null)
            {
                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 1)))
                    Attribute(writer, "1.2.840.113549.1.9.6", countersign);
            }
        }
    }

    private static void Attribute(AsnWriter writer, string oid, Action value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSetOf())
                value();
        }
    }

    private static void DigestAlgorithm(AsnWriter writer)
    {
        using (writer.PushSequence())
            writer.WriteObjectIdentifier("2.16.840.1.101.3.4.2.1");
    }
}
