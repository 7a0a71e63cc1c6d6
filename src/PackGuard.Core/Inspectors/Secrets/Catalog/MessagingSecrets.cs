using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Messaging and email: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun, Mailchimp, Postmark, Brevo, Teams, Pusher.</summary>
internal static class MessagingSecrets
{
    // A token that may end in '-' cannot end in \b; this ends it at the first character that
    // cannot continue it (or at the end of the text) instead.
    private const string End = @"(?:[^A-Za-z0-9_\-]|$)";

    private const string Digits = "0123456789";

    // A Discord user or bot ID is a decimal snowflake, and the token's first segment is its
    // base64: every three digits become [MNO][DTjz][AEIMQUYcgk][w-z0-5], which random text
    // almost never follows for 24 characters.
    private const string SnowflakeBase64 = "(?:[MNO][DTjz][AEIMQUYcgk][w-z0-5]){5,6}(?:[MNO][DTjz][AEIMQUYcgk]|[MNO][AQgw])?";

    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/slack-bot-token",
            Name = "Slack bot token",
            Description = "A Slack bot user OAuth token (xoxb-, current and legacy forms). It reads and posts in every channel the bot is in, with every scope the app was granted.",
            Prefixes = ["xoxb-"],
            Pattern = @"\Axoxb-[0-9]{8,13}-(?:[0-9]{10,13}-)?[A-Za-z0-9]{18,34}\b",
            Rotate = "Revoke the token (Slack app settings, OAuth & Permissions, or auth.revoke), reinstall the app to get a new one, and store it outside the package.",
            Positives =
            [
                Join("SLACK_BOT_TOKEN=xo", "xb-", Random(12, Digits, 501), "-", Random(12, Digits, 502), "-", Random(24, Base62, 503)),
                Join("token: 'xo", "xb-", Random(11, Digits, 504), "-", Random(24, Base62, 505), "'"),
            ],
            Negatives = [Join("xo", "xb-not-a-token"), Join("xo", "xb-", Random(12, Digits, 506), "-", Random(12, Digits, 507), "-", Random(10, Base62, 508))],
        },
        new()
        {
            Id = "secret/slack-user-token",
            Name = "Slack user token",
            Description = "A Slack user OAuth token (xoxp-). It acts as the person who installed the app: reads their messages and files and posts as them, in every workspace channel they can see.",
            Prefixes = ["xoxp-"],
            Pattern = @"\Axoxp-[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[A-Za-z0-9]{28,34}\b",
            Rotate = "Revoke the token (auth.revoke, or remove the app's authorisation under the user's Slack account settings), and reissue it through OAuth.",
            Positives = [Join("const userToken = \"xo", "xp-", Random(12, Digits, 511), "-", Random(12, Digits, 512), "-", Random(13, Digits, 513), "-", Random(32, Hex, 514), "\";")],
            Negatives = [Join("xo", "xp-", Random(12, Digits, 515), "-", Random(32, Hex, 516)), Join("xo", "xp-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")],
        },
        new()
        {
            Id = "secret/slack-app-token",
            Name = "Slack app-level token",
            Description = "A Slack app-level token (xapp-). It opens Socket Mode connections and calls the app's own APIs, receiving every event the app subscribes to.",
            Prefixes = ["xapp-"],
            Pattern = @"\Axapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{10,16}-[A-Za-z0-9]{32,80}\b",
            Rotate = "Revoke the token in the app's settings (Basic Information, App-Level Tokens), generate a new one, and keep it in the environment.",
            Positives = [Join("SLACK_APP_TOKEN=xa", "pp-1-A", Random(10, UpperAlnum, 521), "-", Random(13, Digits, 522), "-", Random(64, Hex, 523))],
            Negatives = [Join("xa", "pp-1-A", Random(10, UpperAlnum, 524), "-", Random(13, Digits, 525), "-", Random(12, Hex, 526))],
        },
        new()
        {
            Id = "secret/slack-legacy-token",
            Name = "Slack legacy or workspace token",
            Description = "A Slack workspace app, refresh or legacy session token (xoxa-, xoxr-, xoxs-). Legacy tokens carry the full rights of the user who created them.",
            Prefixes = ["xoxa-", "xoxr-", "xoxs-"],
            Pattern = @"\Axox[ars]-(?:[0-9]{1,2}-)?[0-9]{8,14}-[A-Za-z0-9\-]{14,160}[A-Za-z0-9]\b",
            MinEntropy = 3.5,
            Rotate = "Revoke the token with auth.revoke (legacy tokens also at https://api.slack.com/legacy/custom-integrations/legacy-tokens), and move to a bot token with narrow scopes.",
            Positives = [Join("xo", "xs-", Random(12, Digits, 531), "-", Random(12, Digits, 532), "-", Random(12, Digits, 533), "-", Random(64, Hex, 534))],
            Negatives = [Join("xo", "xo-", Random(12, Digits, 535), "-", Random(32, Hex, 536)), Join("xo", "xs-", Random(12, Digits, 537))],
        },
        new()
        {
            Id = "secret/slack-config-token",
            Name = "Slack configuration or rotating access token",
            Description = "A Slack app configuration token or rotating access token (xoxe.xoxp- or xoxe.xoxb-). Configuration tokens create and change apps in the workspace through the manifest API.",
            Prefixes = ["xoxe.xox"],
            Pattern = @"\Axoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{150,180}\b",
            Rotate = "Revoke the token with auth.revoke or at https://api.slack.com/apps (Your App Configuration Tokens), and generate a new one when needed.",
            Positives = [Join("xo", "xe.xo", "xp-1-", Random(166, UpperAlnum, 541))],
            Negatives = [Join("xo", "xe.xo", "xp-1-", Random(60, UpperAlnum, 542))],
        },
        new()
        {
            Id = "secret/slack-refresh-token",
            Name = "Slack refresh token",
            Description = "A Slack refresh token (xoxe-) for a configuration token or a rotating access token. It mints new access tokens until it is revoked.",
            Prefixes = ["xoxe-"],
            Pattern = @"\Axoxe-[0-9]-[A-Za-z0-9]{130,160}\b",
            Rotate = "Revoke the token with auth.revoke (or regenerate the configuration token pair at https://api.slack.com/apps), and keep refresh tokens in a secret store.",
            Positives = [Join("refresh_token=xo", "xe-1-", Random(146, UpperAlnum, 551))],
            Negatives = [Join("xo", "xe-1-", Random(40, UpperAlnum, 552))],
        },
        new()
        {
            Id = "secret/slack-webhook-url",
            Name = "Slack incoming webhook URL",
            Description = "A Slack incoming webhook URL (hooks.slack.com/services/T…/B…/…). The last path segment is the secret: anyone with the URL can post into the channel.",
            Prefixes = ["hooks.slack.com/"],
            Pattern = @"\Ahooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}\b",
            Rotate = "Remove the webhook in the app's settings (Incoming Webhooks) or the channel's integrations, create a new one, and keep the URL in the environment.",
            Positives = [Join("webhook: 'https://hooks.sl", "ack.com/services/T", Random(10, UpperAlnum, 561), "/B", Random(10, UpperAlnum, 562), "/", Random(24, Base62, 563), "'")],
            Negatives = [Join("https://hooks.sl", "ack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"), Join("https://hooks.sl", "ack.com/services/T", Random(10, UpperAlnum, 564), "/B", Random(10, UpperAlnum, 565), "/", Random(12, Base62, 566))],
        },
        new()
        {
            Id = "secret/slack-workflow-webhook-url",
            Name = "Slack workflow webhook URL",
            Description = "A Slack Workflow Builder webhook or trigger URL (hooks.slack.com/workflows/… or /triggers/…). Anyone with the URL can start the workflow with their own inputs.",
            Prefixes = ["hooks.slack.com/"],
            Pattern = @"\Ahooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:A[A-Z0-9]{8,12}/)?[0-9]{8,20}/[A-Za-z0-9]{24,40}\b",
            Rotate = "Delete and recreate the workflow's webhook trigger in Workflow Builder, and keep the new URL out of published code.",
            Positives = [Join("https://hooks.sl", "ack.com/workflows/T", Random(10, UpperAlnum, 571), "/A", Random(10, UpperAlnum, 572), "/", Random(18, Digits, 573), "/", Random(24, Base62, 574))],
            Negatives = [Join("https://hooks.sl", "ack.com/workflows/T", Random(10, UpperAlnum, 575), "/A", Random(10, UpperAlnum, 576))],
        },
        new()
        {
            Id = "secret/discord-bot-token",
            Name = "Discord bot token",
            Description = "A Discord bot (or user) token: the base64 of the account's ID, a timestamp and an HMAC, joined by dots. It logs in as the bot with all its permissions in every server it joined.",
            Prefixes = ["MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT"],
            Pattern = @"\A" + "(?<secret>" + SnowflakeBase64 + @"\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})" + End,
            MaxLength = 128,
            MinEntropy = 4.0,
            Rotate = "Reset the token in the Discord Developer Portal (Applications, Bot, Reset Token); Discord also revokes tokens it finds published.",
            Positives = [Join("client.login('", DiscordId(581), ".", Random(6, Base64Url, 582), ".", Random(38, Base64Url, 583), "');")],
            Negatives = [Join(Random(24, Base62, 584), ".", Random(6, Base64Url, 585), ".", Random(38, Base64Url, 586)), Join(DiscordId(587), ".", Random(6, Base64Url, 588))],
        },
        new()
        {
            Id = "secret/discord-webhook-url",
            Name = "Discord webhook URL",
            Description = "A Discord webhook URL (discord.com/api/webhooks/<id>/<token>). Anyone with it can post into the channel under any name and avatar.",
            Prefixes = ["discord.com/api/", "discordapp.com/api/"],
            Pattern = @"\A(?<secret>discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_\-]{60,80})" + End,
            MaxLength = 160,
            Rotate = "Delete the webhook (channel settings, Integrations, Webhooks) and create a new one; keep its URL in the environment.",
            Positives = [Join("const hook = \"https://disc", "ord.com/api/webhooks/", Random(19, Digits, 591), "/", Random(68, Base64Url, 592), "\";")],
            Negatives = [Join("https://disc", "ord.com/api/webhooks/", Random(19, Digits, 593), "/{token}"), Join("https://disc", "ord.com/api/webhooks/", Random(19, Digits, 594), "/", Random(20, Base64Url, 595))],
        },
        new()
        {
            Id = "secret/telegram-bot-token",
            Name = "Telegram bot token",
            Description = "A Telegram Bot API token (the bot's numeric ID, a colon, then AA and 33 base64url characters). It controls the bot: reads its messages and sends as it.",
            Prefixes = ["AA"],
            LookBehind = 12,
            Pattern = @"\A(?:[\s\S]{0,2}[^0-9]|^)(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_\-]{33})" + End,
            MaxLength = 48,
            MinEntropy = 3.5,
            Rotate = "Revoke the token with @BotFather (/revoke), take the new one, and keep it in the environment.",
            Positives = [Join("const bot = new TelegramBot('", Random(10, Digits, 5001), ":A", "A", Random(33, Base64Url, 5002), "');"), Join("https://api.telegram.org/bot", Random(9, Digits, 5003), ":A", "A", Random(33, Base64Url, 5004), "/sendMessage")],
            Negatives = [Join(Random(10, Digits, 5005), ":A", "A", Random(20, Base64Url, 5006)), Join(Random(14, Digits, 5007), ":A", "A", Random(33, Base64Url, 5008)), Join("x:A", "A", Random(33, Base64Url, 5009))],
        },
        new()
        {
            Id = "secret/twilio-auth-token",
            Name = "Twilio auth token",
            Description = "A Twilio account auth token: 32 hexadecimal characters next to the word twilio. With the account SID it controls the account: calls, messages, numbers, billing.",
            Context = ["twilio"],
            Pattern = @"[0-9a-f]{32}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.2,
            Rotate = "Rotate the auth token in the Twilio Console (Account, API keys & tokens) and switch to API keys, which can be revoked one by one.",
            Positives = [Join("TWILIO_AUTH_TOKEN=", Random(32, Hex, 511))],
            Negatives = [Join("git_commit = ", Random(32, Hex, 512)), Join("twilio_token = ", Random(24, Hex, 513))],
        },
        new()
        {
            Id = "secret/twilio-api-key",
            Name = "Twilio API key SID",
            Description = "A Twilio API key SID (SK followed by 32 hexadecimal characters). The SID names the key and travels with its secret; together they call the account's APIs.",
            Prefixes = ["SK"],
            Pattern = @"\ASK[0-9a-f]{32}\b",
            Confidence = Confidence.Medium,
            MinEntropy = 3.2,
            Rotate = "Delete the API key in the Twilio Console (Account, API keys & tokens), create a new one, and keep both SID and secret in the environment.",
            Positives = [Join("TWILIO_API_KEY=S", "K", Random(32, Hex, 5011))],
            Negatives = [Join("S", "K", Random(24, Hex, 5012)), Join("S", "K", Random(32, UpperHex, 5013))],
        },
        new()
        {
            Id = "secret/twilio-api-key-secret",
            Name = "Twilio API key secret",
            Description = "The secret of a Twilio API key: 32 letters and digits next to the word twilio. With the key's SID it calls the account's APIs.",
            Context = ["twilio"],
            Pattern = @"[A-Za-z0-9]{32}",
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            MinEntropy = 4.1,
            Rotate = "Delete the API key in the Twilio Console (Account, API keys & tokens), create a new one, and keep it in the environment.",
            Positives = [Join("TWILIO_API_SECRET=", Random(32, Base62, 5021))],
            Negatives = [Join("twilio_secret = ", Random(32, Hex, 5022)), "twilio: TwilioConversationsApiClientBase"],
        },
        new()
        {
            Id = "secret/sendgrid-api-key",
            Name = "SendGrid API key",
            Description = "A Twilio SendGrid API key (SG. followed by 22 and 43 base64url characters). It sends email as the account, often with full access to its contacts and settings.",
            Prefixes = ["SG."],
            Pattern = @"\A(?<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})" + End,
            MaxLength = 96,
            MinEntropy = 4.0,
            Rotate = "Delete the key in SendGrid (Settings, API Keys), create one with the narrowest scopes, and keep it in the environment.",
            Positives = [Join("sgMail.setApiKey('S", "G.", Random(22, Base64Url, 5031), ".", Random(43, Base64Url, 5032), "');")],
            Negatives = [Join("S", "G.", Random(22, Base64Url, 5033), ".", Random(20, Base64Url, 5034)), Join("S", "G.", Random(16, Base64Url, 5035))],
        },
        new()
        {
            Id = "secret/mailgun-api-key",
            Name = "Mailgun API key (key-)",
            Description = "A Mailgun API key in its original form (key- followed by 32 hexadecimal characters). It sends mail from the account's domains and reads its logs and lists.",
            Prefixes = ["key-"],
            Pattern = @"\Akey-[0-9a-f]{32}\b",
            MinEntropy = 3.2,
            Rotate = "Delete the key in the Mailgun control panel (API Security), create a new one, and keep it in the environment.",
            Positives = [Join("mailgun({ apiKey: 'ke", "y-", Random(32, Hex, 5041), "', domain })")],
            Negatives = [Join("ke", "y-", Random(20, Hex, 5042)), Join("cache-ke", "y-", Random(32, Hex, 5043), "x")],
        },
        new()
        {
            Id = "secret/mailgun-private-api-key",
            Name = "Mailgun private API key",
            Description = "A Mailgun private API key in its current form (32, 8 and 8 hexadecimal characters joined by dashes) next to the word mailgun. It sends mail from the account's domains.",
            Context = ["mailgun"],
            Pattern = @"[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.2,
            Rotate = "Delete the key in the Mailgun control panel (API Security), create a new one, and keep it in the environment.",
            Positives = [Join("MAILGUN_API_KEY=", Random(32, Hex, 5051), "-", Random(8, Hex, 5052), "-", Random(8, Hex, 5053))],
            Negatives = [Join("build_id=", Random(32, Hex, 5054), "-", Random(8, Hex, 5055), "-", Random(8, Hex, 5056)), Join("mailgun_key=", Random(32, Hex, 5057))],
        },
        new()
        {
            Id = "secret/mailchimp-api-key",
            Name = "Mailchimp API key",
            Description = "A Mailchimp Marketing API key (32 hexadecimal characters, a dash and the data centre, such as -us21). It reads and changes audiences and sends campaigns.",
            Signatures = ["-us"],
            Pattern = @"[0-9a-f]{32}-us[0-9]{1,2}",
            MinEntropy = 3.2,
            Rotate = "Revoke the key in Mailchimp (Profile, Extras, API keys), create a new one, and keep it in the environment.",
            Positives = [Join("mailchimp.setConfig({ apiKey: '", Random(32, Hex, 5061), "-u", "s21', server: 'us21' });")],
            Negatives = [Join(Random(32, Hex, 5062), "-us-east-1"), Join(Random(24, Hex, 5063), "-u", "s21")],
        },
        new()
        {
            Id = "secret/postmark-server-token",
            Name = "Postmark server or account token",
            Description = "A Postmark server or account API token (a UUID) next to the word postmark. A server token sends email as the server; an account token manages every server and domain.",
            Context = ["postmark"],
            Pattern = Uuid,
            Confidence = Confidence.Medium,
            MinEntropy = 3.2,
            Rotate = "Regenerate the token in Postmark (the server's API Tokens tab, or Account, API Tokens), and keep it in the environment.",
            Positives = [Join("const client = new postmark.ServerClient(\"", Random(8, Hex, 5071), "-", Random(4, Hex, 5072), "-", Random(4, Hex, 5073), "-", Random(4, Hex, 5074), "-", Random(12, Hex, 5075), "\");")],
            Negatives = [Join("request_id = ", Random(8, Hex, 5076), "-", Random(4, Hex, 5077), "-", Random(4, Hex, 5078), "-", Random(4, Hex, 5079), "-", Random(12, Hex, 5080)), "postmark: 00000000-0000-0000-0000-000000000000"],
        },
        new()
        {
            Id = "secret/brevo-api-key",
            Name = "Brevo (Sendinblue) API or SMTP key",
            Description = "A Brevo, formerly Sendinblue, API key (xkeysib-) or SMTP key (xsmtpsib-): 64 hexadecimal characters and a 16-character suffix. It sends email and SMS and reads contacts.",
            Prefixes = ["xkeysib-", "xsmtpsib-"],
            Pattern = @"\A(?:xkeysib|xsmtpsib)-[0-9a-f]{64}-[A-Za-z0-9]{16}\b",
            Rotate = "Delete the key in Brevo (SMTP & API, API Keys or SMTP tab), create a new one, and keep it in the environment.",
            Positives = [Join("BREVO_API_KEY=xke", "ysib-", Random(64, Hex, 5081), "-", Random(16, Base62, 5082))],
            Negatives = [Join("xke", "ysib-", Random(64, Hex, 5083)), Join("xke", "ysib-", Random(30, Hex, 5084), "-", Random(16, Base62, 5085))],
        },
        new()
        {
            Id = "secret/teams-incoming-webhook",
            Name = "Microsoft Teams incoming webhook URL",
            Description = "A Microsoft Teams (Office 365 connector) incoming webhook URL (….webhook.office.com/webhookb2/…/IncomingWebhook/…). Anyone with it can post cards into the channel.",
            Prefixes = ["webhook.office.com/webhookb2/", "outlook.office.com/webhook/", "outlook.office365.com/webhook/"],
            Pattern = @"\A(?:webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/" + Uuid + "@" + Uuid + "/IncomingWebhook/[0-9a-f]{32}/" + Uuid + @"(?:/V2[A-Za-z0-9_\-]{20,80})?",
            MaxLength = 320,
            Rotate = "Remove the Incoming Webhook connector from the channel (Connectors, Configured) and add a new one; prefer Workflows with access control.",
            Positives = [Join("const url = 'https://acme.webh", "ook.office.com/webhookb2/", TeamsUuid(5091), "@", TeamsUuid(5092), "/IncomingWebhook/", Random(32, Hex, 5093), "/", TeamsUuid(5094), "';")],
            Negatives = [Join("https://acme.webh", "ook.office.com/webhookb2/", TeamsUuid(5095), "@", TeamsUuid(5096), "/IncomingWebhook/")],
        },
        new()
        {
            Id = "secret/pusher-app-secret",
            Name = "Pusher Channels app secret",
            Description = "A Pusher Channels app secret (20 hexadecimal characters) named as such. It signs private and presence channel subscriptions and triggers events on every channel of the app.",
            Context = ["pusher_app_secret", "pusher_secret", "pusherappsecret", "pushersecret"],
            Pattern = @"[0-9a-f]{20}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.0,
            Rotate = "Rotate the secret in the Pusher dashboard (the app's App Keys page), and keep it on the server only.",
            Positives = [Join("PUSHER_APP_SECRET=", Random(20, Hex, 5101))],
            Negatives = [Join("PUSHER_APP_KEY=", Random(20, Hex, 5102)), Join("PUSHER_APP_SECRET=", Random(12, Hex, 5103))],
        },
    ];

    /// <summary>The base64 of a 19-digit Discord snowflake, as a token's first segment.</summary>
    private static string DiscordId(int seed) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Join("1", Random(18, Digits, seed)))).TrimEnd('=');

    private static string TeamsUuid(int seed) =>
        Join(Random(8, Hex, seed), "-", Random(4, Hex, seed + 1000), "-", Random(4, Hex, seed + 2000), "-", Random(4, Hex, seed + 3000), "-", Random(12, Hex, seed + 4000));
}
