using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Messaging and email: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun, ...</summary>
internal static class MessagingSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/slack-bot-token",
            Name = "Slack bot token",
            Description = "A Slack bot user OAuth token (xoxb-). It reads and posts in every channel the bot is in.",
            Prefixes = ["xoxb-"],
            Pattern = @"xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}\b",
            Rotate = "Revoke the token (Slack app settings, OAuth & Permissions, or auth.revoke), reinstall the app to get a new one, and store it outside the package.",
            Positives = [Join("SLACK_BOT_TOKEN=xo", "xb-", Random(12, "0123456789", 501), "-", Random(12, "0123456789", 502), "-", Random(24, Base62, 503))],
            Negatives = [Join("xo", "xb-not-a-token")],
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
    ];
}
