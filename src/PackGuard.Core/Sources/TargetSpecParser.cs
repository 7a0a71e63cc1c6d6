using PackGuard.Sources.NuGet;
using PackGuard.Sources.Npm;

namespace PackGuard.Sources;

/// <summary>
/// Turns what the user typed into a <see cref="TargetSpec"/>: <c>npm:name[@version|tag|range]</c>,
/// <c>nuget:Id[@version]</c>, <c>pkg:npm/...</c> and <c>pkg:nuget/...</c> package URLs, and
/// anything else as a local path. Nothing here touches the file system or the network.
/// </summary>
public static class TargetSpecParser
{
    private const string NpmPrefix = "npm:";
    private const string NuGetPrefix = "nuget:";
    private const string Forms = "a file, a directory, npm:<name>[@<version>], nuget:<id>[@<version>], or a package URL (pkg:npm/..., pkg:nuget/...)";

    /// <summary>Parses a target spec.</summary>
    /// <exception cref="InvalidTargetSpecException">The spec names a registry but is malformed.</exception>
    public static TargetSpec Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (string.IsNullOrWhiteSpace(raw))
            throw new InvalidTargetSpecException($"The target is empty. Give {Forms}.");

        if (raw.StartsWith(NpmPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var (name, version) = SplitNpm(raw, raw[NpmPrefix.Length..]);
            return Npm(raw, name, version, registry: null);
        }
        if (raw.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var text = raw[NuGetPrefix.Length..];
            var at = text.IndexOf('@', StringComparison.Ordinal);
            return at < 0
                ? NuGet(raw, text, null, registry: null)
                : NuGet(raw, text[..at], RequireVersion(raw, text[(at + 1)..]), registry: null);
        }
        if (PackageUrl.LooksLikePackageUrl(raw))
            return FromPackageUrl(raw, PackageUrl.Parse(raw));
        if (raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidTargetSpecException($"'{raw}' is a web address; PackGuard does not download arbitrary URLs. Give {Forms}.");

        return new TargetSpec(raw, TargetKind.Local, raw, null);
    }

    private static TargetSpec FromPackageUrl(string raw, PackageUrl purl)
    {
        var registry = purl.Qualifiers.TryGetValue("repository_url", out var url) ? RepositoryUrl(raw, url) : null;
        switch (purl.Type)
        {
            case "npm":
                var name = purl.Namespace is null ? purl.Name
                    : (purl.Namespace.StartsWith('@') ? purl.Namespace : "@" + purl.Namespace) + "/" + purl.Name;
                return Npm(raw, name, purl.Version, registry);
            case "nuget":
                if (purl.Namespace is not null)
                    throw new InvalidTargetSpecException($"Package URL '{raw}': NuGet packages have no namespace (expected pkg:nuget/<id>@<version>).");
                return NuGet(raw, purl.Name, purl.Version, registry);
            default:
                throw new InvalidTargetSpecException(
                    $"Package URL type '{purl.Type}' is not supported in '{raw}'. Supported types: npm, nuget.");
        }
    }

    private static TargetSpec Npm(string raw, string name, string? version, Uri? registry)
    {
        if (name.Length == 0)
            throw new InvalidTargetSpecException($"'{raw}' names no package. Expected npm:<name>[@<version|tag|range>], e.g. npm:left-pad@1.3.0.");
        if (NpmPackageName.Validate(name) is { } problem)
            throw new InvalidTargetSpecException($"'{raw}': '{name}' is not a valid npm package name: {problem}.");
        return new TargetSpec(raw, TargetKind.Npm, name, version) { RegistryOverride = registry };
    }

    private static TargetSpec NuGet(string raw, string id, string? version, Uri? registry)
    {
        if (id.Length == 0)
            throw new InvalidTargetSpecException($"'{raw}' names no package. Expected nuget:<id>[@<version>], e.g. nuget:Newtonsoft.Json@13.0.3.");
        if (NuGetPackageId.Validate(id) is { } problem)
            throw new InvalidTargetSpecException($"'{raw}': '{id}' is not a valid NuGet package id: {problem}.");
        if (version is not null)
        {
            if (!NuGetVersion.TryParse(version, out var parsed))
                throw new InvalidTargetSpecException($"'{raw}': '{version}' is not a valid NuGet version (expected e.g. 1.2.3 or 1.2.3-beta.1).");
            version = parsed.Normalized;
        }
        return new TargetSpec(raw, TargetKind.NuGet, id, version) { RegistryOverride = registry };
    }

    private static (string Name, string? Version) SplitNpm(string raw, string text)
    {
        // A scope starts with '@', so the version separator is the first '@' after it.
        var at = text.IndexOf('@', text.StartsWith('@') ? 1 : 0);
        return at < 0 ? (text, null) : (text[..at], RequireVersion(raw, text[(at + 1)..]));
    }

    private static string RequireVersion(string raw, string version)
    {
        version = version.Trim();
        if (version.Length == 0)
            throw new InvalidTargetSpecException($"'{raw}' has '@' but no version after it.");
        return version;
    }

    private static Uri RepositoryUrl(string raw, string value)
    {
        // purl examples write repository_url without a scheme (repo.example.com/npm).
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidTargetSpecException($"Package URL '{raw}': repository_url '{value}' is not an http(s) address.");
        return uri;
    }
}
