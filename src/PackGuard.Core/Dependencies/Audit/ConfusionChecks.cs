using System.Text.Json.Nodes;
using PackGuard.Findings;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// <c>dependency/confusion</c> from what is on disk: an internal name the lockfile resolves from a
/// public registry, or one the project's configuration would let a package manager look up there.
/// The <c>--online</c> half (the name exists publicly, or is unclaimed) comes with the registry look-ups.
/// </summary>
internal static class ConfusionChecks
{
    /// <summary>The finding for internal <paramref name="dependency"/> of <paramref name="file"/>, or <see langword="null"/> when it is fetched and routed safely.</summary>
    /// <param name="dependency">The package.</param>
    /// <param name="why">Why its name is internal, for the message.</param>
    /// <param name="file">Its lockfile, with the sources its configuration declares.</param>
    /// <param name="policy">The policy (internal registries).</param>
    public static Finding? Check(Dependency dependency, string why, Lockfile file, DependencyPolicy policy)
    {
        if (dependency.Kind != DependencyKind.Registry)
            return null;
        var label = DependencyFindings.Label(dependency);
        var publicName = RegistryHosts.PublicName(dependency.Ecosystem);
        var host = RegistryHosts.HostOf(dependency.Resolved);
        var discriminator = $"{dependency.Key}@{dependency.Version}";
        if (host is not null && RegistryHosts.PublicHosts(dependency.Ecosystem).Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return DependencyFindings.Create(DependencyRules.Confusion, Severity.Critical, dependency,
                $"{label} has an internal name ({why}) but the lockfile resolves it from {host}, {publicName}: whoever published that name there is who this install runs.",
                discriminator, Properties("resolved-from-public", why, host));
        }
        var sources = file.Sources.Where(s => s.Kind != PackageSourceKind.Lockfile).ToList();
        return dependency.Ecosystem switch
        {
            Ecosystems.PyPI => PyPI(dependency, why, sources, label, discriminator),
            Ecosystems.NuGet => NuGet(dependency, why, sources, label, discriminator),
            Ecosystems.Npm => Npm(dependency, why, sources, label, discriminator, policy),
            _ => null,
        };
    }

    private static Finding? PyPI(Dependency dependency, string why, List<PackageSource> sources, string label, string discriminator)
    {
        var extra = sources.FirstOrDefault(s => s.Kind == PackageSourceKind.ExtraIndex);
        if (extra is null)
            return null;
        return DependencyFindings.Create(DependencyRules.Confusion, Severity.High, dependency,
            $"{label} has an internal name ({why}) and {Where(extra)} adds {extra.Url} as an extra index: pip and its peers look "
            + "in every index and take the highest version, so a higher version published on PyPI under this name wins.",
            discriminator, Properties("extra-index", why, RegistryHosts.HostOf(extra.Url)));
    }

    private static Finding? NuGet(Dependency dependency, string why, List<PackageSource> sources, string label, string discriminator)
    {
        var indexes = sources.Where(s => s.Kind == PackageSourceKind.Index).ToList();
        var publicSource = indexes.FirstOrDefault(s => RegistryHosts.HostOf(s.Url) is { } h && RegistryHosts.IsPublic(h));
        if (publicSource is null || indexes.Count < 2)
            return null;
        var mapped = sources.Any(s => s.Kind == PackageSourceKind.Scoped && s.Scope is { } pattern && Matches(pattern, dependency.Name));
        if (mapped)
            return null;
        return DependencyFindings.Create(DependencyRules.Confusion, Severity.High, dependency,
            $"{label} has an internal name ({why}), and {Where(publicSource)} lists nuget.org beside other sources with no "
            + "packageSourceMapping for it: restore asks every source, so a package published on nuget.org under this name can be the one installed.",
            discriminator, Properties("unmapped-nuget-sources", why, RegistryHosts.HostOf(publicSource.Url)));
    }

    private static Finding? Npm(Dependency dependency, string why, List<PackageSource> sources, string label, string discriminator, DependencyPolicy policy)
    {
        var slash = dependency.Name.IndexOf('/', StringComparison.Ordinal);
        var scope = dependency.Name.StartsWith('@') && slash > 0 ? dependency.Name[..slash] : null;
        if (scope is not null && sources.Any(s => s.Kind == PackageSourceKind.Scoped && string.Equals(s.Scope, scope, StringComparison.OrdinalIgnoreCase)))
            return null;
        // A default registry that is not public (a company registry proxying the public one) routes every name.
        var index = sources.LastOrDefault(s => s.Kind == PackageSourceKind.Index);
        if (index is not null && RegistryHosts.HostOf(index.Url) is { } host && !RegistryHosts.IsPublic(host))
            return null;
        if (index is null && policy.InternalRegistries.Count == 0 && sources.Count == 0)
        {
            // Nothing on disk says where installs go; the lockfile's URL (checked above) is all there is.
            return null;
        }
        var what = scope is null
            ? "no configuration beside the lockfile sends it to a private registry"
            : $"no .npmrc or .yarnrc.yml beside the lockfile routes {scope} to a private registry";
        return DependencyFindings.Create(DependencyRules.Confusion, Severity.Medium, dependency,
            $"{label} has an internal name ({why}), but {what}: an install without this lockfile (a new branch, npm install {dependency.Name}) asks the npm registry for it.",
            discriminator, Properties("unrouted-scope", why, null));
    }

    /// <summary>A NuGet package source mapping pattern: an ID, or a prefix ending in <c>*</c>; case does not matter.</summary>
    internal static bool Matches(string pattern, string id) =>
        pattern.EndsWith('*')
            ? id.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, id, StringComparison.OrdinalIgnoreCase);

    private static string Where(PackageSource source) =>
        source.Location.Line is { } line ? $"{source.Location.Path}:{line}" : source.Location.Path;

    private static JsonObject Properties(string kind, string why, string? host) => new()
    {
        ["confusion"] = kind,
        ["internalBecause"] = why,
        ["host"] = host,
    };
}
