using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// AI providers: model APIs (Anthropic, OpenAI, Google, Mistral, Cohere, Groq, xAI, ...), inference
/// hosts (Replicate, Together, Fireworks, OpenRouter, NVIDIA, Cerebras), and the tools around them
/// (Hugging Face, LangSmith, Langfuse, Pinecone, Weights &amp; Biases). Prefixed formats are high
/// confidence; bare keys count only next to the provider's name and are medium.
/// </summary>
internal static class AiSecrets
{
    /// <summary>
    /// The token ends here: a character that cannot continue it, or the end of the text. A glued
    /// <c>-suffix</c> would satisfy <c>\b</c>, so the rules spell the boundary out instead.
    /// </summary>
    private const string End = @"(?:[^A-Za-z0-9_\-]|$)";

    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/anthropic-api-key",
            Name = "Anthropic API key",
            Description = "An Anthropic API key (sk-ant-api03- followed by 93 base64url characters and AA). It bills model usage to the owning organisation and reads its batches, files and prompts.",
            Prefixes = ["sk-ant-api03-"],
            Pattern = @"(?<secret>sk-ant-api03-[A-Za-z0-9_\-]{93}AA)" + End,
            MaxLength = 120,
            Rotate = "Disable the key in the Anthropic Console (Settings, API keys), create a new one, and load it from the environment at run time.",
            Positives = [Join("ANTHROPIC_API_KEY=sk-an", "t-api03-", Random(93, Base64Url, 3001), "AA")],
            Negatives =
            [
                Join("sk-an", "t-api03-", Random(40, Base64Url, 3002)),
                Join("sk-an", "t-api03-", Random(93, Base64Url, 3003), "AA", Random(6, Base62, 3004)),
                Join("sk-an", "t-api03-", Random(93, Base64Url, 3005), "AB"),
            ],
        },
        new()
        {
            Id = "secret/anthropic-admin-key",
            Name = "Anthropic Admin API key",
            Description = "An Anthropic Admin API key (sk-ant-admin01- followed by 93 base64url characters and AA). It manages the organisation itself: members, workspaces, and every other API key.",
            Prefixes = ["sk-ant-admin01-"],
            Pattern = @"(?<secret>sk-ant-admin01-[A-Za-z0-9_\-]{93}AA)" + End,
            MaxLength = 120,
            Rotate = "Delete the admin key in the Anthropic Console (Settings, Admin keys), review the organisation's members and API keys for changes, and keep admin keys out of application code entirely.",
            Positives = [Join("const adminKey = 'sk-an", "t-admin01-", Random(93, Base64Url, 3011), "AA';")],
            Negatives =
            [
                Join("sk-an", "t-admin01-", Random(60, Base64Url, 3012)),
                Join("sk-an", "t-admin02-", Random(93, Base64Url, 3013), "AA"),
            ],
        },
        new()
        {
            Id = "secret/anthropic-oauth-token",
            Name = "Anthropic OAuth token",
            Description = "A Claude OAuth access or refresh token (sk-ant-oat01-, sk-ant-ort01-), as issued to Claude Code by a browser login or claude setup-token. It acts as the signed-in Claude account and spends its subscription.",
            Prefixes = ["sk-ant-oat01-", "sk-ant-ort01-"],
            Pattern = @"(?<secret>sk-ant-o[ar]t01-[A-Za-z0-9_\-]{80,160})" + End,
            MaxLength = 200,
            MinEntropy = 4.0,
            Rotate = "Sign out of Claude Code on the affected machine (claude /logout) or revoke the session at claude.ai (Settings, Claude Code), and pass tokens to CI through a secret store, never a file in the package.",
            Positives = [Join("CLAUDE_CODE_OAUTH_TOKEN=sk-an", "t-oat01-", Random(93, Base64Url, 3021), "AA")],
            Negatives =
            [
                Join("token: 'sk-an", "t-oat01-TEST_SETUP_TOKEN_NOT_REAL'"),
                Join("sk-an", "t-oat02-", Random(95, Base64Url, 3022)),
            ],
        },
        new()
        {
            Id = "secret/openai-api-key",
            Name = "OpenAI API key",
            Description = "An OpenAI API key: a project, service-account or admin key (sk-proj-, sk-svcacct-, sk-admin-, sk-None-) or a legacy user key (sk- and 48 characters), all carrying T3BlbkFJ, the base64 of OpenAI. It bills usage to the owning organisation and can read its files, assistants and fine-tunes.",
            Prefixes = ["sk-proj-", "sk-svcacct-", "sk-service-", "sk-admin-", "sk-None-", "sk-"],
            Pattern = @"(?<secret>sk-(?:(?:proj|svcacct|service|admin|None)-[A-Za-z0-9_\-]{20,100}T3BlbkFJ[A-Za-z0-9_\-]{20,100}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))" + End,
            Rotate = "Revoke the key at https://platform.openai.com/api-keys (admin keys under Organization, Admin keys), create a new one scoped to one project, and read it from the environment.",
            Positives =
            [
                Join("openai.api_key = \"sk-pr", "oj-", Random(74, Base64Url, 3031), "T3Blb", "kFJ", Random(74, Base64Url, 3032), "\""),
                Join("OPENAI_API_KEY=sk-", Random(20, Base62, 3033), "T3Blb", "kFJ", Random(20, Base62, 3034)),
            ],
            Negatives =
            [
                Join("sk-pr", "oj-", Random(120, Base64Url, 3035)),
                Join("sk-", Random(20, Base62, 3036), "T3Blb", "kFJ", Random(20, Base62, 3037), "-", Random(8, Base62, 3038)),
                Join("sk-", Random(48, Base62, 3039)),
            ],
        },
        new()
        {
            Id = "secret/huggingface-token",
            Name = "Hugging Face user access token",
            Description = "A Hugging Face user access token (hf_ followed by 34 letters). With read scope it downloads the user's private and gated models and datasets; with write scope it pushes to every repository the user can write.",
            Prefixes = ["hf_"],
            Pattern = @"(?<secret>hf_[A-Za-z]{34})" + End,
            MaxLength = 48,
            MinEntropy = 3.8,
            Validator = RandomCaseLetters.Instance,
            DiscardInvalid = true,
            Rotate = "Invalidate the token at https://huggingface.co/settings/tokens, create a fine-grained token with only the scopes needed, and read it from HF_TOKEN at run time.",
            Positives = [Join("const hfToken = \"hf", "_", Random(34, Letters, 3041), "\";")],
            Negatives =
            [
                Join("hf", "_", Random(20, Letters, 3042)),
                Join("hf", "_", Random(34, Letters, 3043), "_download"),
                Join("hf", "_", Random(30, Letters, 3044), "1234"),
                "from huggingface_hub import hf_hub_download_with_retries_and_progress",
                "model = 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.from_pretrained(name)",
            ],
        },
        new()
        {
            Id = "secret/huggingface-org-token",
            Name = "Hugging Face organization API token",
            Description = "A legacy Hugging Face organization API token (api_org_ followed by 34 letters). It reads, and possibly writes, the organisation's private models and datasets.",
            Prefixes = ["api_org_"],
            Pattern = @"(?<secret>api_org_[A-Za-z]{34})" + End,
            MaxLength = 48,
            MinEntropy = 3.8,
            Validator = RandomCaseLetters.Instance,
            DiscardInvalid = true,
            Rotate = "Revoke the token in the organisation's settings on https://huggingface.co, and move to fine-grained user or organisation tokens read from the environment.",
            Positives = [Join("use_auth_token='api_", "org_", Random(34, Letters, 3051), "'")],
            Negatives =
            [
                "const API_ORG_BASE_URL = process.env.PUBLIC_CORE_API_ORG_BASE_URL;",
                Join("api_", "org_", Random(34, Letters, 3052), Random(4, Digits, 3053)),
            ],
        },
        new()
        {
            Id = "secret/google-api-key",
            Name = "Google API key",
            Description = "A Google API key (AIza followed by 35 characters): Gemini and Google AI Studio, Maps, YouTube, Firebase and other Google Cloud APIs. Confidence is medium: Firebase web and Maps JavaScript keys are meant to ship in browser code and are restricted by referrer, while a Gemini or unrestricted key bills its project.",
            Prefixes = ["AIza"],
            Pattern = @"(?<secret>AIza[A-Za-z0-9_\-]{35})" + End,
            MaxLength = 48,
            MinEntropy = 3.5,
            Confidence = Confidence.Medium,
            Rotate = "In the Google Cloud console (APIs & Services, Credentials) or Google AI Studio, delete or regenerate the key; keys that must ship in web code need HTTP-referrer and API restrictions.",
            Positives = [Join("GEMINI_API_KEY=AI", "za", Random(35, Base64Url, 3061))],
            Negatives =
            [
                Join("AI", "za", Random(20, Base64Url, 3062)),
                Join("AI", "za", Random(35, Base64Url, 3063), Random(3, Base62, 3064)),
            ],
        },
        new()
        {
            Id = "secret/cohere-api-key",
            Name = "Cohere API key",
            Description = "A Cohere API key: 40 letters and digits next to the word cohere (COHERE_API_KEY, cohere.Client). It bills generation, embedding and rerank calls to the account.",
            Context = ["cohere"],
            Pattern = @"[A-Za-z0-9]{40}",
            // Random 40-character keys score 4.3 or more 999 times in 1000; camelCase names score about 4.
            MinEntropy = 4.3,
            // Words and camelCase identifiers of this length follow the provider's name in SDK code; keys mix digits in.
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            Rotate = "Delete the key in the Cohere dashboard (API keys), create a new one, and read it from CO_API_KEY at run time.",
            Positives = [Join("COHERE_API_KEY=", Random(40, Base62, 3071))],
            Negatives =
            [
                Join("COHERE_API_KEY=", Random(32, Base62, 3072)),
                Join("COHERE_API_KEY=", Random(40, Hex, 3073)),
                Join("release = ", Random(40, Base62, 3074)),
                "const stream = cohere.chatStream(CohereClientV2ChatStreamRequestToolsItem);",
            ],
        },
        new()
        {
            Id = "secret/mistral-api-key",
            Name = "Mistral AI API key",
            Description = "A Mistral AI API key: 32 letters and digits assigned to MISTRAL_API_KEY. It bills model and agent usage to the workspace.",
            // Not the bare word: SDK type names (LibrariesDocumentsPatchV1Request) sit next to it.
            Context = ["mistral_api_key"],
            Pattern = @"[A-Za-z0-9]{32}",
            MinEntropy = 4.0,
            // Words and camelCase identifiers of this length follow the provider's name in SDK code; keys mix digits in.
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the key in La Plateforme (https://console.mistral.ai, API keys), create a new one, and read it from MISTRAL_API_KEY at run time.",
            Positives = [Join("export MISTRAL_API_KEY=\"", Random(32, Base62, 3081), "\"")],
            Negatives =
            [
                Join("MISTRAL_API_KEY=", Random(32, Hex, 3082)),
                Join("MISTRAL_API_KEY=", Random(24, Base62, 3083)),
                Join("model = \"mistral-large\"; checksum = \"", Random(33, Base62, 3084), "\""),
                "export declare function betaLibrariesDocumentsUpdate(client: MistralCore, request: operations.LibrariesDocumentsPatchV1Request): APIPromise;",
            ],
        },
        new()
        {
            Id = "secret/groq-api-key",
            Name = "Groq API key",
            Description = "A Groq API key (gsk_ followed by 52 letters and digits). It bills inference on Groq's hosted models to the account.",
            Prefixes = ["gsk_"],
            Pattern = @"(?<secret>gsk_[A-Za-z0-9]{52})" + End,
            MaxLength = 64,
            Rotate = "Delete the key at https://console.groq.com/keys, create a new one, and read it from GROQ_API_KEY at run time.",
            Positives = [Join("GROQ_API_KEY=gs", "k_", Random(52, Base62, 3091))],
            Negatives = [Join("gs", "k_", Random(30, Base62, 3092)), Join("gs", "k_", Random(52, Base62, 3093), "_old")],
        },
        new()
        {
            Id = "secret/replicate-api-token",
            Name = "Replicate API token",
            Description = "A Replicate API token (r8_ followed by 37 characters). It runs and bills predictions, trainings and deployments, and reads the account's private models.",
            Prefixes = ["r8_"],
            Pattern = @"(?<secret>r8_[A-Za-z0-9_\-]{37})" + End,
            MaxLength = 48,
            MinEntropy = 3.5,
            Rotate = "Disable the token at https://replicate.com/account/api-tokens, create a new one, and read it from REPLICATE_API_TOKEN at run time.",
            Positives = [Join("const replicate = new Replicate({ auth: 'r8", "_", Random(37, Base62, 3101), "' });")],
            Negatives = [Join("r8", "_", Random(20, Base62, 3102)), Join("r8", "_", Random(45, Base62, 3103))],
        },
        new()
        {
            Id = "secret/perplexity-api-key",
            Name = "Perplexity API key",
            Description = "A Perplexity API key (pplx- followed by 48 letters and digits). It bills Sonar search and chat calls to the account's credit.",
            Prefixes = ["pplx-"],
            Pattern = @"(?<secret>pplx-[A-Za-z0-9]{48})" + End,
            MaxLength = 64,
            Rotate = "Delete the key in Perplexity's API settings (https://www.perplexity.ai/settings/api), generate a new one, and read it from the environment.",
            Positives = [Join("PERPLEXITY_API_KEY=pp", "lx-", Random(48, Base62, 3111))],
            Negatives = [Join("pp", "lx-", Random(30, Base62, 3112)), "PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
        },
        new()
        {
            Id = "secret/xai-api-key",
            Name = "xAI API key",
            Description = "An xAI (Grok) API key (xai- followed by about 80 letters, digits and underscores). It bills Grok model usage to the team.",
            Prefixes = ["xai-"],
            Pattern = @"(?<secret>xai-[A-Za-z0-9_]{70,100})" + End,
            MaxLength = 120,
            MinEntropy = 4.0,
            Rotate = "Delete the key in the xAI console (https://console.x.ai, API keys), create a new one with only the models and endpoints needed, and read it from XAI_API_KEY.",
            Positives = [Join("XAI_API_KEY=xa", "i-", Random(80, Base62, 3121))],
            Negatives = [Join("xa", "i-", Random(30, Base62, 3122)), "XAI_API_KEY=xai-your-xai-api-key"],
        },
        new()
        {
            Id = "secret/deepseek-api-key",
            Name = "DeepSeek API key",
            Description = "A DeepSeek API key: sk- and 32 lower-case hexadecimal characters next to the word deepseek. It spends the account's prepaid balance.",
            // A prefix rule that also needs the word: sk- is OpenAI's prefix too, and context words cost every scan a search.
            Prefixes = ["sk-"],
            Context = ["deepseek"],
            Pattern = @"(?<secret>sk-[a-f0-9]{32})" + End,
            MaxLength = 40,
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Delete the key at https://platform.deepseek.com/api_keys, create a new one, and read it from DEEPSEEK_API_KEY at run time.",
            Positives = [Join("DEEPSEEK_API_KEY=sk", "-", Random(32, Hex, 3131))],
            Negatives =
            [
                Join("OPENAI_API_KEY=sk", "-", Random(32, Hex, 3132)),
                Join("DEEPSEEK_API_KEY=sk", "-", Random(40, Hex, 3133)),
            ],
        },
        new()
        {
            Id = "secret/together-api-key",
            Name = "Together AI API key",
            Description = "A Together AI API key (tgp_v1_ followed by 43 base64url characters). It bills inference, fine-tuning and GPU clusters to the account.",
            Prefixes = ["tgp_v1_"],
            Pattern = @"(?<secret>tgp_v1_[A-Za-z0-9_\-]{43})" + End,
            MaxLength = 56,
            MinEntropy = 3.8,
            Rotate = "Revoke the key in the Together AI dashboard (Settings, API keys), create a new one, and read it from TOGETHER_API_KEY at run time.",
            Positives = [Join("client = Together(api_key=\"tg", "p_v1_", Random(43, Base64Url, 3141), "\")")],
            Negatives = [Join("tg", "p_v1_", Random(30, Base64Url, 3142)), Join("tg", "p_v2_", Random(43, Base64Url, 3143))],
        },
        new()
        {
            Id = "secret/fireworks-api-key",
            Name = "Fireworks AI API key",
            Description = "A Fireworks AI API key (fw_ followed by 24 or more letters and digits). It bills serverless inference, fine-tuning and deployments to the account.",
            Prefixes = ["fw_"],
            Pattern = @"(?<secret>fw_[A-Za-z0-9]{24,48})" + End,
            MaxLength = 64,
            MinEntropy = 3.5,
            // fw_ also starts firmware identifiers (fw_updateFirmwareVersion): a key mixes digits into its letters.
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Rotate = "Delete the key in the Fireworks dashboard (https://fireworks.ai/account/api-keys or firectl delete api-key), create a new one, and read it from FIREWORKS_API_KEY.",
            Positives = [Join("FIREWORKS_API_KEY=fw", "_3Z", Random(22, Base62, 3161))],
            Negatives =
            [
                "static int fw_updateFirmwareVersionNowAndLater(void);",
                Join("fw", "_", Random(12, Base62, 3162)),
            ],
        },
        new()
        {
            Id = "secret/elevenlabs-api-key",
            Name = "ElevenLabs API key",
            Description = "An ElevenLabs API key (sk_ followed by 48 hexadecimal characters) next to an ElevenLabs name or its xi-api-key header. It spends the account's character quota and can clone and delete voices.",
            Prefixes = ["sk_"],
            Context = ["elevenlabs", "xi-api-key", "xi_api_key"],
            Pattern = @"(?<secret>sk_[a-f0-9]{48})" + End,
            MaxLength = 64,
            MinEntropy = 3.0,
            Rotate = "Delete the key in ElevenLabs (Developers, API keys), create a new one with only the permissions needed, and read it from ELEVENLABS_API_KEY.",
            Positives = [Join("ELEVENLABS_API_KEY=sk", "_", Random(48, Hex, 3171))],
            Negatives =
            [
                Join("STRIPE_KEY=sk", "_", Random(48, Hex, 3172)),
                Join("ELEVENLABS_API_KEY=sk", "_", Random(40, Hex, 3173)),
            ],
        },
        new()
        {
            Id = "secret/langsmith-api-key",
            Name = "LangSmith API key",
            Description = "A LangSmith (LangChain) personal access token or service key (lsv2_pt_, lsv2_sk_). It reads and writes the workspace's traces, datasets, prompts and evaluations.",
            Prefixes = ["lsv2_pt_", "lsv2_sk_"],
            Pattern = @"(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})" + End,
            MaxLength = 64,
            MinEntropy = 3.0,
            Rotate = "Delete the key in LangSmith (Settings, API keys), create a new one, and read it from LANGSMITH_API_KEY (or LANGCHAIN_API_KEY) at run time.",
            Positives = [Join("LANGCHAIN_API_KEY=lsv2", "_pt_", Random(32, Hex, 3191), "_", Random(10, Hex, 3192))],
            Negatives = [Join("lsv2", "_pt_", Random(32, Hex, 3193)), Join("lsv2", "_xx_", Random(32, Hex, 3194), "_", Random(10, Hex, 3195))],
        },
        new()
        {
            Id = "secret/langfuse-secret-key",
            Name = "Langfuse secret key",
            Description = "A Langfuse secret API key (sk-lf- followed by a UUID). With its public key it reads and writes every trace, prompt and score of the project.",
            Prefixes = ["sk-lf-"],
            Pattern = @"(?<secret>sk-lf-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})" + End,
            MaxLength = 48,
            Rotate = "Delete the key pair in the Langfuse project settings (API keys), create a new one, and read it from LANGFUSE_SECRET_KEY at run time.",
            Positives = [Join("LANGFUSE_SECRET_KEY=sk", "-lf-", Random(8, Hex, 3201), "-", Random(4, Hex, 3202), "-", Random(4, Hex, 3203), "-", Random(4, Hex, 3204), "-", Random(12, Hex, 3205))],
            Negatives = [Join("LANGFUSE_PUBLIC_KEY=pk", "-lf-", Random(8, Hex, 3206), "-", Random(4, Hex, 3207), "-", Random(4, Hex, 3208), "-", Random(4, Hex, 3209), "-", Random(12, Hex, 3210)), "LANGFUSE_SECRET_KEY=sk-lf-updated-value-from-dashboard"],
        },
        new()
        {
            Id = "secret/pinecone-api-key",
            Name = "Pinecone API key",
            Description = "A Pinecone API key (pcsk_, a short key id, _, and about 63 letters and digits). It reads, writes and deletes every index and vector in its project.",
            Prefixes = ["pcsk_"],
            Pattern = @"(?<secret>pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{56,70})" + End,
            MaxLength = 96,
            MinEntropy = 4.0,
            Rotate = "Delete the key in the Pinecone console (API keys), create a new one with the narrowest role, and read it from PINECONE_API_KEY at run time.",
            Positives = [Join("const pc = new Pinecone({ apiKey: 'pc", "sk_", Random(6, Base62, 3211), "_", Random(63, Base62, 3212), "' });")],
            Negatives = [Join("pc", "sk_", Random(6, Base62, 3213), "_", Random(20, Base62, 3214)), "PINECONE_API_KEY=pcsk_your-key-here-from-the-pinecone-console-settings"],
        },
        new()
        {
            Id = "secret/assemblyai-api-key",
            Name = "AssemblyAI API key",
            Description = "An AssemblyAI API key: 32 hexadecimal characters next to the word AssemblyAI. It bills transcription to the account and reads its transcripts.",
            Context = ["assemblyai"],
            Pattern = @"[a-f0-9]{32}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Reset the key in the AssemblyAI dashboard (API keys), and read the new one from ASSEMBLYAI_API_KEY at run time.",
            Positives = [Join("const client = new AssemblyAI({ apiKey: \"", Random(32, Hex, 3221), "\" });")],
            Negatives = [Join("ASSEMBLYAI_API_KEY=", Random(20, Hex, 3222)), Join("integrity = \"", Random(32, Hex, 3223), "\"")],
        },
        new()
        {
            Id = "secret/stability-api-key",
            Name = "Stability AI API key",
            Description = "A Stability AI API key: sk- and 48 letters and digits next to the word stability. It spends the account's credits on image, video and audio generation.",
            Prefixes = ["sk-"],
            Context = ["stability"],
            Pattern = @"(?<secret>sk-[A-Za-z0-9]{48})" + End,
            MaxLength = 56,
            MinEntropy = 4.2,
            Confidence = Confidence.Medium,
            Rotate = "Delete the key at https://platform.stability.ai/account/keys, create a new one, and read it from STABILITY_API_KEY at run time.",
            Positives = [Join("STABILITY_API_KEY=sk", "-", Random(48, Base62, 3231))],
            Negatives = [Join("STABILITY_API_KEY=sk", "-", Random(32, Base62, 3232)), Join("OTHER_KEY=sk", "-", Random(48, Base62, 3233))],
        },
        new()
        {
            Id = "secret/openrouter-api-key",
            Name = "OpenRouter API key",
            Description = "An OpenRouter API key (sk-or-v1- followed by 64 hexadecimal characters). It spends the account's credits on any model OpenRouter routes to.",
            Prefixes = ["sk-or-v1-"],
            Pattern = @"(?<secret>sk-or-v1-[a-f0-9]{64})" + End,
            MaxLength = 80,
            MinEntropy = 3.2,
            Rotate = "Delete the key at https://openrouter.ai/settings/keys, create a new one with a credit limit, and read it from OPENROUTER_API_KEY at run time.",
            Positives = [Join("OPENROUTER_API_KEY=sk", "-or-v1-", Random(64, Hex, 3241))],
            Negatives = [Join("sk", "-or-v1-", Random(40, Hex, 3242)), Join("sk", "-or-v2-", Random(64, Hex, 3243))],
        },
        new()
        {
            Id = "secret/cerebras-api-key",
            Name = "Cerebras API key",
            Description = "A Cerebras Cloud API key (csk- followed by 48 lower-case letters and digits). It bills inference on Cerebras-hosted models to the account.",
            Prefixes = ["csk-"],
            Pattern = @"(?<secret>csk-[a-z0-9]{48})" + End,
            MaxLength = 64,
            MinEntropy = 3.8,
            Rotate = "Delete the key in the Cerebras Cloud console (https://cloud.cerebras.ai, API keys), create a new one, and read it from CEREBRAS_API_KEY.",
            Positives = [Join("CEREBRAS_API_KEY=cs", "k-", Random(48, LowerAlnum, 3251))],
            Negatives = [Join("cs", "k-", Random(30, LowerAlnum, 3252)), Join("cs", "k-", Random(48, UpperAlnum, 3253))],
        },
        new()
        {
            Id = "secret/nvidia-api-key",
            Name = "NVIDIA API key",
            Description = "An NVIDIA API key for build.nvidia.com and NGC (nvapi- followed by 64 base64url characters). It spends the account's NIM inference credits and pulls from its private NGC registry.",
            Prefixes = ["nvapi-"],
            Pattern = @"(?<secret>nvapi-[A-Za-z0-9_\-]{64})" + End,
            MaxLength = 80,
            MinEntropy = 4.0,
            Rotate = "Revoke the key at https://org.ngc.nvidia.com/setup/api-keys (or build.nvidia.com), generate a new one, and read it from NVIDIA_API_KEY at run time.",
            Positives = [Join("api_key=\"nv", "api-", Random(64, Base64Url, 3261), "\"")],
            Negatives = [Join("nv", "api-", Random(30, Base64Url, 3262)), "NVIDIA_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
        },
        new()
        {
            Id = "secret/deepgram-api-key",
            Name = "Deepgram API key",
            Description = "A Deepgram API key: 40 hexadecimal characters next to the word deepgram. It bills speech-to-text and text-to-speech to the project and can manage its keys.",
            Context = ["deepgram"],
            Pattern = @"[a-f0-9]{40}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Delete the key in the Deepgram console (Project, API keys), create a new one with member scope only, and read it from DEEPGRAM_API_KEY.",
            Positives = [Join("const deepgram = createClient(\"", Random(40, Hex, 3271), "\");")],
            Negatives = [Join("DEEPGRAM_API_KEY=", Random(32, Hex, 3272)), Join("commit ", Random(40, Hex, 3273))],
        },
        new()
        {
            Id = "secret/wandb-api-key",
            Name = "Weights & Biases API key",
            Description = "A Weights & Biases API key: 40 hexadecimal characters next to the word wandb. It reads and writes the user's runs, artifacts and models in every entity they belong to.",
            Context = ["wandb"],
            Pattern = @"[a-f0-9]{40}",
            MinEntropy = 3.0,
            Confidence = Confidence.Medium,
            Rotate = "Revoke the key at https://wandb.ai/authorize (User settings, API keys), create a new one, and read it from WANDB_API_KEY at run time.",
            Positives = [Join("wandb.login(key=\"", Random(40, Hex, 3281), "\")")],
            Negatives = [Join("WANDB_API_KEY=", Random(32, Hex, 3282)), Join("revision = \"", Random(40, Hex, 3283), "\"")],
        },
        new()
        {
            Id = "secret/voyage-api-key",
            Name = "Voyage AI API key",
            Description = "A Voyage AI API key (pa- followed by 43 base64url characters) next to the word voyage. It bills embedding and rerank calls to the account.",
            Prefixes = ["pa-"],
            Context = ["voyage"],
            Pattern = @"(?<secret>pa-[A-Za-z0-9_\-]{43})" + End,
            MaxLength = 56,
            MinEntropy = 4.0,
            Rotate = "Revoke the key in the Voyage AI dashboard (API keys) or the MongoDB Atlas console, create a new one, and read it from VOYAGE_API_KEY.",
            Positives = [Join("vo = voyageai.Client(api_key=\"pa", "-", Random(43, Base64Url, 3291), "\")")],
            Negatives = [Join("margin = \"pa", "-", Random(43, Base64Url, 3292), "\""), Join("VOYAGE_API_KEY=pa", "-", Random(20, Base64Url, 3293))],
        },
    ];
}

/// <summary>
/// Hugging Face tokens are letters only, so entropy cannot tell them from identifiers
/// (<c>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</c>). Random letters are about half upper case; a
/// camelCase name has one capital per word. Fewer than a quarter of either case is a name.
/// </summary>
file sealed class RandomCaseLetters : ISecretFilter
{
    public static readonly RandomCaseLetters Instance = new();

    public Validation Validate(string secret)
    {
        var body = secret.AsSpan(secret.LastIndexOf('_') + 1);
        var upper = 0;
        var lower = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiLetterUpper(c))
                upper++;
            else if (char.IsAsciiLetterLower(c))
                lower++;
        }
        var letters = upper + lower;
        return letters > 0 && Math.Min(upper, lower) * 4 < letters
            ? Validation.Invalid("its letters read like an identifier, not a random token")
            : Validation.NotChecked;
    }
}
