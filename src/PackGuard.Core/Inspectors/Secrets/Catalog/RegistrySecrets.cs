namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Package registries and developer infrastructure: npm, NuGet, PyPI, Docker Hub, JFrog, RubyGems, crates.io, Terraform, Vault, ...</summary>
internal static class RegistrySecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } = [];
}
