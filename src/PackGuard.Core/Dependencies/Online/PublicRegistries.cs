namespace PackGuard.Dependencies.Online;

/// <summary>
/// Where each ecosystem's public registry lives. Dependency confusion is about these registries,
/// whatever a project's own configuration points at, so the defaults are the public services;
/// tests point them at a fake.
/// </summary>
/// <param name="Npm">The npm registry's base address.</param>
/// <param name="NuGet">The NuGet v3 service index.</param>
/// <param name="PyPI">The Python Package Index's base address (its JSON API lives under <c>pypi/</c>).</param>
public sealed record PublicRegistries(Uri Npm, Uri NuGet, Uri PyPI)
{
    /// <summary>registry.npmjs.org, nuget.org and pypi.org.</summary>
    public static PublicRegistries Default { get; } = new(
        new Uri("https://registry.npmjs.org/"),
        new Uri("https://api.nuget.org/v3/index.json"),
        new Uri("https://pypi.org/"));
}
