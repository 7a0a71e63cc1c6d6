using System.Text;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Cloud platforms: AWS and Google Cloud here, Azure in <see cref="AzureSecrets"/>, and hosting,
/// database and smaller cloud providers in <see cref="CloudPlatformSecrets"/>. Samples use seeds
/// 2000-2999.
/// </summary>
internal static class CloudSecrets
{
    // A throwaway 1024-bit PKCS#8 key made for the service-account sample, JSON-escaped as in a
    // key file; kept apart from its BEGIN line so that PackGuard's own binaries hold no PEM block.
    private const string SampleServiceAccountKeyBody =
            "MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBANpnuHVAWS0A4+Jr\\n" +
            "fbUqvnLOmmibfeZtKV0t1trQPB0j12h33UmnJCJarkKYnX9FjAFhw+UBqAl9//hz\\n" +
            "bZacadmRFV2JbGehRRjYwtibgepDCNSjuMEe4Yj68WCusKCnxUoKLtaYyT3lRGWs\\n" +
            "vjAGZXCQBpP2GVRDsIussXZRWKnvAgMBAAECgYEAmWTRo+A/AaGnbCYM00ojGqVK\\n" +
            "w3+6DDXNIHmKdoJcRicfKmtNS2aNtWc1Dub7byEcdPgCSvw/1fLd7dS8OlS+7diT\\n" +
            "P1OWem3LpvqKDji11RWLgHO44imkVMB8oUekY/6zRFLmoS+bF/ZPb22YPgmoR54M\\n" +
            "HD/C62ZluwYWLSD+50ECQQDuuNVEg7eSyj4mS9Ofmkq3cyqDBz9OdZRe1unj8uO1\\n" +
            "SBaP+/oA8ozXjyAcjyNsYfzzxX7t3IN/PORsPUO1wvjhAkEA6jZyPXrFgxpcH2V6\\n" +
            "qmGDy7gRvyfiGHch4hQlsIfY3GbtIcMdhOv02Tsr354zupNWTF91ZSUfKG8VtsRe\\n" +
            "WYLszwJBAJLoZj5qvK72DPcuVMZ0giSRGAlYjWnwS+VtZrRkBiPKgDANhhXNLkV9\\n" +
            "i+pnYApT5wHxeSJSQQ4tX/kIXsHdgaECQQDEZEdC+jGoj2/z+7nyKLbFGmH3MlBK\\n" +
            "R4sn8dDwx9i2Z7AsAVo9XUYA6bcOWa/yoR1aCSl9WLVZyFwi12JuGHTNAkAu+YqE\\n" +
            "Q9HRUJfM9dYBHxQmZdE66HkGO78eVbiH8+g6MPEqK8Hsn8jdaBIxIZlNqXO1lZ9G\\n" +
            "amNXONbS6tlbbB+s\\n";

    // The PEM inside a service-account file, as the JSON reader sees it (escapes undone): the
    // same text the PEM rule reports, so that one key gives one finding.
    private const string ServiceAccountPem = @"-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\s]+-----END PRIVATE KEY-----";
    private const string ServiceAccountType = @"[""']?type[""']?\s*:\s*[""']service_account[""']";
    private const string PrivateKeyField = @"[""']?private_key[""']?\s*:\s*[""']";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        .. Aws(),
        .. Google(),
        .. AzureSecrets.Rules,
        .. CloudPlatformSecrets.Rules,
    ];

    private static IEnumerable<SecretRule> Aws() =>
    [
        new()
        {
            Id = "secret/aws-access-key-id",
            Name = "AWS access key ID",
            Description = "An AWS access key ID (AKIA for long-term IAM user keys, ASIA for temporary STS keys, ABIA and ACCA for service-specific ones). An ID alone cannot sign requests, but it names the account and almost always travels with its secret access key.",
            Prefixes = ["AKIA", "ASIA", "ABIA", "ACCA"],
            Pattern = @"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b",
            Confidence = Confidence.Medium,
            Rotate = "Deactivate and delete the key in IAM (aws iam delete-access-key), check CloudTrail for its use, and give the workload a role instead of a long-term key.",
            Positives = [Join("aws_access_key_id = AK", "IA", Random(16, Base32, 2001))],
            Negatives =
            [
                Join("AK", "IA", Random(12, Base32, 2002)),
                Join("AK", "IA", Random(16, Base32, 2003).ToLowerInvariant()),
                Join("const id = \"XAK", "IA", Random(16, Base32, 2004), "\";"),
            ],
        },
        new()
        {
            Id = "secret/aws-secret-access-key",
            Name = "AWS secret access key",
            Description = "The 40-character secret half of an AWS access key, recognised next to the words AWS uses for it (aws_secret_access_key, SecretAccessKey). With its key ID it signs any request the key's IAM policy allows.",
            Context = ["aws_secret", "secret_access_key", "secretaccesskey", "aws_secret_key", "secretkey"],
            Pattern = @"[A-Za-z0-9/+]{40}",
            MinEntropy = 4.2,
            Confidence = Confidence.Medium,
            Validator = PublishedDevelopmentKeys.Instance,
            DiscardInvalid = true,
            Rotate = "Deactivate and delete the access key in IAM, review CloudTrail for its use, and move the workload to a role or to short-lived credentials.",
            Positives = [Join("aws_secret_access_key = ", Random(40, Base64, 2010))],
            Negatives =
            [
                Join("aws_secret_access_key = ", Random(32, Base64, 2011)),
                Join("checksum = ", Random(40, Base64, 2012)),
                Join("aws_secret_access_key = ", Random(40, Hex, 2013)),
            ],
        },
        new()
        {
            Id = "secret/aws-access-key-pair",
            Name = "AWS access key with its secret",
            Description = "An AWS access key ID (AKIA or ASIA) followed within a few characters by a 40-character secret access key: a credentials CSV row, an SDK constructor or a pair of assignments. Together they sign any request the key's IAM policy allows.",
            Prefixes = ["AKIA", "ASIA"],
            Pattern = @"(?:AKIA|ASIA)[A-Z2-7]{16}[^A-Za-z0-9+/=]{1,16}(?:[A-Za-z_\-]{3,32}[^A-Za-z0-9+/=]{1,8})?(?<secret>[A-Za-z0-9+/]{40})(?:[^A-Za-z0-9+/=]|$)",
            MaxLength = 160,
            MinEntropy = 4.2,
            Rotate = "Deactivate and delete the access key in IAM (aws iam delete-access-key), review CloudTrail for what it did, and move the workload to a role or to short-lived credentials.",
            Positives =
            [
                Join("const s3 = new S3Client({ credentials: { accessKeyId: \"AK", "IA", Random(16, Base32, 2020), "\", secretAccessKey: \"", Random(40, Base64, 2021), "\" } });"),
                Join("AK", "IA", Random(16, Base32, 2022), ",", Random(40, Base64, 2023), "\n"),
            ],
            Negatives =
            [
                Join("AK", "IA", Random(16, Base32, 2024), ",", Random(40, Hex, 2025)),
                Join("aws_access_key_id = AK", "IA", Random(16, Base32, 2026), "\nregion = eu-west-1\n"),
            ],
        },
        new()
        {
            Id = "secret/aws-session-token",
            Name = "AWS STS session token",
            Description = "An AWS STS session token (the long base64 token that starts with the encoded header of an IQoJ, FwoG or AQoD token). With its ASIA key ID and secret it acts as the role or user that requested it until it expires, usually within hours.",
            Prefixes = ["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE", "AQoDYXdzE"],
            Pattern = @"(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|AQoDYXdzE)[A-Za-z0-9+/]{200,}={0,2}",
            MaxLength = 4096,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the role's active sessions (IAM console, role, Revoke active sessions) or the user's temporary credentials, check CloudTrail for their use, and never package tokens copied from a shell.",
            Positives = [Join("aws_session_token = IQoJb3Jp", "Z2luX2Vj", Random(600, Base64, 2030))],
            Negatives = [Join("aws_session_token = IQoJb3Jp", "Z2luX2Vj", Random(60, Base64, 2031)), Join("xIQoJb3Jp", "Z2luX2Vj", Random(600, Base64, 2032))],
        },
        new()
        {
            Id = "secret/aws-bedrock-api-key",
            Name = "Amazon Bedrock API key (long-term)",
            Description = "A long-term Amazon Bedrock API key: ABSK followed by the base64 of a BedrockAPIKey identifier, the account and its secret. It calls Bedrock models as its IAM user and bills the account.",
            Prefixes = ["ABSKQmVkcm9ja0FQSUtleS"],
            Pattern = @"ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,}={0,2}(?:[^A-Za-z0-9+/=]|$)",
            MaxLength = 400,
            Rotate = "Delete the API key in the Bedrock console (API keys) or delete the service-specific credential of its IAM user (aws iam delete-service-specific-credential), and check CloudTrail for its use.",
            Positives = [Join("AWS_BEARER_TOKEN_BEDROCK=AB", "SK", BedrockKey(2040), "\n")],
            Negatives = [Join("AWS_BEARER_TOKEN_BEDROCK=AB", "SK", BedrockKey(2041)[..40], "...\n")],
        },
        new()
        {
            Id = "secret/aws-bedrock-short-term-api-key",
            Name = "Amazon Bedrock API key (short-term)",
            Description = "A short-term Amazon Bedrock API key: bedrock-api-key- followed by the base64 of a presigned Bedrock URL. It calls Bedrock models with the session that made it until it expires, at most twelve hours later.",
            Prefixes = ["bedrock-api-key-"],
            Pattern = @"bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,}={0,2}",
            MaxLength = 4096,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the sessions of the role or user that generated it (IAM, Revoke active sessions), and generate short-term keys at run time instead of packaging one.",
            Positives = [Join("export AWS_BEARER_TOKEN_BEDROCK=bedrock-api-", "key-", PresignedBedrockUrl(2050))],
            Negatives = [Join("export AWS_BEARER_TOKEN_BEDROCK=bedrock-api-", "key-", PresignedBedrockUrl(2051)[..30])],
        },
    ];

    private static IEnumerable<SecretRule> Google() =>
    [
        new()
        {
            Id = "secret/gcp-service-account-key",
            Priority = 1,
            Name = "Google Cloud service account key",
            Description = "A Google Cloud service account key file: JSON with \"type\": \"service_account\" and the account's PEM private key. It signs tokens as the service account, with every role granted to it, until the key is deleted.",
            Markers = ["-----BEGIN"],
            Pattern = $@"{ServiceAccountType}[^{{}}]*{PrivateKeyField}(?<secret>{ServiceAccountPem})|{PrivateKeyField}(?<secret>{ServiceAccountPem})[^{{}}]*{ServiceAccountType}",
            LookBehind = 1024,
            MaxLength = 8192,
            Validator = PemPrivateKey.Instance,
            Rotate = "Delete the key (IAM, Service accounts, Keys, or gcloud iam service-accounts keys delete), review the account's activity in Cloud Audit Logs, and use workload identity federation or attached service accounts instead of key files.",
            Positives =
            [
                ServiceAccountJson("type", "project_id", "private_key_id", "private_key", "client_email"),
                ServiceAccountJson("client_email", "private_key", "private_key_id", "project_id", "type"),
            ],
            Negatives =
            [
                ServiceAccountJson("type", "project_id", "private_key", "client_email").Replace(Join("service_", "account"), "authorized_user", StringComparison.Ordinal),
                Join("{\"type\": \"service_", "account\", \"private_key\": \"-----BEGIN ", "PRIVATE KEY-----\\n...\\n-----END ", "PRIVATE KEY-----\\n\"}"),
            ],
        },
        new()
        {
            Id = "secret/google-oauth-client-secret",
            Name = "Google OAuth client secret",
            Description = "A Google OAuth 2.0 client secret (GOCSPX- followed by 28 base64url characters). With the client ID it lets anyone complete OAuth flows as the application and exchange codes for users' tokens.",
            Prefixes = ["GOCSPX-"],
            Pattern = @"(?<secret>GOCSPX-[A-Za-z0-9_\-]{28})(?:[^A-Za-z0-9_\-]|$)",
            MaxLength = 40,
            Rotate = "Add a new secret to the OAuth client and delete the leaked one (Google Cloud console, APIs & Services, Credentials), then update the application.",
            Positives = [Join("\"client_secret\": \"GOCS", "PX-", Random(28, Base64Url, 2100), "\",")],
            Negatives = [Join("GOCS", "PX-", Random(20, Base64Url, 2101)), Join("client_secret = \"GOCS", "PX-", Random(40, Base64Url, 2102), "\"")],
        },
        new()
        {
            Id = "secret/google-oauth-refresh-token",
            Name = "Google OAuth refresh token",
            Description = "A Google OAuth 2.0 refresh token (1//0 followed by base64url characters). It mints new access tokens for the user who granted it, with every scope granted, until it is revoked.",
            Prefixes = ["1//0"],
            Pattern = @"(?<secret>1//0[A-Za-z0-9_\-]{60,})(?:[^A-Za-z0-9_\-+/=]|$)",
            MaxLength = 512,
            Rotate = "Revoke the grant (https://myaccount.google.com/permissions, or POST the token to https://oauth2.googleapis.com/revoke) and keep refresh tokens in a secret store.",
            Positives = [Join("refresh_token: \"1/", "/0", Random(99, Base64Url, 2110), "\",")],
            Negatives = [Join("refresh_token: \"1/", "/0", Random(30, Base64Url, 2111), "\","), Join("x = 1/", "/0", Random(99, Base64Url, 2112), "/", Random(20, Base64, 2113))],
        },
        new()
        {
            Id = "secret/google-oauth-access-token",
            Name = "Google OAuth access token",
            Description = "A Google OAuth 2.0 access token (ya29. followed by base64url characters). It calls Google APIs as the user or service account it was issued to, with its scopes, until it expires, usually within an hour.",
            Prefixes = ["ya29."],
            Pattern = @"ya29\.[A-Za-z0-9_\-.]{30,}[A-Za-z0-9_\-]",
            MaxLength = 2100,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the token (POST it to https://oauth2.googleapis.com/revoke); it also expires on its own. Find where it was copied from and mint tokens at run time instead.",
            Positives = [Join("Authorization: Bearer ya", "29.", Random(160, Base64Url, 2120))],
            Negatives = [Join("Authorization: Bearer ya", "29.", Random(12, Base64Url, 2121)), Join("xya", "29.", Random(160, Base64Url, 2122))],
        },
    ];

    private static string BedrockKey(int seed) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Join(
            "BedrockAPIKey-", Random(4, LowerAlnum, seed), "-at-", Random(12, "0123456789", seed), ":", Random(44, Base64, seed))));

    private static string PresignedBedrockUrl(int seed) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Join(
            "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AS", "IA", Random(16, Base32, seed),
            "%2F20250814%2Fus-west-2%2Fbedrock%2Faws4_request&X-Amz-Date=20250814T101500Z&X-Amz-Expires=43200&X-Amz-Security-Token=",
            Random(300, Base64Url, seed), "&X-Amz-Signature=", Random(64, Hex, seed), "&X-Amz-SignedHeaders=host&Version=1")));

    /// <summary>A service-account key file with the given fields, in that order.</summary>
    private static string ServiceAccountJson(params string[] fields)
    {
        var values = new Dictionary<string, string>
        {
            ["type"] = Join("service_", "account"),
            ["project_id"] = "acme-billing-prod",
            ["private_key_id"] = Random(40, Hex, 2090),
            ["private_key"] = Join("-----BEGIN ", "PRIVATE KEY-----\\n", SampleServiceAccountKeyBody, "-----END ", "PRIVATE KEY-----\\n"),
            ["client_email"] = "invoicer@acme-billing-prod.iam.gserviceaccount.com",
        };
        var lines = fields.Select(f => $"  \"{f}\": \"{values[f]}\"");
        return Join("{\n", string.Join(",\n", lines), "\n}\n");
    }
}
