using System.Text.RegularExpressions;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Azure: Microsoft's identifiable keys (found by the signature inside them and proven by their
/// Marvin32 checksum), Common Annotated Security Keys, and the older keys that only connection
/// strings and SAS URLs give away. Samples use seeds 2300-2599.
/// </summary>
internal static class AzureSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        Identifiable(AzureKeyKinds.Storage, "storage-account-key", 2300, "\"storageKey\": \"",
            "It reads, writes and deletes every blob, file, queue and table in the storage account, and signs SAS tokens for them.",
            "Rotate the key (Storage account, Security + networking, Access keys, or az storage account keys renew), which also invalidates SAS tokens signed with it, and move clients to Microsoft Entra ID or managed identities."),
        Identifiable(AzureKeyKinds.CosmosDb, "cosmos-db-key", 2305, "const cosmosKey = \"",
            "A master key reads and writes every database and container in the account; a resource key, what it was issued for.",
            "Regenerate the key (Cosmos DB account, Keys, or az cosmosdb keys regenerate) and move clients to Microsoft Entra ID role-based access."),
        Identifiable(AzureKeyKinds.ServiceBus, "service-bus-key", 2310, "\"serviceBusKey\": \"",
            "It sends, listens or manages on the namespace or entity its shared access policy covers.",
            "Regenerate the policy's keys (Service Bus namespace, Shared access policies, or az servicebus namespace authorization-rule keys renew) and move clients to managed identities."),
        Identifiable(AzureKeyKinds.EventHub, "event-hubs-key", 2315, "\"eventHubKey\": \"",
            "It sends, listens or manages on the namespace or event hub its shared access policy covers.",
            "Regenerate the policy's keys (Event Hubs namespace, Shared access policies, or az eventhubs namespace authorization-rule keys renew) and move clients to managed identities."),
        Identifiable(AzureKeyKinds.Relay, "relay-key", 2320, "\"relayKey\": \"",
            "It sends, listens or manages on the Relay namespace or hybrid connection its shared access policy covers.",
            "Regenerate the policy's keys (Relay namespace, Shared access policies, or az relay namespace authorization-rule keys renew)."),
        Identifiable(AzureKeyKinds.Functions, "functions-key", 2325, "const ordersUrl = \"https://acme-api.azurewebsites.net/api/orders?code=",
            "It calls the function (a function key), every function of the app (a host key) or the admin API (the master key).",
            "Renew the key (Function App, App keys or Function keys, or az functionapp keys set), and protect the endpoint with Microsoft Entra ID or API Management instead of keys shipped to clients."),
        Identifiable(AzureKeyKinds.Batch, "batch-account-key", 2330, "\"batchKey\": \"",
            "It manages every pool, job and task in the Batch account and runs code on its nodes.",
            "Regenerate the key (Batch account, Keys, or az batch account keys renew) and move clients to Microsoft Entra ID."),
        Identifiable(AzureKeyKinds.CacheForRedis, "cache-for-redis-key", 2335, "redisPassword: \"",
            "It reads and writes every key in the cache and can flush it.",
            "Regenerate the access key (Azure Cache for Redis, Authentication, or az redis regenerate-keys) and move clients to Microsoft Entra ID authentication."),
        Identifiable(AzureKeyKinds.Search, "search-key", 2340, "\"searchApiKey\": \"",
            "An admin key creates, changes and deletes indexes and documents; a query key reads every index.",
            "Regenerate the admin key (az search admin-key renew) or delete the query key (az search query-key delete), and use role-based access for the service."),
        Identifiable(AzureKeyKinds.ContainerRegistry, "container-registry-key", 2345, "\"acrPassword\": \"",
            "It pulls and, depending on its scope, pushes and deletes images in the registry.",
            "Regenerate the token or admin password (Container registry, Tokens or Access keys, or az acr credential renew) and use Microsoft Entra ID or scoped tokens in CI."),
        Identifiable(AzureKeyKinds.ApiManagement, "api-management-key", 2350, "\"Ocp-Apim-Subscription-Key\": \"",
            "A subscription key calls the APIs of its product; a direct management or Git key changes the service's configuration.",
            "Regenerate the key (API Management, Subscriptions, or the management API's regenerate operations) and keep subscription keys out of shipped code."),
        Identifiable(AzureKeyKinds.Iot, "iot-key", 2355, "\"deviceKey\": \"",
            "It connects as the device or, for a hub or provisioning policy, registers and controls devices.",
            "Regenerate the key (IoT Hub, Shared access policies or the device's keys, or az iot hub policy renew-key) and prefer X.509 device authentication."),
        Identifiable(AzureKeyKinds.MachineLearningClassic, "ml-classic-key", 2360, "\"mlServiceKey\": \"",
            "It calls the Machine Learning Studio (classic) web service and bills the workspace.",
            "Regenerate the web service key in Machine Learning Studio (classic) and migrate the service to Azure Machine Learning endpoints."),
        new()
        {
            Id = "secret/azure-cask-key",
            Name = "Azure key (Common Annotated Security Key)",
            Description = "An Azure key in Microsoft's Common Annotated Security Key format (84 or 88 base62 characters with the JQQJ9 signature at offset 52 and a Marvin32 checksum), used by Azure AI services, Azure OpenAI and other newer services. It calls the resource it was issued for and bills its subscription.",
            Signatures = ["JQQJ9"],
            Pattern = "[A-Za-z0-9]{52}JQQJ9[9D][A-Za-z0-9]{26}(?:[A-Za-z0-9]{2}==)?",
            Validator = CommonAnnotatedSecurityKey.Instance,
            Rotate = "Regenerate the key on the resource (Keys and Endpoint, or az cognitiveservices account keys regenerate for AI services), and move clients to Microsoft Entra ID.",
            Positives = [Join("AZURE_OPENAI_API_KEY=", Cask(2400))],
            Negatives = [Join("AZURE_OPENAI_API_KEY=", Cask(2401)[..80]), Join("AZURE_OPENAI_API_KEY=x", Cask(2402))],
        },
        new()
        {
            Id = "secret/azure-connection-string-account-key",
            Name = "Azure Storage or Cosmos DB account key in a connection string",
            Description = "The 88-character AccountKey of an Azure Storage or Cosmos DB connection string, in any format old or new. It grants full access to every container, table, queue, file share or database of the account.",
            Context = ["accountkey", "account_key"],
            Pattern = "[A-Za-z0-9+/]{86}==",
            MinEntropy = 4.5,
            Confidence = Confidence.Medium,
            Validator = PublishedDevelopmentKeys.Instance,
            DiscardInvalid = true,
            Rotate = "Rotate the key (Storage account or Cosmos DB account, Access keys or Keys, or az storage account keys renew / az cosmosdb keys regenerate), and move clients to Microsoft Entra ID or managed identities.",
            Positives = [Join("DefaultEndpointsProtocol=https;AccountName=acmeprodassets;AccountKey=", Random(86, Base64, 2410), "==;EndpointSuffix=core.windows.net")],
            Negatives =
            [
                Join("DefaultEndpointsProtocol=https;AccountName=acmeprodassets;AccountKey=", Random(40, Base64, 2411), ";"),
                Join("AccountName=acmeprodassets;AccountKey=", Random(88, Base64, 2412), ";"),
            ],
        },
        new()
        {
            Id = "secret/azure-connection-string-shared-access-key",
            Name = "Azure shared access key in a connection string",
            Description = "The SharedAccessKey of a Service Bus, Event Hubs, Relay or IoT Hub connection string (44 base64 characters). It sends, listens or manages with the rights of its shared access policy or device.",
            Context = ["sharedaccesskey"],
            Pattern = "[A-Za-z0-9+/]{43}=",
            MinEntropy = 4.2,
            Confidence = Confidence.Medium,
            Rotate = "Regenerate the policy's or device's keys (Shared access policies in the portal, or az servicebus / eventhubs namespace authorization-rule keys renew, az iot hub policy renew-key), and move clients to managed identities.",
            Positives = [Join("Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=", Random(43, Base64, 2420), "=")],
            Negatives =
            [
                Join("Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=", Random(30, Base64, 2421), "="),
                Join("SharedAccessKeyName=", Random(43, Base64, 2422)),
            ],
        },
        new()
        {
            Id = "secret/azure-sas-token",
            Name = "Azure shared access signature (SAS) token",
            Description = "An Azure Storage shared access signature: a query string with a service version (sv=) and a 44-character HMAC signature (sig=). Until it expires (se=; an expired one is reported low) it grants whoever holds the URL the permissions (sp=) it lists on the account, container or blob.",
            Markers = ["&sig="],
            Pattern = @"(?<secret>(?:[A-Za-z0-9_\-]{1,12}=[^&\s""'<>\\?]*&)*sv=\d{4}-\d{2}-\d{2}&(?:[A-Za-z0-9_\-]{1,12}=[^&\s""'<>\\?]*&)*sig=(?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[Dd]))(?:[&""'\s<>\\]|$)",
            LookBehind = 800,
            MaxLength = 160,
            Validator = AzureSasExpiry.Instance,
            Rotate = "Revoke it: rotate the account key that signed it (or revoke the user delegation keys, or change the stored access policy it names), and hand out short-lived SAS tokens at run time instead of shipping one.",
            Positives = [Join("const uploadUrl = \"https://acmeassets.blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2099-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&s", "ig=", Signature(2430), "\";")],
            Negatives =
            [
                "const uploadUrl = \"https://acmeassets.blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31&sig=<signature>\";",
                Join("<img src=\"https://cdn.acme.com/a.png?w=400&s", "ig=", Signature(2431), "\">"),
            ],
        },
    ];

    /// <summary>A rule for one kind of identifiable key: its signature anchors it, its checksum proves it.</summary>
    private static SecretRule Identifiable(AzureKeyKind kind, string id, int seed, string field, string grants, string rotate)
    {
        var chars = kind.UrlSafe ? @"[A-Za-z0-9_\-]" : "[A-Za-z0-9+/]";
        var padding = kind.PaddedLength - kind.UnpaddedLength;
        var alphabet = kind.UrlSafe ? "URL-safe base64" : "base64";
        return new SecretRule
        {
            Id = $"secret/azure-{id}",
            Name = kind.Name,
            Description = $"An {kind.Name} in Microsoft's identifiable format: {kind.PaddedLength} {alphabet} characters whose signature {kind.Signature} stands before a Marvin32 checksum, which proves the key real offline. {grants}",
            Signatures = [kind.Signature],
            Pattern = $"{chars}{{{kind.UnpaddedLength - 10}}}{Regex.Escape(kind.Signature)}{chars}{{6}}" + (padding > 0 ? $"(?:={{{padding}}})?" : ""),
            Validator = AzureIdentifiableKey.Instance,
            Rotate = rotate,
            Positives = [Join(field, AzureKey(kind, seed), "\"")],
            Negatives = [Join(field, "x", AzureKey(kind, seed + 1), "\""), Join(field, AzureKey(kind, seed + 2)[6..], "\"")],
        };
    }

    private static string AzureKey(AzureKeyKind kind, int seed)
    {
        var bytes = new byte[kind.KeyLength];
        new Random(seed).NextBytes(bytes);
        return AzureIdentifiableKey.Create(kind, bytes);
    }

    /// <summary>
    /// A short-form CASK key. Built here rather than with the validator's generator, whose
    /// reserved fields are all 'A': a run the placeholder filter rightly drops, while live keys
    /// carry data there.
    /// </summary>
    private static string Cask(int seed)
    {
        for (var attempt = 0; ; attempt++)
        {
            var random = Random(68, Base62, (seed * 64) + attempt);
            var prefix = Join(random[..52], "JQQJ99", "BF", random[52..], "TEST");
            var bytes = new byte[64];
            Convert.FromBase64String(prefix).CopyTo(bytes, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(60), Marvin32.Compute(bytes.AsSpan(0, 60), CommonAnnotatedSecurityKey.Seed));
            var key = Convert.ToBase64String(bytes)[..84];
            if (!key.Contains('+') && !key.Contains('/'))
                return key;
        }
    }

    /// <summary>A URL-encoded HMAC-SHA256 signature, as a SAS query string carries it.</summary>
    private static string Signature(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        return Uri.EscapeDataString(Convert.ToBase64String(bytes));
    }
}
