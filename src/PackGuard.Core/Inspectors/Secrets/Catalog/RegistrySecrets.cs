using System.Text;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Package registries and developer infrastructure: npm, NuGet, PyPI, Docker Hub, JFrog, RubyGems, crates.io, Terraform, Vault, ...</summary>
/// <remarks>Sample seeds 6500-6899.</remarks>
internal static class RegistrySecrets
{
    private const string Digits = "0123456789";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        // ---- Package registries ----
        new()
        {
            Id = "secret/npm-access-token",
            Name = "npm access token",
            Description = "An npm access token (npm_ followed by 36 base62 characters, the last six a CRC32 checksum): classic or granular. It can publish new versions of every package its owner maintains, the first step of most npm supply-chain attacks.",
            Prefixes = ["npm_"],
            Pattern = @"npm_[A-Za-z0-9]{36}\b",
            MaxLength = 48,
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the token at https://www.npmjs.com/settings/~/tokens or with npm token revoke, check the owner's packages for versions you did not publish, and publish from CI with trusted publishing (OIDC) instead of a stored token.",
            Positives =
            [
                Join("//registry.npmjs.org/:_authToken=", Base62Checksum.Create(Join("np", "m_"), Random(30, Base62, 6501))),
                Join("NPM_TOKEN=", Base62Checksum.Create(Join("np", "m_"), Random(30, Base62, 6502))),
            ],
            Negatives = ["const version = process.env.npm_package_version_override_flag;", Join("np", "m_", Random(24, Base62, 6503)), Join("//registry.npmjs.org/:_authToken=${NPM_TOKEN}")],
        },
        new()
        {
            Id = "secret/npm-legacy-auth-token",
            Name = "npm registry auth token (UUID)",
            Description = "A registry token in UUID form assigned to _authToken in .npmrc or npmAuthToken in .yarnrc.yml: a legacy npm token, or another npm registry's bearer token. Legacy npm tokens could publish every package of their owner.",
            Context = ["_authtoken", "npmauthtoken", "npm_token"],
            Pattern = @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.0,
            Rotate = "Revoke the token with its registry (for npm: https://www.npmjs.com/settings/~/tokens or npm token revoke), read it from an environment variable in .npmrc (${NPM_TOKEN}), and keep .npmrc files with tokens out of the package (.npmignore or the files field).",
            Positives =
            [
                Join("//registry.npmjs.org/:_authToken=", Uuid(6511)),
                Join("npmAuthToken: \"", Uuid(6512), "\""),
            ],
            Negatives =
            [
                Join("//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
                Join("requestId = \"", Uuid(6513), "\""),
                Join("//registry.npmjs.org/:_authToken=", Guid.Empty.ToString()),
            ],
        },
        new()
        {
            Id = "secret/nuget-api-key",
            Name = "NuGet.org API key",
            Description = "A NuGet.org API key (oy2 followed by 43 lower-case letters and digits). Within its glob and scopes it pushes new versions of its owner's packages and can unlist existing ones.",
            Prefixes = ["oy2"],
            Pattern = @"oy2[a-z0-9]{43}\b",
            MaxLength = 56,
            MinEntropy = 3.5,
            Rotate = "Delete or regenerate the key at https://www.nuget.org/account/apikeys, check the owner's packages for versions you did not push, and publish with NuGet trusted publishing instead of a stored key.",
            Positives = [Join("dotnet nuget push out/*.nupkg --api-key o", "y2", Random(43, LowerAlnum, 6521), " --source https://api.nuget.org/v3/index.json")],
            Negatives = [Join("o", "y2", Random(30, LowerAlnum, 6522)), Join("o", "y2", Random(43, Base62, 6523))],
        },
        new()
        {
            Id = "secret/pypi-api-token",
            Name = "PyPI API token",
            Description = "A PyPI API token (pypi- and a macaroon for pypi.org, AgEIcHlwaS5vcmc...). Account-wide or scoped to a project, it uploads new releases that every pip install then trusts.",
            Prefixes = ["pypi-AgEIcHlwaS5vcmc"],
            Pattern = Ended("pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
            MaxLength = 1100,
            Rotate = "Remove the token at https://pypi.org/manage/account/token/ (PyPI revokes tokens it is told were leaked), review the project's release history, and publish with trusted publishing instead of a stored token.",
            Positives = [Join("password = py", "pi-AgEIcHlwaS5vcmc", Random(165, Base64Url, 6531))],
            Negatives = [Join("py", "pi-AgEIcHlwaS5vcmc", Random(30, Base64Url, 6532)), "password = pypi-AgEIcHlwaS5vcmc...", "username = __token__"],
        },
        new()
        {
            Id = "secret/testpypi-api-token",
            Name = "TestPyPI API token",
            Description = "An API token for TestPyPI (pypi- and a macaroon for test.pypi.org, AgENdGVzdC5weXBpLm9yZw...). It uploads releases to the test index only, but is often created next to the real one.",
            Prefixes = ["pypi-AgENdGVzdC5weXBpLm9yZw"],
            Pattern = Ended("pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,}"),
            MaxLength = 1100,
            Confidence = Confidence.Medium,
            TestCredential = true,
            Rotate = "Remove the token at https://test.pypi.org/manage/account/token/ and check whether the real PyPI token sits next to it.",
            Positives = [Join("[testpypi]\npassword = py", "pi-AgENdGVzdC5weXBpLm9yZw", Random(160, Base64Url, 6541))],
            Negatives = [Join("py", "pi-AgENdGVzdC5weXBpLm9yZw", Random(20, Base64Url, 6542))],
        },
        new()
        {
            Id = "secret/docker-hub-pat",
            Name = "Docker Hub personal access token",
            Description = "A Docker Hub personal access token (dckr_pat_ followed by 27 characters). With the username it pulls, and with write scope pushes, every image the account can reach: a pushed image is a supply-chain attack.",
            Prefixes = ["dckr_pat_"],
            Pattern = Ended("dckr_pat_[A-Za-z0-9_-]{27}"),
            MaxLength = 48,
            MinEntropy = 3.0,
            Rotate = "Delete the token in Docker Hub (Account settings, Personal access tokens), check the account's repositories for tags you did not push, and use short-lived credentials in CI.",
            Positives = [Join("echo dckr", "_pat_", Random(27, Base64Url, 6551), " | docker login -u acme --password-stdin")],
            Negatives = [Join("dckr", "_pat_", Random(20, Base64Url, 6552)), Join("dckr", "_pat_", Random(40, Base62, 6553))],
        },
        new()
        {
            Id = "secret/docker-hub-org-access-token",
            Name = "Docker Hub organization access token",
            Description = "A Docker Hub organization access token (dckr_oat_ followed by its body). With the organization's name it reaches the organization's repositories within the token's scopes, push included.",
            Prefixes = ["dckr_oat_"],
            Pattern = Ended("dckr_oat_[A-Za-z0-9_-]{27,32}"),
            MaxLength = 56,
            MinEntropy = 3.0,
            Rotate = "Delete the token in Docker Hub (the organization's Settings, Access tokens) and check the organization's repositories for tags you did not push.",
            Positives = [Join("DOCKERHUB_TOKEN=dckr", "_oat_", Random(32, Base64Url, 6561))],
            Negatives = [Join("dckr", "_oat_", Random(16, Base64Url, 6562))],
        },
        new()
        {
            Id = "secret/jfrog-api-key",
            Name = "JFrog Artifactory API key",
            Description = "A JFrog Artifactory API key (AKCp followed by 69 characters). It acts as its user on the JFrog Platform: reading and deploying artifacts in every repository the user can reach.",
            Prefixes = ["AKCp"],
            Pattern = @"AKCp[A-Za-z0-9]{69}\b",
            MaxLength = 88,
            MinEntropy = 3.5,
            Rotate = "Revoke the API key in the JFrog Platform (Edit Profile, API Key, Revoke), check the repositories for artifacts you did not deploy, and move to access tokens: API keys are deprecated.",
            Positives = [Join("curl -H \"X-JFrog-Art-Api: AK", "Cp", Random(69, Base62, 6571), "\" https://acme.jfrog.io/artifactory/api/repositories")],
            Negatives = [Join("AK", "Cp", Random(40, Base62, 6572)), Join("AK", "Cp", Random(75, Base62, 6573))],
        },
        new()
        {
            Id = "secret/jfrog-reference-token",
            Name = "JFrog reference token",
            Description = "A JFrog Platform reference (identity) token: 64 characters of base64 starting with cmVmdGtuOjAxOj, which decodes to reftkn:01:. It stands for an access token and acts as its user or service on the JFrog Platform.",
            Prefixes = ["cmVmdGtuOjAxOj"],
            Pattern = @"cmVmdGtuOjAxOj[A-Za-z0-9]{50}\b",
            MaxLength = 72,
            Rotate = "Revoke the token in the JFrog Platform (Edit Profile, Identity Tokens; or Administration, User Management, Access Tokens) or with DELETE /access/api/v1/tokens/{id}, and check the repositories for artifacts you did not deploy.",
            Positives = [Join("helm repo add acme https://acme.jfrog.io/artifactory/api/helm/charts --username ci --password ", JfrogReferenceToken(6581))],
            Negatives = [Join("token = ", JfrogReferenceToken(6583)[..40]), Join("token = ", JfrogReferenceToken(6585), "x")],
        },
        new()
        {
            Id = "secret/rubygems-api-key",
            Name = "RubyGems API key",
            Description = "A RubyGems.org API key (rubygems_ followed by 48 hexadecimal characters). Within its scopes it pushes new versions of its owner's gems and can yank existing ones.",
            Prefixes = ["rubygems_"],
            Pattern = @"rubygems_[0-9a-f]{48}\b",
            MaxLength = 64,
            Rotate = "Delete the key at https://rubygems.org/profile/api_keys, check the owner's gems for versions you did not push, and publish with trusted publishing instead of a stored key.",
            Positives = [Join("---\n:rubygems_api_key: rubygems", "_", Random(48, Hex, 6591))],
            Negatives = [Join("rubygems", "_", Random(40, Hex, 6592)), "rubygems_api_key_file_path_setting"],
        },
        new()
        {
            Id = "secret/crates-io-api-token",
            Name = "crates.io API token",
            Description = "A crates.io API token (cio followed by 32 letters and digits). Within its scopes it publishes new versions of its owner's crates and can yank them.",
            Prefixes = ["cio"],
            Pattern = @"cio[A-Za-z0-9]{32}\b",
            MaxLength = 40,
            MinEntropy = 3.5,
            // "cio" is short: drop identifiers and words that happen to have the shape.
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Rotate = "Revoke the token at https://crates.io/settings/tokens, check the owner's crates for versions you did not publish, and publish with trusted publishing instead of a stored token.",
            Positives = [Join("[registry]\ntoken = \"ci", "o", Random(32, Base62, 6601), "\"")],
            Negatives = [Join("ci", "o", Random(20, Base62, 6602)), "const cioRegistrationTokenRefreshedHandle = 1;", Join("ci", "o", Random(40, Base62, 6603))],
        },
        new()
        {
            Id = "secret/private-packagist-token",
            Name = "Private Packagist token",
            Description = "A Private Packagist authentication token (packagist_ort_, packagist_out_ or packagist_uut_ followed by 68 hexadecimal characters): an organization read or update token or a user update token for a company's private Composer packages.",
            Prefixes = ["packagist_ort_", "packagist_out_", "packagist_uut_"],
            Pattern = @"packagist_(?:ort|out|uut)_[0-9a-fA-F]{68}\b",
            MaxLength = 88,
            Rotate = "Revoke the token in Private Packagist (the organization's Settings, Authentication tokens; user tokens in the user's profile), then update auth.json files that used it.",
            Positives = [Join("composer config --global --auth http-basic.repo.packagist.com token packagist", "_ort_", Random(68, Hex, 6611))],
            Negatives = [Join("packagist", "_ort_", Random(40, Hex, 6612))],
        },

        // ---- Infrastructure as code, secret stores, CI and API tooling ----
        new()
        {
            Id = "secret/terraform-cloud-token",
            Name = "HCP Terraform (Terraform Cloud) API token",
            Description = "An HCP Terraform or Terraform Enterprise API token (14 characters, .atlasv1., then about 67 characters): a user, team or organization token. It plans and applies infrastructure and reads state files, which hold the infrastructure's own secrets.",
            Prefixes = ["atlasv1"],
            LookBehind = 15,
            Pattern = @"(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?:[^A-Za-z0-9_=-]|$)",
            MaxLength = 96,
            MinEntropy = 3.5,
            Rotate = "Revoke the token in HCP Terraform (User settings, Tokens; or the organization's or team's API token settings), check recent runs and state versions, and use dynamic credentials in CI.",
            Positives = [Join("credentials \"app.terraform.io\" {\n  token = \"", Random(14, Base62, 6621), ".atlas", "v1.", Random(67, Base62, 6622), "\"\n}")],
            Negatives = [Join("token = \"", Random(14, Base62, 6623), ".atlas", "v1.", Random(30, Base62, 6624), "\""), Join("token = \"", new string('x', 14), ".atlas", "v1.", new string('x', 64), "\"")],
        },
        new()
        {
            Id = "secret/pulumi-access-token",
            Name = "Pulumi access token",
            Description = "A Pulumi Cloud access token (pul- followed by 40 hexadecimal characters): a personal, team or organization token. It reads and updates stacks, their state and encrypted configuration, and runs deployments.",
            Prefixes = ["pul-"],
            Pattern = @"pul-[0-9a-f]{40}\b",
            MaxLength = 48,
            MinEntropy = 3.0,
            Rotate = "Delete the token in Pulumi Cloud (Personal access tokens, or the organization's or team's Access tokens), check the stacks' update history, and use OIDC in CI.",
            Positives = [Join("PULUMI_ACCESS_TOKEN=pu", "l-", Random(40, Hex, 6631))],
            Negatives = [Join("pu", "l-", Random(32, Hex, 6632)), Join("pu", "l-", Random(44, Hex, 6633))],
        },
        new()
        {
            Id = "secret/vault-service-token",
            Name = "HashiCorp Vault service token",
            Description = "A HashiCorp Vault service token (hvs. followed by 24 characters, or by a longer server-side consistent body). It reads and writes the secrets its policies allow, often the keys to everything else.",
            Prefixes = ["hvs."],
            Pattern = Ended(@"hvs\.(?:[A-Za-z0-9]{24}|[A-Za-z0-9_-]{90,})"),
            MaxLength = 400,
            MinEntropy = 3.5,
            Rotate = "Revoke the token (vault token revoke, or vault token revoke -accessor), review the audit log for its use, and rotate the secrets its policies could read.",
            Positives = [Join("VAULT_TOKEN=hv", "s.", Random(24, Base62, 6641)), Join("vault login hv", "s.CAESI", Random(90, Base64Url, 6642))],
            Negatives = [Join("hv", "s.", Random(16, Base62, 6643)), Join("hv", "s.", Random(40, Base62, 6644))],
        },
        new()
        {
            Id = "secret/vault-batch-token",
            Name = "HashiCorp Vault batch token",
            Description = "A HashiCorp Vault batch token (hvb. followed by an encrypted body of 138 characters or more). Until its TTL runs out it reads and writes the secrets its policies allow.",
            Prefixes = ["hvb."],
            Pattern = Ended(@"hvb\.[A-Za-z0-9_-]{138,}"),
            MaxLength = 600,
            MinEntropy = 3.5,
            Rotate = "Batch tokens cannot be revoked one by one: revoke the parent token or the auth lease that issued it (vault lease revoke -prefix), shorten the role's TTL, and rotate the secrets its policies could read.",
            Positives = [Join("VAULT_TOKEN=hv", "b.AAAAAQ", Random(180, Base64Url, 6651))],
            Negatives = [Join("hv", "b.", Random(60, Base64Url, 6652))],
        },
        new()
        {
            Id = "secret/vault-recovery-token",
            Name = "HashiCorp Vault recovery token",
            Description = "A HashiCorp Vault recovery token (hvr. followed by 24 characters), generated to operate a Vault server started in recovery mode. It can read and repair raw storage.",
            Prefixes = ["hvr."],
            Pattern = @"hvr\.[A-Za-z0-9]{24}\b",
            MaxLength = 32,
            MinEntropy = 3.5,
            Rotate = "Restart Vault out of recovery mode, which invalidates the token, and review how it left the operator's hands.",
            Positives = [Join("VAULT_TOKEN=hv", "r.", Random(24, Base62, 6661))],
            Negatives = [Join("hv", "r.", Random(18, Base62, 6662))],
        },
        Doppler("personal", "dp.pt.", "Doppler personal token", "A Doppler personal token (dp.pt. followed by 40 to 44 characters). It reads and writes every project, config and secret its user can reach.", "Revoke the token on the Doppler dashboard (Tokens, Personal) and rotate the secrets it could read.", 6671),
        Doppler("cli", "dp.ct.", "Doppler CLI token", "A Doppler CLI token (dp.ct. followed by 40 to 44 characters), created by doppler login. It reads and writes every project, config and secret its user can reach.", "Revoke the token (doppler logout --yes on the machine that created it, or the dashboard's Tokens page, CLI tab) and rotate the secrets it could read.", 6681),
        new()
        {
            Id = "secret/doppler-service-token",
            Name = "Doppler service token",
            Description = "A Doppler service token (dp.st., an optional config name, then 40 to 44 characters). It reads, and with write access changes, every secret of one config.",
            Prefixes = ["dp.st."],
            Pattern = @"dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}\b",
            MaxLength = 96,
            MinEntropy = 3.5,
            Rotate = "Revoke the token in the project's config, Access tab (or doppler configs tokens revoke) and rotate the config's secrets.",
            Positives = [Join("DOPPLER_TOKEN=dp", ".st.prd.", Random(43, Base62, 6691)), Join("DOPPLER_TOKEN=dp", ".st.", Random(43, Base62, 6692))],
            Negatives = [Join("dp", ".st.", Random(30, Base62, 6693))],
        },
        new()
        {
            Id = "secret/doppler-service-account-token",
            Name = "Doppler service account token",
            Description = "A Doppler service account token (dp.sa., or dp.said. for the short-lived identity tokens, followed by 40 to 44 characters). It acts as the service account on the projects and secrets its role grants.",
            Prefixes = ["dp.sa.", "dp.said."],
            Pattern = @"dp\.(?:sa|said)\.[A-Za-z0-9]{40,44}\b",
            MaxLength = 56,
            MinEntropy = 3.5,
            Rotate = "Revoke the token on the service account's page (Team, Service accounts, the account, API tokens) and rotate the secrets it could read.",
            Positives = [Join("doppler_token = \"dp", ".sa.", Random(43, Base62, 6701), "\"")],
            Negatives = [Join("dp", ".sa.", Random(25, Base62, 6702))],
        },
        Doppler("scim", "dp.scim.", "Doppler SCIM token", "A Doppler SCIM token (dp.scim. followed by 40 to 44 characters). It creates, changes and removes the workplace's members and groups.", "Regenerate the SCIM token in the workplace's settings (Team, SAML and SCIM) and update the identity provider.", 6711),
        Doppler("audit", "dp.audit.", "Doppler audit token", "A Doppler audit token (dp.audit. followed by 40 to 44 characters). It reads the workplace's audit log, users and access settings.", "Revoke the token in the workplace's settings and review who could read the audit data.", 6721),
        new()
        {
            Id = "secret/postman-api-key",
            Name = "Postman API key",
            Description = "A Postman API key (PMAK-, 24 hexadecimal characters, a dash, 34 more). It reads and edits the user's workspaces, collections and environments, whose variables often hold other API credentials.",
            Prefixes = ["PMAK-"],
            Pattern = @"PMAK-[0-9a-fA-F]{24}-[0-9a-fA-F]{34}\b",
            MaxLength = 72,
            MinEntropy = 3.0,
            Rotate = "Revoke the key in Postman (Settings, API keys) and check the workspaces' environments for credentials it could read.",
            Positives = [Join("newman run https://api.getpostman.com/collections/1234?apikey=PM", "AK-", Random(24, Hex, 6731), "-", Random(34, Hex, 6732))],
            Negatives = [Join("PM", "AK-", Random(24, Hex, 6733)), Join("PM", "AK-", Random(24, Hex, 6734), "-", Random(20, Hex, 6735))],
        },
        new()
        {
            Id = "secret/clojars-deploy-token",
            Name = "Clojars deploy token",
            Description = "A Clojars deploy token (CLOJARS_ followed by 60 lower-case letters and digits). Within its scope it deploys new versions of its owner's Clojure libraries.",
            Prefixes = ["CLOJARS_"],
            Pattern = @"CLOJARS_[a-z0-9]{60}\b",
            MaxLength = 72,
            MinEntropy = 3.5,
            Rotate = "Disable the token at https://clojars.org/tokens and check the owner's libraries for versions you did not deploy.",
            Positives = [Join(":password \"CLO", "JARS_", Random(60, LowerAlnum, 6741), "\"")],
            Negatives = ["CLOJARS_USERNAME=acme", Join("CLO", "JARS_", Random(40, LowerAlnum, 6742))],
        },
        new()
        {
            Id = "secret/circleci-personal-token",
            Name = "CircleCI personal API token",
            Description = "A CircleCI personal API token (CCIPAT_, 22 characters, an underscore, 40 hexadecimal characters). It acts as its user on the CircleCI API: reads and changes projects, their environment variables and contexts, and triggers pipelines.",
            Prefixes = ["CCIPAT_"],
            Pattern = @"CCIPAT_[A-Za-z0-9]{22}_[0-9a-f]{40}\b",
            MaxLength = 80,
            MinEntropy = 3.5,
            Rotate = "Delete the token in CircleCI (User settings, Personal API tokens) and review the projects' environment variables and contexts it could read.",
            Positives = [Join("CIRCLE_TOKEN=CCI", "PAT_", Random(22, Base62, 6751), "_", Random(40, Hex, 6752))],
            Negatives = [Join("CCI", "PAT_", Random(22, Base62, 6753)), Join("CCI", "PAT_", Random(22, Base62, 6754), "_", Random(30, Hex, 6755))],
        },
    ];

    /// <summary>The token, then a character that cannot continue it (or the end): \b fails after a trailing '-' or '_'.</summary>
    private static string Ended(string token) => $"(?<secret>{token})(?:[^A-Za-z0-9_-]|$)";

    /// <summary>A Doppler token kind whose format is the prefix and 40 to 44 base62 characters.</summary>
    private static SecretRule Doppler(string kind, string prefix, string name, string description, string rotate, int seed) => new()
    {
        Id = $"secret/doppler-{kind}-token",
        Name = name,
        Description = description,
        Prefixes = [prefix],
        Pattern = prefix.Replace(".", @"\.", StringComparison.Ordinal) + @"[A-Za-z0-9]{40,44}\b",
        MaxLength = prefix.Length + 48,
        MinEntropy = 3.5,
        Rotate = rotate,
        Positives = [Join("DOPPLER_TOKEN=", prefix[..2], prefix[2..], Random(43, Base62, seed))],
        Negatives = [Join(prefix[..2], prefix[2..], Random(30, Base62, seed + 1)), Join("DOPPLER_TOKEN=", prefix[..2], prefix[2..], Random(50, Base62, seed + 2))],
    };

    /// <summary>A version 4 UUID.</summary>
    private static string Uuid(int seed)
    {
        var hex = Random(30, Hex, seed);
        return Join(hex[..8], "-", hex[8..12], "-4", hex[12..15], "-a", hex[15..18], "-", hex[18..]);
    }

    /// <summary>A reference token the way JFrog builds one: base64 of reftkn:01:, an expiry, and a random part.</summary>
    private static string JfrogReferenceToken(int seed) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Join("reftkn", ":01:", Random(10, Digits, seed), ":", Random(27, Base62, seed + 1))));
}
