using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// SaaS APIs: observability (Datadog, New Relic, Sentry, Grafana, Dynatrace), work tools (Linear,
/// Notion, Airtable, Asana, Figma, Atlassian, Typeform, HubSpot, Zendesk, Intercom, PagerDuty,
/// Okta), developer platforms (Sourcegraph, Prefect, Databricks, Buildkite, SonarQube, Postman,
/// ReadMe), maps, content, storage and shipping. Tokens that embed a JSON header (Sentry, Grafana
/// Cloud, Mapbox, Intercom) are checked offline by decoding it. Context words are few on purpose:
/// every one of them is searched for in every text scanned.
/// </summary>
internal static class SaasSecrets
{
    /// <summary>The token ends here (see <see cref="AiSecrets"/>): no token character may follow.</summary>
    private const string End = @"(?:[^A-Za-z0-9_\-]|$)";

    /// <summary>The end of a token in the standard base64 alphabet.</summary>
    private const string EndBase64 = @"(?:[^A-Za-z0-9_\-+/=]|$)";

    private const string Digits = "0123456789";

    private const string Uuid = "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        .. Observability,
        .. WorkTools,
        .. DeveloperPlatforms,
        .. Other,
    ];

    private static SecretRule[] Observability =>
    [
        new()
        {
            Id = "secret/datadog-api-key",
            Name = "Datadog API key",
            Description = "A Datadog API key: 32 hexadecimal characters assigned to DD_API_KEY. It submits metrics, logs and events to the organisation, and with an application key reads its data.",
            Context = ["dd_api_key"],
            Pattern = "[a-f0-9]{32}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the key in Datadog (Organization Settings, API Keys), create a new one, and give it to the agent or library through DD_API_KEY at run time.",
            Positives = [Join("DD_API_KEY=", Random(32, Hex, 4001))],
            Negatives = [Join("DD_API_KEY=", Random(40, Hex, 4002)), Join("DD_CLIENT_TOKEN=pub", Random(32, Hex, 4003)), Join("etag = ", Random(32, Hex, 4004))],
        },
        new()
        {
            Id = "secret/datadog-client-token",
            Name = "Datadog client token",
            Description = "A Datadog client token (pub followed by 32 hexadecimal characters). Browser and mobile SDKs (RUM, browser logs) send data with it and ship it in every page or app by design; it cannot read data, so a match is low: worth knowing, rarely worth rotating.",
            Prefixes = ["pub"],
            Pattern = @"(?<secret>pub[a-f0-9]{32})" + End,
            MaxLength = 40,
            MinEntropy = 3.0,
            Confidence = Confidence.Low,
            Priority = 1,
            Rotate = "Nothing to do if the token belongs in a browser or mobile app; if it appears where it should not, revoke it in Datadog (Organization Settings, Client Tokens) and create another.",
            Positives = [Join("const DATADOG_CLIENT_TOKEN = 'pu", "b", Random(32, Hex, 4005), "'")],
            Negatives = [Join("pu", "b", Random(24, Hex, 4006)), Join("pu", "b", Random(32, Hex, 4007), "0"), "publishReplayConfigurationFor"],
        },
        new()
        {
            Id = "secret/datadog-app-key",
            Name = "Datadog application key",
            Description = "A Datadog application key: 40 hexadecimal characters assigned to DD_APP_KEY. With an API key it reads and changes dashboards, monitors, logs and users, as its owner.",
            Context = ["dd_app_key"],
            Pattern = "[a-f0-9]{40}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the key in Datadog (Organization Settings, Application Keys), create a scoped one, and read it from DD_APP_KEY at run time.",
            Positives = [Join("export DD_APP_KEY='", Random(40, Hex, 4011), "'")],
            Negatives = [Join("DD_APP_KEY=", Random(32, Hex, 4012)), Join("commit = ", Random(40, Hex, 4013))],
        },
        new()
        {
            Id = "secret/newrelic-user-api-key",
            Name = "New Relic user API key",
            Description = "A New Relic user API key (NRAK- followed by 27 upper-case letters and digits). It calls NerdGraph as its user: queries every account's data, and changes alerts, dashboards and entities.",
            Prefixes = ["NRAK-"],
            Pattern = @"(?<secret>NRAK-[A-Z0-9]{27})" + End,
            MaxLength = 40,
            MinEntropy = 3.5,
            Rotate = "Delete the key in New Relic (API keys, under the user menu), create a new one, and read it from NEW_RELIC_API_KEY at run time.",
            Positives = [Join("NEW_RELIC_API_KEY=NR", "AK-", Random(27, UpperAlnum, 4021))],
            Negatives = [Join("NR", "AK-", Random(20, UpperAlnum, 4022)), Join("NR", "AK-", Random(27, LowerAlnum, 4023))],
        },
        new()
        {
            Id = "secret/newrelic-insert-key",
            Name = "New Relic Insights insert key",
            Description = "A New Relic Insights insert key (NRII- followed by 32 characters). It writes custom events and metrics into the account, where they can flood or falsify dashboards and alerts.",
            Prefixes = ["NRII-"],
            Pattern = @"(?<secret>NRII-[A-Za-z0-9_\-]{32})" + End,
            MaxLength = 48,
            MinEntropy = 3.5,
            Rotate = "Delete the key in New Relic (API keys, Insert keys), create a license (ingest) key instead, and read it from the environment.",
            Positives = [Join("insertKey: 'NR", "II-", Random(32, Base64Url, 4031), "',")],
            Negatives = [Join("NR", "II-", Random(20, Base64Url, 4032))],
        },
        new()
        {
            Id = "secret/newrelic-browser-key",
            Name = "New Relic browser ingest key",
            Description = "A New Relic browser license key (NRJS- followed by 19 hexadecimal characters). It only sends browser monitoring data and is embedded in every instrumented page by design, so a match is low: worth knowing, rarely worth rotating.",
            Prefixes = ["NRJS-"],
            Pattern = @"(?<secret>NRJS-[a-f0-9]{19})" + End,
            MaxLength = 32,
            MinEntropy = 3.0,
            Confidence = Confidence.Low,
            Rotate = "Nothing to do if the key belongs in a web page; if it appears where it should not, rotate the browser key in New Relic (API keys) and update the snippet.",
            Positives = [Join("licenseKey:\"NR", "JS-", Random(19, Hex, 4041), "\",applicationID:\"123456789\"")],
            Negatives = [Join("NR", "JS-", Random(12, Hex, 4042))],
        },
        new()
        {
            Id = "secret/newrelic-license-key",
            Name = "New Relic license key",
            Description = "A New Relic license (ingest) key: 40 characters ending in NRAL, assigned to license_key (newrelic.js) or NEW_RELIC_LICENSE_KEY. It lets anyone send APM, log and infrastructure data into the account.",
            Context = ["license_key"],
            Pattern = "(?:[a-f0-9]{36}|[a-z]{2}[0-9]{2}xx[a-f0-9]{30})NRAL",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Rotate the license key in New Relic (API keys, Ingest - License), update every agent, and read it from NEW_RELIC_LICENSE_KEY at run time.",
            Positives = [Join("license_key: '", Random(36, Hex, 4051), "NR", "AL',")],
            Negatives = [Join("license_key: '", Random(36, Hex, 4052), "',"), Join("hash: '", Random(36, Hex, 4053), "NR", "AL'")],
        },
        new()
        {
            Id = "secret/sentry-org-token",
            Name = "Sentry organization auth token",
            Description = "A Sentry organization auth token (sntrys_, a base64 JSON header naming the organisation and region, _, and a 43-character secret). It uploads source maps and releases and reads the organisation's projects; the header is checked offline.",
            Prefixes = ["sntrys_"],
            Pattern = @"(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,400}={0,2}_[A-Za-z0-9+/]{43})" + EndBase64,
            MaxLength = 500,
            MinEntropy = 4.0,
            Validator = new EmbeddedJsonValidator(EmbeddedJsonValidator.SentryHeader, ["iat", "url", "org"], "Sentry organization token"),
            Rotate = "Revoke the token in Sentry (Settings, Developer Settings, Organization Tokens), create a new one, and pass it to the build as SENTRY_AUTH_TOKEN from a CI secret.",
            Positives = [Join("authToken: \"sntr", "ys_", Base64Json("{\"iat\":1719579541.597819,\"url\":\"https://sentry.io\",\"region_url\":\"https://us.sentry.io\",\"org\":\"acme-labs\"}"), "_", Random(43, Base64, 4061), "\",")],
            Negatives = [Join("sntr", "ys_", Base64Json("{\"iat\":1719579541.597819,\"url\":\"https://sentry.io\"}")), "SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3...your-token"],
        },
        new()
        {
            Id = "secret/sentry-user-token",
            Name = "Sentry user auth token",
            Description = "A Sentry user auth token (sntryu_ followed by 64 hexadecimal characters). It acts as the user on the API, in every organisation the user belongs to, within the token's scopes.",
            Prefixes = ["sntryu_"],
            Pattern = @"(?<secret>sntryu_[a-f0-9]{64})" + End,
            MaxLength = 80,
            MinEntropy = 3.2,
            Rotate = "Revoke the token in Sentry (User Settings, Personal Tokens), create a new one with the narrowest scopes, and read it from SENTRY_AUTH_TOKEN.",
            Positives = [Join("SENTRY_AUTH_TOKEN=sntr", "yu_", Random(64, Hex, 4071))],
            Negatives = [Join("sntr", "yu_", Random(40, Hex, 4072))],
        },
        new()
        {
            Id = "secret/grafana-cloud-token",
            Name = "Grafana Cloud access policy token",
            Description = "A Grafana Cloud access policy token (glc_ and a base64 JSON naming the organisation, the token and its region). It writes or reads metrics, logs and traces of the stacks its policy covers; the JSON is checked offline.",
            Prefixes = ["glc_"],
            Pattern = @"(?<secret>glc_eyJ[A-Za-z0-9+/]{32,400}={0,2})" + EndBase64,
            MaxLength = 450,
            MinEntropy = 3.8,
            Validator = new EmbeddedJsonValidator(EmbeddedJsonValidator.AfterPrefix, ["o", "n", "k"], "Grafana Cloud token"),
            Rotate = "Delete the token in the Grafana Cloud portal (Administration, Access policies), create a new one with only the scopes needed, and read it from the environment.",
            Positives = [Join("GRAFANA_CLOUD_TOKEN=\"gl", "c_", Base64Json("{\"o\":\"1077975\",\"n\":\"stack-1440620-write\",\"k\":\"" + Random(24, Base62, 4081) + "\",\"m\":{\"r\":\"prod-us-east-0\"}}"), "\"")],
            Negatives = [Join("password: \"gl", "c_eyJ...\""), Join("gl", "c_", Random(20, Base64, 4082))],
        },
        new()
        {
            Id = "secret/grafana-service-account-token",
            Name = "Grafana service account token",
            Description = "A Grafana service account token (glsa_, 32 letters and digits, _, and an 8-hex checksum). It calls the Grafana API with the service account's role: dashboards, data sources, alerting, users.",
            Prefixes = ["glsa_"],
            Pattern = @"(?<secret>glsa_[A-Za-z0-9]{32}_[a-f0-9]{8})" + End,
            MaxLength = 56,
            MinEntropy = 3.8,
            Rotate = "Delete the token in Grafana (Administration, Service accounts), create a new one, and read it from the environment at run time.",
            Positives = [Join("GRAFANA_TOKEN = \"gl", "sa_", Random(32, Base62, 4091), "_", Random(8, Hex, 4092), "\"")],
            Negatives = [Join("gl", "sa_", Random(32, Base62, 4093)), "GRAFANA_API_KEY=\"glsa_your_token\""],
        },
        new()
        {
            Id = "secret/dynatrace-api-token",
            Name = "Dynatrace API token",
            Description = "A Dynatrace API or platform token (dt0c01., a 24-character public id, ., and a 64-character secret). It reads or writes the environment's monitoring data and configuration within its scopes.",
            Prefixes = ["dt0c01."],
            Pattern = @"(?<secret>dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})" + End,
            MaxLength = 104,
            MinEntropy = 4.0,
            Rotate = "Revoke the token in Dynatrace (Access tokens), create a new one with the fewest scopes, and read it from the environment at run time.",
            Positives = [Join("DT_API_TOKEN=dt0", "c01.", Random(24, UpperAlnum, 4101), ".", Random(64, UpperAlnum, 4102))],
            Negatives = [Join("dt0", "c01.", Random(24, UpperAlnum, 4103)), Join("dt0", "c01.", Random(24, UpperAlnum, 4104), ".", Random(40, UpperAlnum, 4105))],
        },
    ];

    private static SecretRule[] WorkTools =>
    [
        new()
        {
            Id = "secret/linear-api-key",
            Name = "Linear API key",
            Description = "A Linear personal API key (lin_api_ followed by 40 letters and digits). It reads and changes the issues, projects and comments of every team its user can see.",
            Prefixes = ["lin_api_"],
            Pattern = @"(?<secret>lin_api_[A-Za-z0-9]{40})" + End,
            MaxLength = 56,
            MinEntropy = 4.0,
            Rotate = "Revoke the key in Linear (Settings, Security & access, Personal API keys), create a new one, and read it from LINEAR_API_KEY at run time.",
            Positives = [Join("const linear = new LinearClient({ apiKey: \"lin", "_api_", Random(40, Base62, 4201), "\" });")],
            Negatives = [Join("lin", "_api_", Random(24, Base62, 4202)), Join("lin", "_api_", Random(40, Base62, 4203), "_v2")],
        },
        new()
        {
            Id = "secret/notion-integration-token",
            Name = "Notion integration token",
            Description = "A Notion internal integration token (ntn_ followed by 46 letters and digits). It reads and edits every page and database shared with the integration.",
            Prefixes = ["ntn_"],
            Pattern = @"(?<secret>ntn_[A-Za-z0-9]{46})" + End,
            MaxLength = 56,
            MinEntropy = 3.8,
            Rotate = "Refresh the integration secret at https://www.notion.so/profile/integrations, and read the new one from NOTION_TOKEN at run time.",
            Positives = [Join("const notion = new Client({ auth: \"nt", "n_", Random(12, Digits, 4211), Random(34, Base62, 4212), "\" });")],
            Negatives = [Join("nt", "n_", Random(30, Base62, 4213)), "NOTION_TOKEN=ntn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
        },
        new()
        {
            Id = "secret/notion-legacy-token",
            Name = "Notion integration token (legacy)",
            Description = "A legacy Notion integration token (secret_ followed by 43 letters and digits) next to the word notion. It reads and edits every page and database shared with the integration.",
            Prefixes = ["secret_"],
            Context = ["notion"],
            Pattern = @"(?<secret>secret_[A-Za-z0-9]{43})" + End,
            MaxLength = 56,
            MinEntropy = 4.2,
            Rotate = "Refresh the integration secret at https://www.notion.so/profile/integrations, and read the new one from NOTION_TOKEN at run time.",
            Positives = [Join("NOTION_TOKEN=secr", "et_", Random(43, Base62, 4221))],
            Negatives = [Join("CLIENT_SECRET=secr", "et_", Random(43, Base62, 4222)), Join("NOTION_TOKEN=secr", "et_", Random(30, Base62, 4223))],
        },
        new()
        {
            Id = "secret/airtable-pat",
            Name = "Airtable personal access token",
            Description = "An Airtable personal access token (pat, a 14-character id, ., and 64 hexadecimal characters). It reads and writes the records and schema of the bases its scopes allow.",
            Prefixes = ["pat"],
            Pattern = @"(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})" + End,
            MaxLength = 90,
            MinEntropy = 3.5,
            Rotate = "Delete the token at https://airtable.com/create/tokens, create a new one limited to the bases and scopes needed, and read it from the environment.",
            Positives = [Join("const base = new Airtable({ apiKey: 'pa", "t", Random(14, Base62, 4231), ".", Random(64, Hex, 4232), "' }).base('appXYZ');")],
            Negatives = [Join("pa", "t", Random(14, Base62, 4233), ".", Random(32, Hex, 4234)), Join("pattern", Random(12, Base62, 4235), ".", Random(64, Hex, 4236))],
        },
        new()
        {
            Id = "secret/asana-pat",
            Name = "Asana personal access token",
            Description = "An Asana personal access token (2/ or 1/, the user's numeric ids, :, and 32 hexadecimal characters). It acts as the user in every workspace they belong to: tasks, projects, comments, attachments.",
            Prefixes = ["2/", "1/"],
            Pattern = @"(?<secret>[12]/[0-9]{12,20}(?:/[0-9]{12,20})?:[a-f0-9]{32})" + End,
            MaxLength = 90,
            Rotate = "Deauthorize the token in Asana (My settings, Apps, Developer apps, Personal access tokens), create a new one, and read it from the environment.",
            Positives = [Join("Authorization: \"Bearer 2/", Random(16, Digits, 4241), "/", Random(16, Digits, 4242), ":", Random(32, Hex, 4243), "\"")],
            Negatives = [Join("ASANA_ACCESS_TOKEN=2/", Random(10, Digits, 4244), ":", Random(20, Hex, 4245)), Join("path = 'a2/", Random(16, Digits, 4246), "/", Random(16, Digits, 4247), ":", Random(32, Hex, 4248), "'")],
        },
        new()
        {
            Id = "secret/figma-pat",
            Name = "Figma personal access token",
            Description = "A Figma personal access token (figd_ followed by 40 characters). It reads, and with write scopes comments on and edits, every file its user can open.",
            Prefixes = ["figd_"],
            Pattern = @"(?<secret>figd_[A-Za-z0-9_\-]{40})" + End,
            MaxLength = 56,
            MinEntropy = 4.0,
            Rotate = "Revoke the token in Figma (Settings, Security, Personal access tokens), create a new one with an expiry and the narrowest scopes, and read it from the environment.",
            Positives = [Join("headers: { 'X-Figma-Token': 'fi", "gd_", Random(40, Base64Url, 4251), "' }")],
            Negatives = [Join("fi", "gd_", Random(24, Base64Url, 4252)), "FIGMA_TOKEN = \"figd_THIS_IS_NOT_A_REAL_TOKEN_org_0000000000000\""],
        },
        new()
        {
            Id = "secret/atlassian-api-token",
            Name = "Atlassian API token",
            Description = "An Atlassian Cloud API token (ATATT3, or ATCTT3 for organization admin keys, about 180 characters, =, and an 8-hex suffix). With its user's email it acts as the user in Jira, Confluence and Bitbucket Cloud.",
            Prefixes = ["ATATT3", "ATCTT3"],
            Pattern = @"(?<secret>AT[AC]TT3[A-Za-z0-9_\-]{150,200}=[A-F0-9]{8})" + End,
            MaxLength = 230,
            MinEntropy = 4.5,
            Rotate = "Revoke the token at https://id.atlassian.com/manage-profile/security/api-tokens (admin keys in admin.atlassian.com), create a new one with an expiry, and read it from the environment.",
            Positives = [Join("JIRA_API_TOKEN=AT", "ATT3xFfGF0", Random(171, Base64Url, 4261), "=", Random(8, UpperHex, 4262))],
            Negatives = [Join("AT", "ATT3xFfGF0", Random(60, Base64Url, 4263)), "JIRA_API_TOKEN=ATATT3xFfGF0..."],
        },
        new()
        {
            Id = "secret/typeform-pat",
            Name = "Typeform personal access token",
            Description = "A Typeform personal access token (tfp_, about 44 letters and digits, _, and about 14 more). It reads and changes the account's forms, responses, themes and webhooks.",
            Prefixes = ["tfp_"],
            Pattern = @"(?<secret>tfp_[A-Za-z0-9]{40,48}_[A-Za-z0-9]{10,18})" + End,
            MaxLength = 80,
            MinEntropy = 4.0,
            Rotate = "Revoke the token in Typeform (Account, Personal tokens), create a new one with only the scopes needed, and read it from TYPEFORM_TOKEN.",
            Positives = [Join("Authorization: 'Bearer tf", "p_", Random(44, Base62, 4271), "_", Random(14, Base62, 4272), "',")],
            Negatives = [Join("tf", "p_", Random(44, Base62, 4273)), "parser.add_argument('--config-name', default='tfp_a1')"],
        },
        new()
        {
            Id = "secret/hubspot-private-app-token",
            Name = "HubSpot private app access token",
            Description = "A HubSpot private app or personal access token (pat-na1-, pat-eu1- and a UUID). It reads and writes the CRM objects, contacts and settings its scopes allow.",
            Prefixes = ["pat-"],
            Pattern = @"(?<secret>pat-(?:na|eu|ap)[0-9]-" + Uuid + ")" + End,
            MaxLength = 56,
            MinEntropy = 3.0,
            Rotate = "Rotate the token in HubSpot (Settings, Integrations, Private apps, Auth, Rotate), and read the new one from the environment.",
            Positives = [Join("$apiKey = \"pa", "t-na1-", Random(8, Hex, 4281), "-", Random(4, Hex, 4282), "-", Random(4, Hex, 4283), "-", Random(4, Hex, 4284), "-", Random(12, Hex, 4285), "\";")],
            Negatives = ["placeholder=\"pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"", Join("pa", "t-na1-", Random(8, Hex, 4286), "-", Random(4, Hex, 4287))],
        },
        new()
        {
            Id = "secret/zendesk-api-token",
            Name = "Zendesk API token",
            Description = "A Zendesk API token: 40 letters and digits next to the word zendesk. With an agent's email it acts as that agent: tickets, users, and for admins the whole account.",
            Context = ["zendesk"],
            Pattern = "[A-Za-z0-9]{40}",
            // Random 40-character keys score 4.3 or more 999 times in 1000; camelCase names score about 4.
            MinEntropy = 4.3,
            // Words and camelCase identifiers of this length follow the provider's name in SDK code; keys mix digits in.
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            Rotate = "Delete the token in Zendesk Admin Center (Apps and integrations, Zendesk API), create a new one, and read it from the environment.",
            Positives = [Join("ZENDESK_API_TOKEN=", Random(40, Base62, 4291))],
            Negatives = [Join("ZENDESK_API_TOKEN=", Random(40, Hex, 4292)), Join("token = ", Random(40, Base62, 4293))],
        },
        new()
        {
            Id = "secret/intercom-access-token",
            Name = "Intercom access token",
            Description = "An Intercom access token (dG9rO: the base64 of tok: and the app's token id). It reads and writes the workspace's contacts, conversations and articles; the decoded structure is checked offline.",
            Prefixes = ["dG9rO"],
            Pattern = @"(?<secret>dG9rO[A-Za-z0-9+/]{50,70}={0,2})" + EndBase64,
            MaxLength = 90,
            MinEntropy = 3.5,
            Validator = IntercomTokenValidator.Instance,
            Rotate = "Regenerate the access token in the Intercom Developer Hub (your app, Authentication), and read the new one from the environment at run time.",
            Positives = [Join("Authorization: `Bearer ", IntercomSample(4301), "`,")],
            Negatives = [Join("dG9r", "O", Random(20, Base64, 4302))],
        },
        new()
        {
            Id = "secret/pagerduty-user-token",
            Name = "PagerDuty user API token",
            Description = "A PagerDuty user API token (u+ followed by 18 characters) in PagerDuty's Token token= header or next to the word pagerduty. It acts as the user: incidents, schedules, escalation policies.",
            Prefixes = ["u+"],
            Context = ["pagerduty", "token token="],
            Pattern = @"(?<secret>u\+[A-Za-z0-9_\-]{18})" + End,
            MaxLength = 24,
            MinEntropy = 3.2,
            Rotate = "Delete the token in PagerDuty (My Profile, User Settings, API Access), create a new one, and read it from the environment at run time.",
            Positives = [Join("'Authorization': \"Token token=u", "+", Random(18, Base64Url, 4311), "\"")],
            Negatives = [Join("'Authorization': \"Token token=u", "+", Random(10, Base64Url, 4312), "\""), Join("glyph = \"u", "+", Random(18, Base62, 4313), "\"")],
        },
        new()
        {
            Id = "secret/okta-api-token",
            Name = "Okta API token",
            Description = "An Okta API token: 00 and 40 characters next to an Okta name or the SSWS authorization scheme. It calls the Okta management API with its creator's admin rights: users, groups, applications, policies.",
            // A prefix rule that also needs the word, so that no context word is added to every scan's search.
            Prefixes = ["00"],
            Context = ["okta", "ssws"],
            Pattern = @"(?<secret>00[A-Za-z0-9_\-]{40})" + End,
            MaxLength = 48,
            MinEntropy = 4.0,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the token in the Okta Admin Console (Security, API, Tokens), create a new one from a least-privileged admin or use OAuth service apps, and read it from the environment.",
            Positives = [Join("OKTA_API_TOKEN=00", Random(40, Base64Url, 4321))],
            Negatives = [Join("OKTA_API_TOKEN=00", Random(20, Base64Url, 4322)), Join("request_id = 00", Random(40, Base64Url, 4323))],
        },
    ];

    private static SecretRule[] DeveloperPlatforms =>
    [
        new()
        {
            Id = "secret/sourcegraph-access-token",
            Name = "Sourcegraph access token",
            Description = "A Sourcegraph access token (sgp_, an optional instance id or local_, and 40 hexadecimal characters). It searches, reads and, with site-admin scope, administers the Sourcegraph instance as its user.",
            Prefixes = ["sgp_"],
            Pattern = @"(?<secret>sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40})" + End,
            MaxLength = 72,
            MinEntropy = 3.2,
            Rotate = "Delete the token in Sourcegraph (User settings, Access tokens), create a new one, and read it from SRC_ACCESS_TOKEN at run time.",
            Positives = [Join("SRC_ACCESS_TOKEN=sg", "p_", Random(16, Hex, 4401), "_", Random(40, Hex, 4402))],
            Negatives = [Join("sg", "p_", Random(30, Hex, 4403)), "database_test = db.Database(\"SGP_test\", data_test_sp)"],
        },
        new()
        {
            Id = "secret/prefect-api-key",
            Name = "Prefect Cloud API key",
            Description = "A Prefect Cloud API key (pnu_ followed by 36 letters and digits). It runs, schedules and changes flows, deployments and blocks in the user's workspaces, including the credentials stored in blocks.",
            Prefixes = ["pnu_"],
            Pattern = @"(?<secret>pnu_[A-Za-z0-9]{36})" + End,
            MaxLength = 48,
            MinEntropy = 3.8,
            Rotate = "Delete the key in Prefect Cloud (Profile, API keys), create a new one, and read it from PREFECT_API_KEY at run time.",
            Positives = [Join("PREFECT_API_KEY=pn", "u_", Random(36, Base62, 4411))],
            Negatives = [Join("pn", "u_", Random(20, Base62, 4412)), "st.session_state[\"pnu_cds\"] = 0"],
        },
        new()
        {
            Id = "secret/databricks-token",
            Name = "Databricks personal access token",
            Description = "A Databricks personal access token (dapi followed by 32 hexadecimal characters). It acts as its user in the workspace: notebooks, jobs, clusters, SQL warehouses and the data they can read.",
            Prefixes = ["dapi"],
            Pattern = @"(?<secret>dapi[a-f0-9]{32}(?:-[0-9]{1,2})?)" + End,
            MaxLength = 48,
            MinEntropy = 3.0,
            Rotate = "Revoke the token in the workspace (Settings, Developer, Access tokens) or with databricks tokens revoke, prefer OAuth service principals, and read tokens from the environment.",
            Positives = [Join("DATABRICKS_TOKEN=da", "pi", Random(32, Hex, 4421))],
            Negatives = [Join("da", "pi", Random(20, Hex, 4422)), Join("da", "pi", Random(32, Hex, 4423), "g")],
        },
        new()
        {
            Id = "secret/buildkite-api-token",
            Name = "Buildkite API access token",
            Description = "A Buildkite user API access token (bkua_ followed by 40 characters). It reads and triggers builds, and with write scopes changes pipelines and their secrets, in the organisations it covers.",
            Prefixes = ["bkua_"],
            Pattern = @"(?<secret>bkua_[a-z0-9]{40})" + End,
            MaxLength = 56,
            MinEntropy = 3.2,
            Rotate = "Revoke the token in Buildkite (Personal Settings, API Access Tokens), create a new one with the fewest scopes, and read it from BUILDKITE_API_TOKEN.",
            Positives = [Join("BUILDKITE_API_TOKEN=bk", "ua_", Random(40, Hex, 4431))],
            Negatives = [Join("bk", "ua_", Random(24, Hex, 4432))],
        },
        new()
        {
            Id = "secret/sonarqube-token",
            Name = "SonarQube token",
            Description = "A SonarQube or SonarCloud token: a user token (squ_), project analysis token (sqp_) or global analysis token (sqa_), followed by 40 hexadecimal characters. It runs analyses and, for user tokens, acts as the user.",
            Prefixes = ["squ_", "sqp_", "sqa_"],
            Pattern = @"(?<secret>sq[upa]_[a-f0-9]{40})" + End,
            MaxLength = 56,
            MinEntropy = 3.2,
            Rotate = "Revoke the token in SonarQube (My Account, Security) or SonarCloud, create a new one, and pass it to the scanner as SONAR_TOKEN from a CI secret.",
            Positives = [Join("SONAR_TOKEN = \"sq", "u_", Random(40, Hex, 4441), "\"")],
            Negatives = [Join("sq", "u_", Random(24, Hex, 4442)), "$data[\"squ_{$i}\"] = self::NO_STONE;"],
        },
        new()
        {
            Id = "secret/readme-api-key",
            Name = "ReadMe API key",
            Description = "A ReadMe API key (rdme_ followed by 70 lower-case letters and digits). It rewrites the project's API reference, guides and changelog.",
            Prefixes = ["rdme_"],
            Pattern = @"(?<secret>rdme_[a-z0-9]{70})" + End,
            MaxLength = 88,
            MinEntropy = 3.8,
            Rotate = "Revoke the key in the ReadMe dashboard (API keys), create a new one, and read it from README_API_KEY in CI.",
            Positives = [Join("README_API_KEY=rd", "me_", Random(70, LowerAlnum, 4481))],
            Negatives = [Join("rd", "me_", Random(40, LowerAlnum, 4482))],
        },
    ];

    private static SecretRule[] Other =>
    [
        new()
        {
            Id = "secret/mapbox-secret-token",
            Name = "Mapbox secret access token",
            Description = "A Mapbox secret access token (sk.eyJ: a base64 header naming the account, ., and a 22-character signature). Unlike the public pk. tokens it manages styles, tilesets, uploads and tokens; the header is checked offline.",
            Prefixes = ["sk.eyJ"],
            Pattern = @"(?<secret>sk\.eyJ[A-Za-z0-9_\-]{10,300}\.[A-Za-z0-9_\-]{20,30})" + End,
            MaxLength = 360,
            MinEntropy = 3.8,
            Validator = new EmbeddedJsonValidator(EmbeddedJsonValidator.MapboxHeader, ["u"], "Mapbox token"),
            Rotate = "Delete the token at https://account.mapbox.com/access-tokens, create a new one with only the scopes needed, and keep secret tokens on the server.",
            Positives = [Join("MAPBOX_SECRET_TOKEN=sk", ".", Base64UrlJson("{\"u\":\"acme-maps\",\"a\":\"" + Random(25, LowerAlnum, 4501) + "\"}"), ".", Random(22, Base64Url, 4502))],
            Negatives = [Join("MAPBOX_TOKEN=pk", ".", Base64UrlJson("{\"u\":\"acme-maps\",\"a\":\"" + Random(25, LowerAlnum, 4503) + "\"}"), ".", Random(22, Base64Url, 4504)), "MAPBOX_SECRET_TOKEN=sk.eyJ1Ijoi"],
        },
        new()
        {
            Id = "secret/contentful-pat",
            Name = "Contentful personal access token",
            Description = "A Contentful Content Management API token (CFPAT- followed by 43 characters). It creates, changes, publishes and deletes content, content types and environments in its user's spaces.",
            Prefixes = ["CFPAT-"],
            Pattern = @"(?<secret>CFPAT-[A-Za-z0-9_\-]{43})" + End,
            MaxLength = 56,
            MinEntropy = 4.0,
            Rotate = "Revoke the token in Contentful (Settings, CMA tokens), create a new one, and read it from CONTENTFUL_MANAGEMENT_TOKEN at run time.",
            Positives = [Join("const client = contentful.createClient({ accessToken: 'CF", "PAT-", Random(43, Base64Url, 4521), "' });")],
            Negatives = [Join("CF", "PAT-", Random(30, Base64Url, 4522)), "if (!/^CFPAT-/.test(accessToken)) {"],
        },
        new()
        {
            Id = "secret/dropbox-access-token",
            Name = "Dropbox access token",
            Description = "A Dropbox OAuth access token (sl. or sl.u. followed by a long token). Until it expires it reads, writes and shares every file its app may reach.",
            Prefixes = ["sl."],
            Pattern = @"(?<secret>sl\.(?:u\.)?[A-Za-z0-9_\-]{130}[A-Za-z0-9_\-]*)" + End,
            MaxLength = 1600,
            MinEntropy = 4.0,
            Rotate = "Revoke the token (https://www.dropbox.com/account/connected_apps, or the app console's token list), and use short-lived tokens with a refresh token kept on the server.",
            Positives = [Join("DROPBOX_ACCESS_TOKEN=sl", ".u.", Random(160, Base64Url, 4531))],
            Negatives = [Join("sl", ".", Random(60, Base64Url, 4532)), "DROPBOX_ACCESS_TOKEN=sl.your-access-token-here"],
        },
        new()
        {
            Id = "secret/shippo-live-token",
            Name = "Shippo live API token",
            Description = "A Shippo live API token (shippo_live_ followed by 40 hexadecimal characters). It buys postage labels on the account's payment method and reads its shipments and addresses.",
            Prefixes = ["shippo_live_"],
            Pattern = @"(?<secret>shippo_live_[a-f0-9]{40})" + End,
            MaxLength = 56,
            MinEntropy = 3.2,
            Rotate = "Regenerate the live token in the Shippo dashboard (Settings, API), and read it from the environment at run time.",
            Positives = [Join("SHIPPO_API_KEY=ship", "po_live_", Random(40, Hex, 4541))],
            Negatives = [Join("ship", "po_live_", Random(24, Hex, 4542))],
        },
        new()
        {
            Id = "secret/shippo-test-token",
            Name = "Shippo test API token",
            Description = "A Shippo test API token (shippo_test_ followed by 40 hexadecimal characters). It cannot buy real labels but exposes the account's test data and settings.",
            Prefixes = ["shippo_test_"],
            Pattern = @"(?<secret>shippo_test_[a-f0-9]{40})" + End,
            MaxLength = 56,
            MinEntropy = 3.2,
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Regenerate the test token in the Shippo dashboard (Settings, API) and keep tokens out of published code.",
            Positives = [Join("SHIPPO_API_KEY=ship", "po_test_", Random(40, Hex, 4551))],
            Negatives = [Join("ship", "po_test_", Random(24, Hex, 4552))],
        },
        new()
        {
            Id = "secret/easypost-api-key",
            Name = "EasyPost production API key",
            Description = "An EasyPost production API key (EZAK followed by 54 letters and digits). It buys postage on the account and reads its shipments, addresses and reports.",
            Prefixes = ["EZAK"],
            Pattern = @"(?<secret>EZAK[A-Za-z0-9]{54})" + End,
            MaxLength = 64,
            MinEntropy = 3.8,
            Rotate = "Disable the key in the EasyPost dashboard (Account settings, API keys), create a new one, and read it from EASYPOST_API_KEY.",
            Positives = [Join("const client = new EasyPostClient('EZ", "AK", Random(54, Base62, 4561), "');")],
            Negatives = [Join("EZ", "AK", Random(30, Base62, 4562))],
        },
        new()
        {
            Id = "secret/easypost-test-key",
            Name = "EasyPost test API key",
            Description = "An EasyPost test API key (EZTK followed by 54 letters and digits). It cannot buy real postage but exposes the account's test data.",
            Prefixes = ["EZTK"],
            Pattern = @"(?<secret>EZTK[A-Za-z0-9]{54})" + End,
            MaxLength = 64,
            MinEntropy = 3.8,
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Disable the test key in the EasyPost dashboard (Account settings, API keys) and keep keys out of published code.",
            Positives = [Join("EASYPOST_TEST_KEY=EZ", "TK", Random(54, Base62, 4571))],
            Negatives = [Join("EZ", "TK", Random(30, Base62, 4572))],
        },
    ];

    /// <summary>A sample's JSON header, base64-encoded at run time.</summary>
    private static string Base64Json(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>The same in base64url without padding, as JWT-like tokens carry it.</summary>
    private static string Base64UrlJson(string json) => Base64Json(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>An Intercom-shaped sample: base64 of tok:, a UUID with underscores, and :1:0.</summary>
    private static string IntercomSample(int seed) =>
        Base64Json(Join("tok:", Random(8, Hex, seed), "_", Random(4, Hex, seed + 100), "_", Random(4, Hex, seed + 200), "_", Random(4, Hex, seed + 300), "_", Random(12, Hex, seed + 400), ":1:0"));
}

/// <summary>
/// Checks a token that carries a base64 JSON header (Sentry organization tokens, Grafana Cloud
/// tokens, Mapbox tokens): a real token's header decodes to an object with the provider's fields,
/// a made-up value of the same shape does not. The detail never repeats the header's contents.
/// </summary>
file sealed class EmbeddedJsonValidator(Func<string, string?> header, string[] fields, string kind) : ISecretValidator
{
    /// <summary>sntrys_&lt;header&gt;_&lt;secret&gt;.</summary>
    public static string? SentryHeader(string secret)
    {
        var start = secret.IndexOf('_', StringComparison.Ordinal) + 1;
        var end = secret.LastIndexOf('_');
        return start > 0 && end > start ? secret[start..end] : null;
    }

    /// <summary>glc_&lt;header&gt;.</summary>
    public static string? AfterPrefix(string secret) => secret.IndexOf('_', StringComparison.Ordinal) is var at and >= 0 ? secret[(at + 1)..] : null;

    /// <summary>sk.&lt;header&gt;.&lt;signature&gt;.</summary>
    public static string? MapboxHeader(string secret)
    {
        var parts = secret.Split('.');
        return parts.Length == 3 ? parts[1] : null;
    }

    public Validation Validate(string secret)
    {
        if (header(secret) is not { } encoded || Base64Text.Decode(encoded) is not { } bytes)
            return Validation.Invalid($"its header is not base64, so it is not a {kind}");
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && fields.All(f => root.TryGetProperty(f, out _)))
                return Validation.Valid($"its header decodes to a {kind} header");
        }
        catch (JsonException)
        {
            // Not JSON: falls through to invalid.
        }
        return Validation.Invalid($"its header does not decode to a {kind} header");
    }
}

/// <summary>
/// An Intercom access token is the base64 of <c>tok:</c>, the token's UUID written with
/// underscores, and two small numbers. A match of that structure is valid; a value that does not
/// decode is not a token; other decodings are left unjudged (formats change).
/// </summary>
file sealed class IntercomTokenValidator : ISecretValidator
{
    public static readonly IntercomTokenValidator Instance = new();

    public Validation Validate(string secret)
    {
        if (Base64Text.Decode(secret) is not { } bytes)
            return Validation.Invalid("it does not decode as base64, so it is not an Intercom token");
        var text = Encoding.UTF8.GetString(bytes);
        if (!text.StartsWith("tok:", StringComparison.Ordinal))
            return Validation.Invalid("it does not decode to an Intercom token");
        return Structure.IsMatch(text) ? Validation.Valid("it decodes to an Intercom token id") : Validation.NotChecked;
    }

    // Not [GeneratedRegex]: the generator cannot extend a file-local type.
    private static readonly Regex Structure = RegexSafety.Create(
        "^tok:[a-f0-9]{8}_[a-f0-9]{4}_[a-f0-9]{4}_[a-f0-9]{4}_[a-f0-9]{12}:[0-9]{1,4}:[0-9]{1,4}$");
}

/// <summary>Lenient base64 and base64url decoding of short token parts; null when it is neither.</summary>
file static class Base64Text
{
    public static byte[]? Decode(string text)
    {
        var trimmed = text.TrimEnd('=');
        if (trimmed.Length is 0 or > 2048 || trimmed.Length % 4 == 1)
            return null;
        var padded = trimmed.Replace('-', '+').Replace('_', '/').PadRight((trimmed.Length + 3) / 4 * 4, '=');
        var buffer = new byte[padded.Length / 4 * 3];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
