namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>SaaS APIs: observability, productivity, maps, search, ...</summary>
internal static class SaasSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } = [];
}
