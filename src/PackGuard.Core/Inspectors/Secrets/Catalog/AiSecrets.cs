using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>AI providers: Anthropic, OpenAI, Hugging Face, Google AI, Cohere, Mistral, Groq, Replicate, ...</summary>
internal static class AiSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/anthropic-api-key",
            Name = "Anthropic API key",
            Description = "An Anthropic API key (sk-ant-api03- followed by 93 base64url characters and AA). It bills model usage to the owning organisation.",
            Prefixes = ["sk-ant-api03-"],
            Pattern = @"sk-ant-api03-[A-Za-z0-9_\-]{93}AA\b",
            Rotate = "Disable the key in the Anthropic Console (Settings, API keys), create a new one, and load it from the environment at run time.",
            Positives = [Join("ANTHROPIC_API_KEY=sk-an", "t-api03-", Random(93, Base64Url, 301), "AA")],
            Negatives = [Join("sk-an", "t-api03-", Random(40, Base64Url, 302))],
        },
        new()
        {
            Id = "secret/openai-api-key",
            Name = "OpenAI API key",
            Description = "An OpenAI API key: a project, service-account or admin key (sk-proj-, sk-svcacct-, sk-admin-) or a legacy user key, all carrying the T3BlbkFJ marker. It bills usage to the owning organisation and can read its files and fine-tunes.",
            Prefixes = ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-"],
            Pattern = @"sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{20,200}T3BlbkFJ[A-Za-z0-9_\-]{20,200}",
            Rotate = "Revoke the key at https://platform.openai.com/api-keys, create a new one scoped to the project, and read it from the environment.",
            Positives = [Join("openai.api_key = \"sk-pr", "oj-", Random(74, Base64Url, 311), "T3Blb", "kFJ", Random(74, Base64Url, 312), "\"")],
            Negatives = [Join("sk-pr", "oj-", Random(120, Base64Url, 313))],
        },
    ];
}
