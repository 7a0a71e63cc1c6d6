using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Cloud platforms: AWS, Google Cloud, Azure, DigitalOcean, Alibaba, Cloudflare.</summary>
internal static class CloudSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/aws-access-key-id",
            Name = "AWS access key ID",
            Description = "An AWS access key ID (AKIA for long-term IAM user keys, ASIA for temporary STS keys). An ID alone cannot sign requests, but it names the account and almost always travels with its secret access key.",
            Prefixes = ["AKIA", "ASIA", "ABIA", "ACCA"],
            Pattern = @"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b",
            Confidence = Confidence.Medium,
            Rotate = "Deactivate and delete the key in IAM (aws iam delete-access-key), check CloudTrail for its use, and give the workload a role instead of a long-term key.",
            Positives = [Join("aws_access_key_id = AK", "IA", Random(16, Base32, 201))],
            Negatives = [Join("AK", "IA", Random(12, Base32, 202)), Join("AK", "IA", Random(16, Base32, 203).ToLowerInvariant())],
        },
        new()
        {
            Id = "secret/aws-secret-access-key",
            Name = "AWS secret access key",
            Description = "The 40-character secret half of an AWS access key, recognised next to the words AWS uses for it (aws_secret_access_key, SecretAccessKey). With its key ID it signs any request the key's IAM policy allows.",
            Context = ["aws_secret", "secret_access_key", "secretaccesskey", "aws_secret_key", "secretkey"],
            Pattern = @"[A-Za-z0-9/+]{40}",
            MinEntropy = 4.0,
            Rotate = "Deactivate and delete the access key in IAM, review CloudTrail for its use, and move the workload to a role or to short-lived credentials.",
            Positives = [Join("aws_secret_access_key = ", Random(40, Base64, 204))],
            Negatives = [Join("aws_secret_access_key = ", Random(32, Base64, 205)), Join("checksum = ", Random(40, Base64, 206))],
        },
    ];
}
