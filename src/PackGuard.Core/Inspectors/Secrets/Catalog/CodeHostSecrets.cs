using System.Buffers.Binary;
using System.Text;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Code hosts: GitHub, GitLab, Bitbucket, Azure DevOps, Gitea and Forgejo.</summary>
/// <remarks>Sample seeds 6100-6499.</remarks>
internal static class CodeHostSecrets
{
    // GitLab's routable tokens (PATs since 17.x, runner tokens since 18.x): a base64url payload,
    // optionally a two-character version, the payload's length in base36 and a base36 CRC-32.
    private const string RoutableTail = @"[A-Za-z0-9_-]{27,}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        // ---- GitHub: ghp_/gho_/ghu_/ghs_/ghr_ carry a CRC-32 of their random part ----
        new()
        {
            Id = "secret/github-pat-classic",
            Name = "GitHub personal access token (classic)",
            Description = "A classic GitHub personal access token (ghp_ followed by 36 base62 characters, the last six a CRC32 checksum). It acts as its owner on every repository and organisation its scopes reach.",
            Prefixes = ["ghp_"],
            Pattern = @"ghp_[A-Za-z0-9]{36}\b",
            MaxLength = 48,
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the token at https://github.com/settings/tokens (GitHub may already have revoked it if it was pushed to a public repository), and use a fine-grained token or GitHub Actions' GITHUB_TOKEN instead.",
            Positives =
            [
                Join("const token = \"", Base62Checksum.Create(Join("gh", "p_"), Random(30, Base62, 6101)), "\";"),
                Join("GH_TOKEN=", Base62Checksum.Create(Join("gh", "p_"), Random(30, Base62, 6102))),
            ],
            Negatives =
            [
                Join("gh", "p_", Random(20, Base62, 6103)),
                Join("xgh", "p_", Random(36, Base62, 6104), "x"),
                Join("token: gh", "p_", Random(36, Base62, 6105), Random(4, Base62, 6106)),
            ],
        },
        new()
        {
            Id = "secret/github-oauth-token",
            Name = "GitHub OAuth access token",
            Description = "A GitHub OAuth app user access token (gho_ followed by 36 base62 characters, the last six a CRC32 checksum). It acts as the user who authorised the app, within the scopes granted.",
            Prefixes = ["gho_"],
            Pattern = @"gho_[A-Za-z0-9]{36}\b",
            MaxLength = 48,
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the token through the OAuth app (DELETE /applications/{client_id}/token, or 'Revoke all user tokens' in the app's settings); the user can also revoke the app at https://github.com/settings/applications.",
            Positives = [Join("headers: { Authorization: `token ", Base62Checksum.Create(Join("gh", "o_"), Random(30, Base62, 6111)), "` }")],
            Negatives = [Join("gh", "o_", Random(30, Base62, 6112)), Join("oauth_gh", "o_", Random(36, Base62, 6113))],
        },
        new()
        {
            Id = "secret/github-user-to-server-token",
            Name = "GitHub App user access token",
            Description = "A GitHub App user-to-server access token (ghu_ followed by 36 base62 characters, the last six a CRC32 checksum). It acts as the user through the app, usually for eight hours.",
            Prefixes = ["ghu_"],
            Pattern = @"ghu_[A-Za-z0-9]{36}\b",
            MaxLength = 48,
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the token (DELETE /applications/{client_id}/token with the app's client credentials) and the refresh token issued with it; the user can revoke the app under Settings, Applications, Authorized GitHub Apps.",
            Positives = [Join("access_token=", Base62Checksum.Create(Join("gh", "u_"), Random(30, Base62, 6121)), "&token_type=bearer")],
            Negatives = [Join("gh", "u_", Random(35, Base62, 6122)), Join("gh", "u_", Random(36, Base62, 6123), "_cache")],
        },
        new()
        {
            Id = "secret/github-installation-token",
            Name = "GitHub App installation token",
            Description = "A GitHub App installation (server-to-server) token, ghs_: the classic form has 36 base62 characters ending in a CRC32 checksum, the stateless form issued since 2026 is ghs_<app id>_<JWT>. Actions' GITHUB_TOKEN is one. It acts as the app on the repositories of the installation, for up to an hour.",
            Prefixes = ["ghs_"],
            Pattern = @"(?<secret>ghs_(?:[A-Za-z0-9]{36}|(?:[0-9]{1,12}_)?eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}))(?:[^A-Za-z0-9_-]|$)",
            MaxLength = 1200,
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the token at once (DELETE /installation/token authenticated with it); it expires within the hour anyway. Find out how it reached the package: a token minted from the app's private key means the key may be exposed too, so rotate the key in the app's settings.",
            Positives =
            [
                Join("git remote set-url origin https://x-access-token:", Base62Checksum.Create(Join("gh", "s_"), Random(30, Base62, 6131)), "@github.com/acme/api.git"),
                Join("GITHUB_TOKEN=gh", "s_", Random(7, "0123456789", 6132), "_", Base64UrlOf("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"), ".", Random(280, Base64Url, 6133), ".", Random(342, Base64Url, 6134)),
            ],
            Negatives = [Join("gh", "s_", Random(24, Base62, 6135)), Join("gh", "s_", Random(40, Base62, 6136))],
        },
        new()
        {
            Id = "secret/github-refresh-token",
            Name = "GitHub App refresh token",
            Description = "A GitHub App refresh token (ghr_ followed by 76 base62 characters, or 36 in early tokens). For six months it can be exchanged for fresh user access tokens that act as the user through the app.",
            Prefixes = ["ghr_"],
            Pattern = @"ghr_(?:[A-Za-z0-9]{76}|[A-Za-z0-9]{36})\b",
            MaxLength = 96,
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the user's grant for the app (DELETE /applications/{client_id}/grant), which voids the refresh token and every access token issued from it; the user can revoke the app under Settings, Applications, Authorized GitHub Apps.",
            Positives =
            [
                Join("\"refresh_token\": \"gh", "r_", Random(76, Base62, 6141), "\","),
                Join("refresh_token=", Base62Checksum.Create(Join("gh", "r_"), Random(30, Base62, 6144))),
            ],
            Negatives = [Join("gh", "r_", Random(50, Base62, 6142)), Join("gh", "r_", Random(80, Base62, 6143))],
        },
        new()
        {
            Id = "secret/github-pat-fine-grained",
            Name = "GitHub fine-grained personal access token",
            Description = "A fine-grained GitHub personal access token (github_pat_, 22 characters, an underscore, 59 characters). It acts as its owner on the repositories and permissions it was granted.",
            Prefixes = ["github_pat_"],
            Pattern = @"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b",
            MaxLength = 112,
            Rotate = "Revoke the token at https://github.com/settings/personal-access-tokens (organisation owners can also revoke it in the organisation's settings), and issue a new one with the narrowest repositories and permissions.",
            Positives = [Join("export GH_TOKEN=github", "_pat_11", Random(20, UpperAlnum, 6151), "_", Random(59, Base62, 6152))],
            Negatives = [Join("github", "_pat_", Random(22, Base62, 6153)), Join("github", "_pat_", Random(22, Base62, 6154), "_", Random(40, Base62, 6155))],
        },
        new()
        {
            Id = "secret/github-client-secret",
            Name = "GitHub App or OAuth app client secret",
            Description = "The client secret of a GitHub App or OAuth app: 40 hexadecimal characters next to a name such as GITHUB_CLIENT_SECRET. With the client ID it completes OAuth flows as the app and manages its user tokens.",
            Context = ["github_client_secret", "githubclientsecret", "github_secret"],
            Pattern = @"[0-9a-f]{40}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.0,
            Rotate = "Generate a new client secret in the app's settings (Settings, Developer settings, GitHub Apps or OAuth Apps, the app, Client secrets), deploy it, then delete the leaked one.",
            Positives = [Join("GITHUB_CLIENT_SECRET=", Random(40, Hex, 6161)), Join("  githubClientSecret: '", Random(40, Hex, 6162), "',")],
            Negatives = [Join("GITHUB_CLIENT_SECRET=", Random(32, Hex, 6163)), Join("github_sha: ", Random(40, Hex, 6164)), "GITHUB_CLIENT_SECRET=${{ secrets.GITHUB_CLIENT_SECRET }}"],
        },

        // ---- GitLab ----
        new()
        {
            Id = "secret/gitlab-pat",
            Name = "GitLab personal, project or group access token",
            Description = "A GitLab access token (glpat-): a personal, project or group access token, either 20 characters or the routable form (base64url payload, version, length and a base36 CRC32). It acts on the API, repositories and registries within its scopes.",
            Prefixes = ["glpat-"],
            Pattern = Ended("glpat-(?:[A-Za-z0-9_-]{20}|" + RoutableTail + ")"),
            MaxLength = 360,
            MinEntropy = 3.0,
            Validator = GitLabRoutableChecksum.Instance,
            Rotate = "Revoke the token in GitLab (User settings, Access tokens; or the project's or group's Settings, Access tokens), or rotate it with POST /personal_access_tokens/self/rotate, and check the audit events for its use.",
            Positives =
            [
                Join("GITLAB_TOKEN=gl", "pat-", Random(20, Base64Url, 6201)),
                Join("private_token = \"", Routable(Join("gl", "pat-"), Random(35, Base64Url, 6202), versioned: true), "\""),
                Join("token: ", Routable(Join("gl", "pat-"), Random(27, Base64Url, 6203), versioned: false)),
            ],
            Negatives =
            [
                Join("gl", "pat-", Random(12, Base64Url, 6204)),
                Join("gl", "pat-", Random(24, Base62, 6205)),
                Join("GITLAB_TOKEN=gl", "pat-", new string('x', 20)),
            ],
        },
        new()
        {
            Id = "secret/gitlab-deploy-token",
            Name = "GitLab deploy token",
            Description = "A GitLab deploy token (gldt- followed by 20 characters). It reads, and may write, a project's or group's repositories, packages and container registry.",
            Prefixes = ["gldt-"],
            Pattern = Ended("gldt-[A-Za-z0-9_-]{20}"),
            MaxLength = 40,
            MinEntropy = 3.0,
            Rotate = "Revoke the deploy token in the project's or group's Settings, Repository, Deploy tokens, and create a new one with the narrowest scopes.",
            Positives = [Join("docker login registry.gitlab.com -u deployer -p gl", "dt-", Random(20, Base64Url, 6211))],
            Negatives = [Join("gl", "dt-", Random(16, Base64Url, 6212)), Join("gl", "dt-", Random(28, Base62, 6213))],
        },
        new()
        {
            Id = "secret/gitlab-runner-token",
            Name = "GitLab runner authentication token",
            Description = "A GitLab runner authentication token (glrt-, 20 characters, or the routable form glrt-t<type>_ with a base36 CRC32). Whoever holds it can register as the runner and receive jobs with their variables and secrets.",
            Prefixes = ["glrt-"],
            Pattern = Ended(@"glrt-(?:[A-Za-z0-9_-]{20}|t[0-9]_" + RoutableTail + ")"),
            MaxLength = 360,
            MinEntropy = 3.0,
            Validator = GitLabRoutableChecksum.Instance,
            Rotate = "Reset the runner's authentication token (Settings, CI/CD, Runners, the runner, Reset token; or POST /runners/:id/reset_authentication_token), update the runner's config.toml, and review the jobs it ran.",
            Positives =
            [
                Join("  token = \"gl", "rt-", Random(20, Base64Url, 6221), "\""),
                Join("gitlab-runner register --token ", Routable(Join("gl", "rt-t1_"), Random(31, Base64Url, 6222), versioned: false)),
            ],
            Negatives = [Join("gl", "rt-", Random(15, Base64Url, 6223)), Join("gl", "rt-", Random(26, Base62, 6224))],
        },
        new()
        {
            Id = "secret/gitlab-runner-registration-token",
            Name = "GitLab runner registration token",
            Description = "A legacy GitLab runner registration token (GR1348941 followed by 20 characters). It registers new runners to the project, group or instance, which then receive its CI jobs and their secrets.",
            Prefixes = ["GR1348941"],
            Pattern = Ended("GR1348941[A-Za-z0-9_-]{20}"),
            MaxLength = 40,
            MinEntropy = 3.0,
            Rotate = "Reset the registration token (Settings, CI/CD, Runners, Reset registration token), remove runners you do not recognise, and move to runner authentication tokens: registration tokens are deprecated.",
            Positives = [Join("--registration-token \"GR", "1348941", Random(20, Base64Url, 6231), "\"")],
            Negatives = [Join("GR", "1348941", Random(12, Base64Url, 6232)), Join("GR", "1348941", new string('X', 20))],
        },
        new()
        {
            Id = "secret/gitlab-pipeline-trigger-token",
            Name = "GitLab pipeline trigger token",
            Description = "A GitLab pipeline trigger token (glptt- followed by 40 hexadecimal characters, or 20 characters in older releases). It starts pipelines on any branch of the project as the token's owner.",
            Prefixes = ["glptt-"],
            Pattern = Ended("glptt-(?:[0-9a-f]{40}|[A-Za-z0-9_-]{20})"),
            MaxLength = 56,
            MinEntropy = 3.0,
            Rotate = "Revoke the token in the project's Settings, CI/CD, Pipeline trigger tokens, and create a new one stored as a CI/CD variable.",
            Positives = [Join("curl -X POST -F token=gl", "ptt-", Random(40, Hex, 6241), " -F ref=main https://gitlab.example.com/api/v4/projects/42/trigger/pipeline")],
            Negatives = [Join("gl", "ptt-", Random(30, Hex, 6242)), "curl -F token=glptt-$TRIGGER_TOKEN -F ref=main"],
        },
        new()
        {
            Id = "secret/gitlab-ci-job-token",
            Name = "GitLab CI/CD job token",
            Description = "A GitLab CI/CD job token (glcbt-, a partition prefix, then 20 characters). While its job runs it reads the project's packages, registry and the projects on its allowlist as the user who started the job.",
            Prefixes = ["glcbt-"],
            Pattern = Ended("glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}"),
            MaxLength = 48,
            MinEntropy = 3.0,
            Rotate = "The token dies with its job: cancel the job if it is still running. Then find how a job's token reached the package, and keep the job token allowlist (Settings, CI/CD, Job token permissions) narrow.",
            Positives = [Join("CI_JOB_TOKEN=gl", "cbt-64_", Random(20, Base64Url, 6251))],
            Negatives = [Join("gl", "cbt-64_", Random(12, Base64Url, 6252)), "CI_JOB_TOKEN=glcbt-${CI_JOB_TOKEN}"],
        },
        new()
        {
            Id = "secret/gitlab-feed-token",
            Name = "GitLab feed token",
            Description = "A GitLab feed token (glft- followed by 20 characters). It reads the user's RSS and Atom feeds and calendar, which list issues, merge requests and activity of private projects.",
            Prefixes = ["glft-"],
            Pattern = Ended("glft-[A-Za-z0-9_-]{20}"),
            MaxLength = 40,
            MinEntropy = 3.0,
            Rotate = "Reset the feed token in User settings, Access tokens, Feed token.",
            Positives = [Join("https://gitlab.example.com/dashboard/issues.atom?feed_token=gl", "ft-", Random(20, Base64Url, 6261))],
            Negatives = [Join("gl", "ft-", Random(10, Base64Url, 6262)), Join("gl", "ft-", Random(30, Base62, 6263))],
        },
        new()
        {
            Id = "secret/gitlab-incoming-mail-token",
            Name = "GitLab incoming email token",
            Description = "A GitLab incoming email token (glimt- followed by 25 characters). Mail sent to an address holding it creates issues and merge requests as the user.",
            Prefixes = ["glimt-"],
            Pattern = Ended("glimt-[A-Za-z0-9_-]{25}"),
            MaxLength = 44,
            MinEntropy = 3.0,
            Rotate = "Reset the incoming email token in User settings, Access tokens, Incoming email token; addresses built from the old one stop working.",
            Positives = [Join("incoming_email_token: gl", "imt-", Random(25, LowerAlnum, 6271))],
            Negatives = [Join("gl", "imt-", Random(20, LowerAlnum, 6272)), Join("gl", "imt-", Random(30, LowerAlnum, 6273))],
        },
        new()
        {
            Id = "secret/gitlab-scim-token",
            Name = "GitLab SCIM token",
            Description = "A GitLab SCIM OAuth token (glsoat- followed by 20 characters). It provisions and deprovisions the group's members through the SCIM API.",
            Prefixes = ["glsoat-"],
            Pattern = Ended("glsoat-[A-Za-z0-9_-]{20}"),
            MaxLength = 40,
            MinEntropy = 3.0,
            Rotate = "Generate a new SCIM token in the group's Settings, SAML SSO (this invalidates the old one) and update the identity provider.",
            Positives = [Join("scim_token: gl", "soat-", Random(20, Base64Url, 6281))],
            Negatives = [Join("gl", "soat-", Random(14, Base64Url, 6282))],
        },
        new()
        {
            Id = "secret/gitlab-oauth-app-secret",
            Name = "GitLab OAuth application secret",
            Description = "The secret of a GitLab OAuth application (gloas- followed by 64 characters). With the application ID it obtains tokens for every user who authorises the application.",
            Prefixes = ["gloas-"],
            Pattern = Ended("gloas-[A-Za-z0-9_-]{64}"),
            MaxLength = 80,
            MinEntropy = 3.0,
            Rotate = "Renew the secret in the application's settings (User settings, Group settings or Admin area, Applications, the application, Renew secret) and deploy the new one.",
            Positives = [Join("GITLAB_OAUTH_SECRET=gl", "oas-", Random(64, LowerAlnum, 6291))],
            Negatives = [Join("gl", "oas-", Random(40, LowerAlnum, 6292))],
        },
        new()
        {
            Id = "secret/gitlab-agent-token",
            Name = "GitLab agent for Kubernetes token",
            Description = "A GitLab agent for Kubernetes token (glagent- followed by 50 characters). It connects a cluster to GitLab as the agent, which can pull the project's manifests and be reached by its CI/CD jobs.",
            Prefixes = ["glagent-"],
            Pattern = Ended("glagent-[A-Za-z0-9_-]{50}"),
            MaxLength = 72,
            MinEntropy = 3.0,
            Rotate = "Revoke the token in Operate, Kubernetes clusters, the agent, Access tokens; create a new one and update the agent's Helm release secret.",
            Positives = [Join("helm upgrade --install gitlab-agent gitlab/gitlab-agent --set config.token=gl", "agent-", Random(50, Base64Url, 6301))],
            Negatives = [Join("gl", "agent-", Random(30, Base64Url, 6302))],
        },
        new()
        {
            Id = "secret/gitlab-feature-flags-token",
            Name = "GitLab feature flags client token",
            Description = "A GitLab feature flags client token (glffct- followed by 20 characters), used by Unleash clients. It reads the project's feature flags and user lists.",
            Prefixes = ["glffct-"],
            Pattern = Ended("glffct-[A-Za-z0-9_-]{20}"),
            MaxLength = 40,
            MinEntropy = 3.0,
            Rotate = "Reset the client token in the project's Deploy, Feature flags, Configure dialog and update the Unleash clients.",
            Positives = [Join("unleash.initialize({ appName: 'web', instanceId: 'gl", "ffct-", Random(20, Base64Url, 6311), "' })")],
            Negatives = [Join("gl", "ffct-", Random(12, Base64Url, 6312))],
        },

        // ---- Bitbucket, Azure DevOps, Gitea ----
        new()
        {
            Id = "secret/bitbucket-app-password",
            Name = "Bitbucket app password",
            Description = "A Bitbucket Cloud app password (ATBB followed by 32 characters). With the account's username it reaches the repositories, pull requests and pipelines its permissions allow. Atlassian retired app passwords in 2026; a leaked one still shows a credential handled carelessly.",
            Prefixes = ["ATBB"],
            Pattern = @"ATBB[A-Za-z0-9]{32}\b",
            MaxLength = 48,
            MinEntropy = 3.5,
            Rotate = "Revoke the app password in Bitbucket (Personal settings, App passwords) and replace it with a scoped API token or an access token.",
            Positives = [Join("git clone https://deployer:AT", "BB", Random(24, Base62, 6401), Random(8, UpperHex, 6402), "@bitbucket.org/acme/api.git")],
            Negatives = [Join("AT", "BB", Random(20, Base62, 6403)), Join("AT", "BB", Random(40, Base62, 6404))],
        },
        new()
        {
            Id = "secret/azure-devops-pat",
            Name = "Azure DevOps personal access token",
            Description = "An Azure DevOps personal access token in the format issued since 2024: 84 characters, a Common Annotated Security Key with the JQQJ99 signature at offset 52, AZDO at offset 76 and a Marvin32 checksum. It acts as its owner on the organisation's repositories, pipelines, artifacts and boards within its scopes.",
            Signatures = ["JQQJ9"],
            Pattern = @"[A-Za-z0-9]{52}JQQJ9[9D][A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4}",
            Validator = CommonAnnotatedSecurityKey.Instance,
            Rotate = "Revoke the token in Azure DevOps (User settings, Personal access tokens; administrators can revoke any user's token with the PAT revocation API), and prefer Microsoft Entra tokens or workload identity federation.",
            Positives = [Join("AZURE_DEVOPS_EXT_PAT=", AzureDevOpsPat(6411))],
            Negatives = [Join("AZURE_DEVOPS_EXT_PAT=", AzureDevOpsPat(6413)[..76], "TEST", Random(4, Base62, 6415)), Join("pat = ", AzureDevOpsPat(6416)[..80])],
        },
        new()
        {
            Id = "secret/azure-devops-pat-legacy",
            Name = "Azure DevOps personal access token (legacy)",
            Description = "An Azure DevOps personal access token in the format issued before 2024: 52 lower-case base32 characters, with a CRC32 checksum inside, next to a name containing devops or azdo_ (AZURE_DEVOPS_EXT_PAT, azdo_token). It acts as its owner within its scopes until it expires.",
            Context = ["devops", "azdo_"],
            Pattern = @"[a-z2-7]{52}",
            Confidence = Confidence.Medium,
            MinEntropy = 4.0,
            Validator = AzureDevOpsLegacyChecksum.Instance,
            Rotate = "Revoke the token in Azure DevOps (User settings, Personal access tokens), issue a new one with the narrowest scopes and a short expiry, or move to Microsoft Entra tokens.",
            Positives = [Join("AZURE_DEVOPS_PAT=", LegacyAzureDevOpsPat(6421)), Join("az devops login --organization https://dev.azure.com/acme <<< ", LegacyAzureDevOpsPat(6422))],
            Negatives = [Join("AZURE_DEVOPS_PAT=", Random(40, "abcdefghijklmnopqrstuvwxyz234567", 6423)), Join("integrity = ", Random(52, "abcdefghijklmnopqrstuvwxyz234567", 6424))],
        },
        new()
        {
            Id = "secret/gitea-token",
            Name = "Gitea or Forgejo access token",
            Description = "A Gitea, Forgejo or Codeberg access token: 40 hexadecimal characters next to a name such as GITEA_TOKEN or FORGEJO_TOKEN. It acts as its owner on the instance's repositories and API within its scopes.",
            Context = ["gitea_token", "gitea_access_token", "forgejo_token"],
            Pattern = @"[0-9a-f]{40}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.0,
            Rotate = "Delete the token in the instance's Settings, Applications, Access tokens, and create a new one with the narrowest scopes.",
            Positives = [Join("GITEA_TOKEN=", Random(40, Hex, 6431)), Join("forgejo_token: \"", Random(40, Hex, 6432), "\"")],
            Negatives = [Join("GITEA_TOKEN=", Random(36, Hex, 6433)), Join("commit: ", Random(40, Hex, 6434))],
        },
    ];

    /// <summary>
    /// The token, then a character that cannot continue it (or the end of the text). Tokens that
    /// may end in '-' or '_' cannot rely on \b, which needs a word character on one side.
    /// </summary>
    private static string Ended(string token) => $"(?<secret>{token})(?:[^A-Za-z0-9_-]|$)";

    private static string Base64UrlOf(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A GitLab routable token with a correct length field and checksum.</summary>
    private static string Routable(string prefix, string payload, bool versioned)
    {
        var body = string.Concat(prefix, payload, ".", versioned ? "01." : "", GitLabRoutableChecksum.Base36((uint)payload.Length, 2));
        return body + GitLabRoutableChecksum.Base36(Crc32.ComputeAscii(body), 7);
    }

    /// <summary>
    /// An Azure DevOps token laid out like the ones Azure DevOps issues: random base62, the CASK
    /// signature, the issue date, reserved fields, AZDO, and the checksum written as the leading
    /// base62 digits of the Marvin32 checksum.
    /// </summary>
    private static string AzureDevOpsPat(int seed)
    {
        var body = Join(Random(52, Base62, seed), "JQQJ", "99", "BC", "ACAAAAA", Random(5, Base62, seed + 1), "AAAS", "AZ", "DO");
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(checksum, Marvin32.Compute(Convert.FromBase64String(body), CommonAnnotatedSecurityKey.Seed));
        var digits = Base62Checksum.Encode(BinaryPrimitives.ReadUInt32BigEndian(checksum)).TrimStart('0');
        return body + digits.PadRight(4, '0')[..4];
    }

    /// <summary>A legacy Azure DevOps token with a correct checksum.</summary>
    private static string LegacyAzureDevOpsPat(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        AzureDevOpsLegacyChecksum.Embed(bytes);
        return AzureDevOpsLegacyChecksum.Encode(bytes);
    }

    /// <summary>
    /// Checks GitLab's routable tokens: <c>prefix payload . [version .] length crc</c>, where the
    /// length is the payload's in two base36 digits and the last seven characters are the base36
    /// CRC-32 of everything before them. Tokens without the routable part are not checked.
    /// </summary>
    internal sealed class GitLabRoutableChecksum : ISecretValidator
    {
        public static readonly ISecretValidator Instance = new GitLabRoutableChecksum();

        private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        private const int CrcLength = 7;

        private GitLabRoutableChecksum()
        {
        }

        public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

        /// <summary><paramref name="value"/> in lower-case base36, left-padded with '0' to <paramref name="width"/>.</summary>
        internal static string Base36(uint value, int width)
        {
            var text = new StringBuilder();
            do
            {
                text.Insert(0, Digits[(int)(value % 36)]);
                value /= 36;
            }
            while (value > 0);
            return text.ToString().PadLeft(width, '0');
        }

        private static Validation Check(string secret)
        {
            var dot = secret.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
                return Validation.NotChecked;
            var tail = secret.AsSpan(secret.LastIndexOf('.') + 1);
            if (tail.Length != 2 + CrcLength || tail.ContainsAnyExcept(Digits))
                return Validation.Invalid("GitLab routable token shape, but its length or checksum field is malformed");
            var length = (Digits.IndexOf(tail[0], StringComparison.Ordinal) * 36) + Digits.IndexOf(tail[1], StringComparison.Ordinal);
            // The payload follows a prefix of a few characters (glpat-, glrt-t1_, or an instance prefix before them).
            if (length > dot || dot - length > 32)
                return Validation.Invalid("GitLab routable token shape, but its length field does not match");
            var expected = Base36(Crc32.ComputeAscii(secret.AsSpan(0, secret.Length - CrcLength)), CrcLength);
            return secret.AsSpan(secret.Length - CrcLength).SequenceEqual(expected)
                ? Validation.Valid("GitLab routable token, checksum valid")
                : Validation.Invalid("GitLab routable token shape, checksum invalid");
        }
    }

    /// <summary>
    /// Checks Azure DevOps personal access tokens of the format issued before 2024: 52 base32
    /// characters decode to 32 bytes, four of which (at 2, 7, 8 and 22) hold the CRC-32 of the
    /// other 28 XORed with a constant for user or for application tokens.
    /// </summary>
    internal sealed class AzureDevOpsLegacyChecksum : ISecretValidator
    {
        public static readonly ISecretValidator Instance = new AzureDevOpsLegacyChecksum();

        private const uint UserSeed = 0xE0B9692D;
        private const uint ApplicationSeed = 0x1019F92E;
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        private const int Length = 52;
        private const int ByteLength = 32;

        private AzureDevOpsLegacyChecksum()
        {
        }

        public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

        /// <summary>Writes a user token's checksum into <paramref name="bytes"/> (32 bytes).</summary>
        internal static void Embed(Span<byte> bytes)
        {
            var checksum = Computed(bytes) ^ UserSeed;
            bytes[22] = (byte)checksum;
            bytes[8] = (byte)(checksum >> 8);
            bytes[7] = (byte)(checksum >> 16);
            bytes[2] = (byte)(checksum >> 24);
        }

        /// <summary>32 bytes as 52 lower-case base32 characters, most significant bit first.</summary>
        internal static string Encode(ReadOnlySpan<byte> bytes)
        {
            var text = new StringBuilder(Length);
            for (var bit = 0; bit < Length * 5; bit += 5)
            {
                var value = 0;
                for (var k = 0; k < 5; k++)
                {
                    var at = bit + k;
                    var set = at < ByteLength * 8 && (bytes[at / 8] & (0x80 >> (at % 8))) != 0;
                    value = (value << 1) | (set ? 1 : 0);
                }
                text.Append(Alphabet[value]);
            }
            return text.ToString();
        }

        private static Validation Check(string secret)
        {
            if (secret.Length != Length)
                return Validation.NotChecked;
            Span<byte> bytes = stackalloc byte[ByteLength];
            for (var bit = 0; bit < ByteLength * 8; bit++)
            {
                var value = Alphabet.IndexOf(secret[bit / 5], StringComparison.Ordinal);
                if (value < 0)
                    return Validation.NotChecked;
                if ((value & (0x10 >> (bit % 5))) != 0)
                    bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
            var stored = (uint)(bytes[22] | (bytes[8] << 8) | (bytes[7] << 16) | (bytes[2] << 24));
            var computed = Computed(bytes);
            if (stored == (computed ^ UserSeed))
                return Validation.Valid("Azure DevOps user token, checksum valid");
            return stored == (computed ^ ApplicationSeed)
                ? Validation.Valid("Azure DevOps application token, checksum valid")
                : Validation.Invalid("Azure DevOps token shape, checksum invalid");
        }

        private static uint Computed(ReadOnlySpan<byte> bytes)
        {
            Span<byte> token = stackalloc byte[28];
            bytes[..2].CopyTo(token);
            bytes[3..7].CopyTo(token[2..]);
            bytes[9..22].CopyTo(token[6..]);
            bytes[23..32].CopyTo(token[19..]);
            return Crc32.Compute(token);
        }
    }
}
