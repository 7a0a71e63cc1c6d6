namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// The identifiable key kinds PackGuard can validate offline. Signatures, seeds and lengths are
/// those Microsoft publishes for its identifiable keys (microsoft/security-utilities).
/// </summary>
internal static class AzureKeyKinds
{
    private static readonly AzureKeySeed[] MessagingSeeds =
    [
        new(0x53656e6430303030, "send"),
        new(0x4c697374656e3030, "listen"),
        new(0x4d616e6167653030, "manage"),
    ];

    /// <summary>Azure Storage account keys.</summary>
    public static readonly AzureKeyKind Storage = new("Azure Storage account key", "+ASt", 64, false, [new(0x44656661756c7430)]);

    /// <summary>Azure Cosmos DB keys.</summary>
    public static readonly AzureKeyKind CosmosDb = new("Azure Cosmos DB key", "ACDb", 64, false,
    [
        new(0x4d617374524f3030, "master read-only"),
        new(0x4d61737452573030, "master read-write"),
        new(0x5265736f75723030, "resource"),
        new(0x537973416c6c3030, "system all"),
        new(0x53797374524f3030, "system read-only"),
        new(0x5379737452573030, "system read-write"),
        new(0x456e637279703030, "data encryption"),
    ]);

    /// <summary>Azure Service Bus keys.</summary>
    public static readonly AzureKeyKind ServiceBus = new("Azure Service Bus key", "+ASb", 32, false, MessagingSeeds);

    /// <summary>Azure Event Hubs keys.</summary>
    public static readonly AzureKeyKind EventHub = new("Azure Event Hubs key", "+AEh", 32, false, MessagingSeeds);

    /// <summary>Azure Relay keys.</summary>
    public static readonly AzureKeyKind Relay = new("Azure Relay key", "+ARm", 32, false, MessagingSeeds);

    /// <summary>Azure Functions keys (URL-safe: they travel in query strings).</summary>
    public static readonly AzureKeyKind Functions = new("Azure Functions key", "AzFu", 40, true,
    [
        new(0x46756e6374693030, "function"),
        new(0x53797374656d3030, "system"),
        new(0x4d61737465723030, "master"),
    ]);

    /// <summary>Azure Batch account keys.</summary>
    public static readonly AzureKeyKind Batch = new("Azure Batch account key", "+ABa", 64, false, [new(0x4162416363743030)]);

    /// <summary>Azure Cache for Redis keys.</summary>
    public static readonly AzureKeyKind CacheForRedis = new("Azure Cache for Redis key", "AzCa", 32, false, [new(0x4163636573733030)]);

    /// <summary>Azure AI Search keys.</summary>
    public static readonly AzureKeyKind Search = new("Azure AI Search key", "AzSe", 39, false,
    [
        new(0x5175657279303030, "query"),
        new(0x5041646d696e3030, "admin"),
    ]);

    /// <summary>Azure Container Registry keys.</summary>
    public static readonly AzureKeyKind ContainerRegistry = new("Azure Container Registry key", "+ACR", 39, false, [new(0x41435244666c7430)]);

    /// <summary>Azure API Management keys.</summary>
    public static readonly AzureKeyKind ApiManagement = new("Azure API Management key", "APIM", 64, false,
    [
        new(0x54656e616e743030, "direct management"),
        new(0x496f544875623030, "subscription"),
        new(0x4761746577793030, "gateway"),
        new(0x4769744b65793030, "repository"),
    ]);

    /// <summary>Azure IoT keys.</summary>
    public static readonly AzureKeyKind Iot = new("Azure IoT key", "AIoT", 32, false,
    [
        new(0x496f544875623030, "IoT Hub"),
        new(0x4470734b65793030, "device provisioning"),
        new(0x4465766963653030, "device"),
    ]);

    /// <summary>Azure Machine Learning (classic) web service keys.</summary>
    public static readonly AzureKeyKind MachineLearningClassic = new("Azure Machine Learning (classic) web service key", "+AMC", 64, false, [new(0x436c617373696330)]);

    /// <summary>Every kind, in the order they are tried.</summary>
    public static readonly IReadOnlyList<AzureKeyKind> All =
    [
        Storage, CosmosDb, ServiceBus, EventHub, Relay, Functions, Batch, CacheForRedis,
        Search, ContainerRegistry, ApiManagement, Iot, MachineLearningClassic,
    ];
}
