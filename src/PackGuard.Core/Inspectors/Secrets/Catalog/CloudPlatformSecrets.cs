using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Hosting, edge and smaller cloud providers: DigitalOcean, Alibaba Cloud, Cloudflare, Heroku,
/// Vercel, Netlify, Fly.io, Render, Supabase, PlanetScale, Linode, Scaleway, IBM Cloud, Tencent
/// Cloud, Backblaze B2, Hetzner and Vultr. Samples use seeds 2600-2999.
/// </summary>
internal static class CloudPlatformSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        .. DigitalOcean(),
        .. Alibaba(),
        .. Cloudflare(),
        .. Heroku(),
        .. Hosting(),
        .. Databases(),
        .. OtherClouds(),
    ];

    private static IEnumerable<SecretRule> DigitalOcean() =>
    [
        DigitalOceanToken("dop_v1_", "digitalocean-pat", "DigitalOcean personal access token",
            "A DigitalOcean personal access token (dop_v1_ followed by 64 hex characters). It manages every Droplet, database, Space and DNS record its scopes reach on the team.", 2600),
        DigitalOceanToken("doo_v1_", "digitalocean-oauth-token", "DigitalOcean OAuth access token",
            "A DigitalOcean OAuth access token (doo_v1_ followed by 64 hex characters) issued to an application. It acts as the user who authorised it until it expires.", 2603),
        DigitalOceanToken("dor_v1_", "digitalocean-refresh-token", "DigitalOcean OAuth refresh token",
            "A DigitalOcean OAuth refresh token (dor_v1_ followed by 64 hex characters). It mints new access tokens for the user who authorised the application until it is revoked.", 2606),
    ];

    private static IEnumerable<SecretRule> Alibaba() =>
    [
        new()
        {
            Id = "secret/alibaba-access-key-id",
            Name = "Alibaba Cloud AccessKey ID",
            Description = "An Alibaba Cloud AccessKey ID (LTAI followed by 12 to 20 letters and digits). Alone it cannot sign requests, but it names the RAM user and almost always travels with its AccessKey secret.",
            Prefixes = ["LTAI"],
            Pattern = @"LTAI[A-Za-z0-9]{12,20}\b",
            Confidence = Confidence.Medium,
            Rotate = "Disable and delete the AccessKey pair in the RAM console (Users, AccessKey), check ActionTrail for its use, and give the workload a RAM role instead.",
            Positives = [Join("ALIBABA_CLOUD_ACCESS_KEY_ID=LT", "AI", Random(20, Base62, 2610))],
            Negatives = [Join("LT", "AI", Random(8, Base62, 2611)), Join("const x = \"ZLT", "AI", Random(20, Base62, 2612), "\";")],
        },
        new()
        {
            Id = "secret/alibaba-access-key-secret",
            Name = "Alibaba Cloud AccessKey secret",
            Description = "The 30-character secret of an Alibaba Cloud AccessKey pair, recognised next to the names it goes by (AccessKeySecret, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALICLOUD_SECRET_KEY). With its ID it signs any request the RAM user's policies allow.",
            Context = ["accesskeysecret", "access_key_secret", "alicloud_secret", "alibaba_secret", "aliyun_secret"],
            Pattern = "[A-Za-z0-9]{30}",
            MinEntropy = 4.0,
            Confidence = Confidence.Medium,
            Rotate = "Disable and delete the AccessKey pair in the RAM console (Users, AccessKey), check ActionTrail for its use, and give the workload a RAM role instead.",
            Positives = [Join("ALIBABA_CLOUD_ACCESS_KEY_SECRET=", Random(30, Base62, 2615))],
            Negatives = [Join("ALIBABA_CLOUD_ACCESS_KEY_SECRET=", Random(24, Base62, 2616)), Join("aliyun_request_id = ", Random(30, Base62, 2617))],
        },
    ];

    private static IEnumerable<SecretRule> Cloudflare() =>
    [
        new()
        {
            Id = "secret/cloudflare-api-token",
            Name = "Cloudflare API token",
            Description = "A Cloudflare API token (40 base64url characters) next to the word cloudflare or CF_API_TOKEN. It changes DNS, Workers, caches and settings on the zones and accounts its permissions cover.",
            Context = ["cloudflare", "cf_api_token"],
            Pattern = @"[A-Za-z0-9_\-]{40}",
            MinEntropy = 4.3,
            Confidence = Confidence.Medium,
            Rotate = "Roll or delete the token at https://dash.cloudflare.com/profile/api-tokens, review the account's audit log, and scope new tokens to the zones and permissions they need.",
            Positives = [Join("CLOUDFLARE_API_TOKEN=", Random(40, Base64Url, 2620))],
            Negatives = [Join("cloudflare_commit = ", Random(40, Hex, 2621)), Join("CLOUDFLARE_API_TOKEN=", Random(32, Base64Url, 2622))],
        },
        new()
        {
            Id = "secret/cloudflare-global-api-key",
            Name = "Cloudflare global API key",
            Description = "A Cloudflare global API key (37 hex characters) next to the word cloudflare or X-Auth-Key. With the account's email it does everything the user can do on every account and zone.",
            Context = ["cloudflare", "x-auth-key", "cf_api_key"],
            Pattern = "[a-f0-9]{37}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Change the global API key at https://dash.cloudflare.com/profile/api-tokens (API Keys, Global API Key, Change), review the audit log, and use scoped API tokens instead.",
            Positives = [Join("CLOUDFLARE_API_KEY=", Random(37, Hex, 2625))],
            Negatives = [Join("CLOUDFLARE_ACCOUNT_ID=", Random(32, Hex, 2626))],
        },
        new()
        {
            Id = "secret/cloudflare-origin-ca-key",
            Name = "Cloudflare Origin CA key",
            Description = "A Cloudflare Origin CA key (v1.0- followed by 24 and 146 hex characters). It issues and revokes Origin CA certificates for the user's zones.",
            Prefixes = ["v1.0-"],
            Pattern = @"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}\b",
            Rotate = "Change the Origin CA key at https://dash.cloudflare.com/profile/api-tokens (API Keys, Origin CA Key) and revoke certificates issued with it that you do not recognise.",
            Positives = [Join("CLOUDFLARE_ORIGIN_CA_KEY=v1", ".0-", Random(24, Hex, 2630), "-", Random(146, Hex, 2631))],
            Negatives = [Join("v1", ".0-", Random(24, Hex, 2632), "-", Random(60, Hex, 2633))],
        },
    ];

    private static IEnumerable<SecretRule> Heroku() =>
    [
        new()
        {
            Id = "secret/heroku-api-key",
            Name = "Heroku API key",
            Description = "A Heroku API key or OAuth authorization in the prefixed format (HRKU-AA followed by 58 base64url characters). It manages every app, add-on and config var its owner can reach.",
            Prefixes = ["HRKU-AA"],
            Pattern = @"(?<secret>HRKU-AA[A-Za-z0-9_\-]{58})(?:[^A-Za-z0-9_\-]|$)",
            MaxLength = 80,
            Rotate = "Revoke the authorization (heroku authorizations:revoke, or Account settings, Applications) or regenerate the API key (Account settings, API Key), and check the apps' activity.",
            Positives = [Join("HEROKU_API_KEY=HR", "KU-AA", Random(58, Base64Url, 2640), "\n")],
            Negatives = [Join("HEROKU_API_KEY=HR", "KU-AA", Random(30, Base64Url, 2641), "\n"), Join("HEROKU_API_KEY=HR", "KU-AA", Random(70, Base64Url, 2642), "\n")],
        },
        new()
        {
            Id = "secret/heroku-legacy-api-key",
            Name = "Heroku API key (legacy)",
            Description = "A Heroku API key in the legacy UUID format, next to a name like HEROKU_API_KEY. It manages every app, add-on and config var its owner can reach.",
            Context = ["heroku_api", "herokuapi", "heroku_key", "heroku_token", "heroku_auth"],
            Pattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Regenerate the API key (Account settings, API Key, or heroku authorizations:rotate) and check the apps' activity.",
            Positives = [Join("HEROKU_API_KEY=", Uuid(2645))],
            Negatives = [Join("heroku_app_id = ", Uuid(2646)), Join("HEROKU_API_KEY=", Uuid(2647)[..30])],
        },
    ];

    private static IEnumerable<SecretRule> Hosting() =>
    [
        new()
        {
            Id = "secret/vercel-token",
            Name = "Vercel token",
            Description = "A Vercel token in the prefixed format: a personal access token (vcp_), integration token (vci_), app access or refresh token (vca_, vcr_) or API key (vck_), followed by 56 letters and digits. It deploys, reads environment variables and manages projects of the teams it is scoped to.",
            Prefixes = ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
            Pattern = @"vc[pciark]_[A-Za-z0-9]{56}\b",
            Rotate = "Delete the token at https://vercel.com/account/tokens (or the API key in the AI Gateway settings, or revoke the integration), and review the team's audit log.",
            Positives = [Join("VERCEL_TOKEN=vc", "p_", Random(56, Base62, 2650))],
            Negatives = [Join("VERCEL_TOKEN=vc", "p_", Random(24, Base62, 2651)), Join("vc", "p_", Random(70, Base62, 2652))],
        },
        new()
        {
            Id = "secret/netlify-access-token",
            Name = "Netlify personal access token",
            Description = "A Netlify personal access token (nfp_ followed by letters and digits). It deploys and configures every site of the teams its owner belongs to.",
            Prefixes = ["nfp_"],
            Pattern = @"nfp_[A-Za-z0-9]{36,40}\b",
            Rotate = "Delete the token at https://app.netlify.com/user/applications (Personal access tokens) and review the team's audit log.",
            Positives = [Join("NETLIFY_AUTH_TOKEN=nf", "p_", Random(36, Base62, 2655))],
            Negatives = [Join("NETLIFY_AUTH_TOKEN=nf", "p_", Random(20, Base62, 2656)), Join("xnf", "p_", Random(36, Base62, 2657))],
        },
        new()
        {
            Id = "secret/flyio-macaroon-token",
            Name = "Fly.io access token",
            Description = "A Fly.io access token in the macaroon format (fm2_, or the older fm1a_ and fm1r_, followed by base64, often several joined by commas after FlyV1). It deploys and manages the apps of the organisation it was issued for.",
            Prefixes = ["fm2_", "fm1a_", "fm1r_"],
            Pattern = @"(?:^|[^,])(?<secret>fm(?:2|1[ar])_[A-Za-z0-9+/]{100,}={0,3}(?:,fm(?:2|1[ar])_[A-Za-z0-9+/]+={0,3})*)",
            LookBehind = 1,
            MaxLength = 6144,
            Rotate = "Revoke the token (fly tokens revoke, or the organisation's Tokens page in the Fly.io dashboard) and issue narrowly scoped deploy tokens.",
            Positives = [Join("FLY_API_TOKEN=\"FlyV1 fm", "2_", Random(300, Base64, 2660), ",fm", "2_", Random(200, Base64, 2661), "\"")],
            Negatives = [Join("FLY_API_TOKEN=\"FlyV1 fm", "2_", Random(40, Base64, 2662), "\""), Join("x,fm", "2_", Random(200, Base64, 2663))],
        },
        new()
        {
            Id = "secret/flyio-personal-token",
            Name = "Fly.io personal access token",
            Description = "A Fly.io personal access token (fo1_ followed by 43 base64url characters). It acts as the user on every organisation and app they can reach.",
            Prefixes = ["fo1_"],
            Pattern = @"(?<secret>fo1_[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$)",
            MaxLength = 64,
            Rotate = "Revoke the token (fly tokens revoke, or Account, Access Tokens in the dashboard) and use scoped deploy tokens instead.",
            Positives = [Join("fly_token: \"fo", "1_", Random(43, Base64Url, 2665), "\"")],
            Negatives = [Join("fly_token: \"fo", "1_", Random(20, Base64Url, 2666), "\""), Join("MINIDUMP_SYS", "FO1_", Random(43, Base64Url, 2667))],
        },
        new()
        {
            Id = "secret/render-api-key",
            Name = "Render API key",
            Description = "A Render API key (rnd_ followed by 32 letters and digits). It deploys, reads environment variables and manages every service of the workspaces its owner belongs to.",
            Prefixes = ["rnd_"],
            Pattern = @"rnd_[A-Za-z0-9]{32}\b",
            Rotate = "Revoke the key in the Render dashboard (Account settings, API keys) and create a new one kept in a secret store.",
            Positives = [Join("RENDER_API_KEY=rn", "d_", Random(32, Base62, 2670))],
            Negatives = [Join("RENDER_API_KEY=rn", "d_", Random(16, Base62, 2671)), Join("brn", "d_", Random(32, Base62, 2672))],
        },
    ];

    private static IEnumerable<SecretRule> Databases() =>
    [
        new()
        {
            Id = "secret/supabase-access-token",
            Name = "Supabase personal access token",
            Description = "A Supabase personal access token (sbp_ followed by 40 hex characters) for the Management API. It creates, changes and deletes projects, reads their keys and runs SQL in every organisation of its owner.",
            Prefixes = ["sbp_"],
            Pattern = @"sbp_[a-f0-9]{40}\b",
            Rotate = "Revoke the token at https://supabase.com/dashboard/account/tokens and check the organisations' audit logs.",
            Positives = [Join("SUPABASE_ACCESS_TOKEN=sb", "p_", Random(40, Hex, 2680))],
            Negatives = [Join("SUPABASE_ACCESS_TOKEN=sb", "p_", Random(24, Hex, 2681)), Join("sb", "p_", Random(40, Hex, 2682).ToUpperInvariant())],
        },
        new()
        {
            Id = "secret/supabase-secret-key",
            Name = "Supabase secret API key",
            Description = "A Supabase secret API key (sb_secret_ followed by base64url characters), the successor of the service_role key. It bypasses Row Level Security: full read and write access to the project's database, storage and auth.",
            Prefixes = ["sb_secret_"],
            Pattern = @"(?<secret>sb_secret_[A-Za-z0-9_\-]{28,48})(?:[^A-Za-z0-9_\-]|$)",
            MaxLength = 64,
            Validator = PublishedDevelopmentKeys.Instance,
            DiscardInvalid = true,
            Rotate = "Delete the secret key and create a new one (Project settings, API Keys), and keep it on the server: browsers and apps get the publishable key.",
            Positives = [Join("SUPABASE_SECRET_KEY=sb_se", "cret_", Random(22, Base64Url, 2685), "_", Random(8, Base62, 2686))],
            Negatives = [Join("SUPABASE_SECRET_KEY=sb_se", "cret_", Random(12, Base64Url, 2687)), Join("SUPABASE_KEY=sb_publish", "able_", Random(22, Base64Url, 2688), "_", Random(8, Base62, 2689))],
        },
        PlanetScale("pscale_pw_", "planetscale-password", "PlanetScale database password",
            "A PlanetScale database password (pscale_pw_ followed by base64url characters). With the branch's host and username it reads and writes the database with the password's role.",
            "Delete the password (database, Settings, Passwords, or pscale password delete) and create a new one kept in a secret store.", 2690),
        PlanetScale("pscale_tkn_", "planetscale-service-token", "PlanetScale service token",
            "A PlanetScale service token (pscale_tkn_ followed by base64url characters). With its ID it manages the databases, branches and deploy requests its access grants cover.",
            "Delete the service token (Organization settings, Service tokens, or pscale service-token delete) and create a narrowly scoped one.", 2693),
        PlanetScale("pscale_oauth_", "planetscale-oauth-token", "PlanetScale OAuth token",
            "A PlanetScale OAuth access token (pscale_oauth_ followed by base64url characters) issued to an application. It acts for the user who authorised the application with its scopes.",
            "Revoke the application's access (Organization settings, OAuth applications) so that its tokens stop working.", 2696),
    ];

    private static IEnumerable<SecretRule> OtherClouds() =>
    [
        new()
        {
            Id = "secret/linode-token",
            Name = "Linode (Akamai) personal access token",
            Description = "A Linode personal access token (64 hex characters) next to the word linode. It manages every Linode, volume, NodeBalancer and domain its scopes reach.",
            Context = ["linode"],
            Pattern = "[a-f0-9]{64}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the token in Cloud Manager (Profile, API Tokens) and review the account's events.",
            Positives = [Join("LINODE_TOKEN=", Random(64, Hex, 2700))],
            Negatives = [Join("LINODE_TOKEN=", Random(40, Hex, 2701)), Join("sha256 = ", Random(64, Hex, 2702))],
        },
        new()
        {
            Id = "secret/scaleway-access-key",
            Name = "Scaleway access key",
            Description = "A Scaleway API access key (SCW followed by 17 capital letters and digits). Alone it cannot sign requests, but it names the API key and travels with its secret key.",
            Prefixes = ["SCW"],
            Pattern = @"SCW[A-Z0-9]{17}\b",
            Confidence = Confidence.Medium,
            Rotate = "Delete the API key in the Scaleway console (IAM, API keys) and create a new one for an application with the least policy it needs.",
            Positives = [Join("SCW_ACCESS_KEY=SC", "W", Random(17, UpperAlnum, 2705))],
            Negatives = [Join("SCW_ACCESS_KEY=SC", "W", Random(10, UpperAlnum, 2706)), Join("SC", "W", Random(17, UpperAlnum, 2707), "_TIMEOUT")],
        },
        new()
        {
            Id = "secret/scaleway-secret-key",
            Name = "Scaleway secret key",
            Description = "A Scaleway API secret key (a UUID) next to the names it goes by (SCW_SECRET_KEY, scaleway_secret_key). With its access key it calls the API with the policies of the key's IAM application or user.",
            Context = ["scw_secret", "scaleway_secret", "scalewaysecret"],
            Pattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Delete the API key in the Scaleway console (IAM, API keys) and create a new one for an application with the least policy it needs.",
            Positives = [Join("SCW_SECRET_KEY=", Uuid(2710))],
            Negatives = [Join("SCW_DEFAULT_PROJECT_ID=", Uuid(2711))],
        },
        new()
        {
            Id = "secret/ibm-cloud-api-key",
            Name = "IBM Cloud API key",
            Description = "An IBM Cloud API key (44 base64url characters) next to a name like IBMCLOUD_API_KEY. It obtains IAM tokens as the user or service ID it belongs to, with all of their access.",
            Context = ["ibmcloud", "ibm_cloud", "ibm-cloud", "ibm_api_key", "ibm_iam_api"],
            Pattern = @"[A-Za-z0-9_\-]{44}",
            MinEntropy = 4.2,
            Confidence = Confidence.Medium,
            Rotate = "Delete the API key (Manage, Access (IAM), API keys, or ibmcloud iam api-key-delete) and check the Activity Tracker events for its use.",
            Positives = [Join("IBMCLOUD_API_KEY=", Random(44, Base64Url, 2715))],
            Negatives = [Join("IBMCLOUD_API_KEY=", Random(30, Base64Url, 2716)), Join("ibmcloud_region_hash = ", Random(44, Hex, 2717))],
        },
        new()
        {
            Id = "secret/tencent-cloud-secret-id",
            Name = "Tencent Cloud SecretId",
            Description = "A Tencent Cloud API SecretId (AKID followed by 32 letters and digits). Alone it cannot sign requests, but it names the CAM key and travels with its SecretKey.",
            Prefixes = ["AKID"],
            Pattern = @"AKID[A-Za-z0-9]{32}\b",
            Confidence = Confidence.Medium,
            Rotate = "Disable and delete the API key in the CAM console (API Keys), check CloudAudit for its use, and give the workload a CAM role instead.",
            Positives = [Join("TENCENTCLOUD_SECRET_ID=AK", "ID", Random(32, Base62, 2720))],
            Negatives = [Join("AK", "ID", Random(20, Base62, 2721)), Join("XAK", "ID", Random(32, Base62, 2722))],
        },
        new()
        {
            Id = "secret/tencent-cloud-secret-key",
            Name = "Tencent Cloud SecretKey",
            Description = "A Tencent Cloud API SecretKey (32 letters and digits) next to the names it goes by (TENCENTCLOUD_SECRET_KEY, QCLOUD_SECRET_KEY). With its SecretId it signs any request the CAM key's policies allow.",
            Context = ["tencentcloud_secret", "tencent_secret", "tencentsecret", "qcloud_secret", "qcloudsecret"],
            Pattern = "[A-Za-z0-9]{32}",
            MinEntropy = 4.0,
            Confidence = Confidence.Medium,
            Rotate = "Disable and delete the API key in the CAM console (API Keys), check CloudAudit for its use, and give the workload a CAM role instead.",
            Positives = [Join("TENCENTCLOUD_SECRET_KEY=", Random(32, Base62, 2725))],
            Negatives = [Join("https://qian.tencent.com/console/batch-register?token=", Random(32, Base62, 2726)), Join("TENCENTCLOUD_SECRET_KEY=", Random(20, Base62, 2727))],
        },
        new()
        {
            Id = "secret/backblaze-application-key",
            Name = "Backblaze B2 application key",
            Description = "A Backblaze B2 application key (K00 followed by 28 base64 characters) next to a B2 or application-key name. With its key ID it reads, writes and deletes the files of the buckets it covers.",
            Prefixes = ["K00"],
            Context = ["backblaze", "b2_", "b2-", "application_key", "applicationkey", "app_key", "appkey"],
            Pattern = "(?<secret>K00[A-Za-z0-9+/]{28})(?:[^A-Za-z0-9+/=]|$)",
            MaxLength = 40,
            Rotate = "Delete the application key (B2 Cloud Storage, Application Keys, or b2 key delete) and create a new one restricted to the buckets and capabilities it needs.",
            Positives = [Join("B2_APPLICATION_KEY=K0", "0", Random(28, Base62, 2730), "\n")],
            Negatives = [Join("B2_APPLICATION_KEY=K0", "0", Random(12, Base62, 2731), "\n"), Join("const id = \"K0", "0", Random(28, Base62, 2732), "\";")],
        },
        new()
        {
            Id = "secret/hetzner-cloud-token",
            Name = "Hetzner Cloud API token",
            Description = "A Hetzner Cloud API token (64 letters and digits) next to the word hetzner or hcloud. It creates, changes and deletes every server, volume and network of its project.",
            Context = ["hcloud", "hetzner"],
            Pattern = "[A-Za-z0-9]{64}",
            MinEntropy = 4.3,
            Confidence = Confidence.Medium,
            Rotate = "Delete the token in the Hetzner Cloud console (project, Security, API tokens) and create a new one, read-only where that is enough.",
            Positives = [Join("HCLOUD_TOKEN=", Random(64, Base62, 2735))],
            Negatives = [Join("hcloud_image_sha256 = ", Random(64, Hex, 2736)), Join("HCLOUD_TOKEN=", Random(40, Base62, 2737))],
        },
        new()
        {
            Id = "secret/vultr-api-key",
            Name = "Vultr API key",
            Description = "A Vultr API key (36 capital letters and digits) next to the word vultr. It manages every instance, Kubernetes cluster, object store and DNS zone of the account.",
            Context = ["vultr"],
            Pattern = "[A-Z0-9]{36}",
            MinEntropy = 3.8,
            Confidence = Confidence.Medium,
            Rotate = "Regenerate the API key in the Vultr customer portal (Account, API), restrict it to known IP addresses, and review the account's activity.",
            Positives = [Join("VULTR_API_KEY=", Random(36, UpperAlnum, 2740))],
            Negatives = [Join("VULTR_API_KEY=", Random(20, UpperAlnum, 2741)), Join("vultr_instance = ", Uuid(2742))],
        },
    ];

    private static SecretRule DigitalOceanToken(string prefix, string id, string name, string description, int seed) => new()
    {
        Id = $"secret/{id}",
        Name = name,
        Description = description,
        Prefixes = [prefix],
        Pattern = $@"{prefix}[a-f0-9]{{64}}\b",
        Rotate = "Delete the token at https://cloud.digitalocean.com/account/api/tokens (or revoke the application's access), and review the team's security history.",
        Positives = [Join("DIGITALOCEAN_TOKEN=", prefix[..2], prefix[2..], Random(64, Hex, seed))],
        Negatives = [Join(prefix[..2], prefix[2..], Random(40, Hex, seed + 1)), Join(prefix[..2], prefix[2..], Random(64, Hex, seed + 2).ToUpperInvariant())],
    };

    private static SecretRule PlanetScale(string prefix, string id, string name, string description, string rotate, int seed) => new()
    {
        Id = $"secret/{id}",
        Name = name,
        Description = description,
        Prefixes = [prefix],
        Pattern = $@"(?<secret>{prefix}[A-Za-z0-9_\-]{{32,64}})(?:[^A-Za-z0-9_\-]|$)",
        MaxLength = 96,
        Rotate = rotate,
        Positives = [Join("DATABASE_PASSWORD=", prefix[..3], prefix[3..], Random(43, Base64Url, seed), "\n")],
        Negatives = [Join("DATABASE_PASSWORD=", prefix[..3], prefix[3..], Random(16, Base64Url, seed + 1), "\n"), Join(prefix[..3], prefix[3..], Random(80, Base64Url, seed + 2))],
    };

    private static string Uuid(int seed)
    {
        var hex = Random(32, Hex, seed);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..]}";
    }
}
