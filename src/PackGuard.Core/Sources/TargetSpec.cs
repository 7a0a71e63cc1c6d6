namespace PackGuard.Sources;

/// <summary>What kind of place a target comes from.</summary>
public enum TargetKind
{
    /// <summary>A file or directory on this machine.</summary>
    Local,

    /// <summary>A package in the npm registry the user's npm configuration names.</summary>
    Npm,

    /// <summary>A package in the NuGet feed the user's NuGet configuration names.</summary>
    NuGet,
}

/// <summary>
/// A parsed target: <c>./pkg.tgz</c>, <c>./dist</c>, <c>npm:name@1.2.3</c>, <c>nuget:Id@1.0.0</c>,
/// <c>pkg:npm/%40scope/name@1.2.3</c> or <c>pkg:nuget/Id@1.0.0</c>.
/// </summary>
/// <param name="Raw">The spec as the user wrote it; reports echo it.</param>
/// <param name="Kind">Local or which registry.</param>
/// <param name="Name">Package name (registry) or path (local).</param>
/// <param name="Version">Version or dist-tag; <see langword="null"/> means the latest.</param>
public sealed record TargetSpec(string Raw, TargetKind Kind, string Name, string? Version)
{
    /// <summary>A registry base URL that overrides the user's configuration (purl <c>repository_url</c>).</summary>
    public Uri? RegistryOverride { get; init; }
}
