using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Dependencies.Npm;
using PackGuard.Findings;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// The <c>lockfile/*</c> checks of one file: where each entry is fetched from, over what, and
/// pinned by what hash. Local, workspace and bundled packages are skipped: they are not fetched.
/// </summary>
internal static class LockfileChecks
{
    /// <summary>Formats that record a hash for every fetched package; an entry without one there is a hole.</summary>
    private static readonly HashSet<string> RecordHashes = new(StringComparer.Ordinal)
    {
        LockfileFormats.PackageLock, LockfileFormats.YarnClassic, LockfileFormats.YarnBerry, LockfileFormats.Pnpm,
        LockfileFormats.NuGetLock, LockfileFormats.Poetry, LockfileFormats.Uv,
    };

    private const int ListedInMessage = 5;

    public static void Check(Lockfile file, DependencyPolicy policy, List<Finding> findings)
    {
        if (file.Problems.Count > 0)
            findings.Add(Problems(file));
        var allowed = AllowedHosts(file, policy);
        var weak = new List<Dependency>();
        foreach (var dependency in file.Dependencies)
        {
            if (dependency.Kind == DependencyKind.Local || dependency.Bundled)
                continue;
            var resolved = dependency.Resolved;
            var label = DependencyFindings.Label(dependency);
            var discriminator = $"{dependency.Key}@{dependency.Version}";
            var insecure = resolved is not null && (resolved.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || resolved.StartsWith("git://", StringComparison.OrdinalIgnoreCase) || resolved.StartsWith("git+http://", StringComparison.OrdinalIgnoreCase));
            if (insecure)
            {
                findings.Add(DependencyFindings.Create(LockfileRules.InsecureTransport, Severity.High, dependency,
                    $"{label} is fetched from {resolved} without TLS; {DependencyFindings.Role(dependency)}.",
                    discriminator, new JsonObject { ["resolved"] = resolved }));
            }
            switch (dependency.Kind)
            {
                case DependencyKind.Git:
                    findings.Add(Git(dependency, label, discriminator));
                    break;
                case DependencyKind.Url:
                    findings.Add(DependencyFindings.Create(LockfileRules.UrlDependency, Severity.Medium, dependency,
                        $"{label} is an archive at {resolved}, not a registry package{(dependency.Integrity is null ? ", and no hash pins its content" : "")}; {DependencyFindings.Role(dependency)}.",
                        discriminator, new JsonObject { ["resolved"] = resolved, ["host"] = RegistryHosts.HostOf(resolved) }));
                    break;
                case DependencyKind.Registry when !insecure && RegistryHosts.HostOf(resolved) is { } host && !allowed.Contains(host):
                    findings.Add(DependencyFindings.Create(LockfileRules.UnexpectedHost, Severity.Medium, dependency,
                        $"{label} is fetched from {host}, which is not an allowed host (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}).",
                        discriminator, new JsonObject { ["resolved"] = resolved, ["host"] = host }));
                    break;
            }
            if (dependency.Kind is DependencyKind.Registry or DependencyKind.Url && RecordHashes.Contains(file.Format))
            {
                // An SRI string may hold several hashes ("sha1-... sha512-..."): the strongest counts.
                var hashes = (dependency.Hashes.Count > 0 ? dependency.Hashes : dependency.Integrity is { } i ? [i] : [])
                    .SelectMany(h => h.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                // An optional package for another platform is not fetched, so package managers record no
                // hash for it (npm 6 and Yarn 2+ do exactly that for esbuild's and Next's platform binaries).
                if (hashes.Count == 0 && !(dependency.Optional && !SourceUrls.IsHttp(resolved ?? "")))
                {
                    findings.Add(DependencyFindings.Create(LockfileRules.MissingIntegrity, Severity.Medium, dependency,
                        $"{label} has no integrity hash in {file.Path}: the install takes whatever {RegistryHosts.HostOf(resolved) ?? "the registry"} serves.",
                        discriminator, new JsonObject { ["resolved"] = resolved }));
                }
                else if (hashes.Count > 0 && hashes.All(IsSha1))
                {
                    weak.Add(dependency);
                }
            }
            if (dependency.Ecosystem == Ecosystems.Npm && resolved is not null && NameMismatch(dependency, resolved) is { } mismatch)
                findings.Add(mismatch);
        }
        if (weak.Count > 0)
            findings.Add(Weak(file, weak));
    }

    /// <summary>The hosts packages of <paramref name="file"/> may come from.</summary>
    public static HashSet<string> AllowedHosts(Lockfile file, DependencyPolicy policy)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (policy.AllowedHosts.Count > 0)
        {
            foreach (var entry in policy.AllowedHosts)
            {
                if (RegistryHosts.HostOfEntry(entry) is { } host)
                    hosts.Add(host);
            }
            return hosts;
        }
        if (file.Ecosystem is { } ecosystem)
            hosts.UnionWith(RegistryHosts.PublicHosts(ecosystem));
        foreach (var source in file.Sources)
        {
            // The lockfile's own registries are what is being judged, not a declaration.
            if (source.Kind != PackageSourceKind.Lockfile && RegistryHosts.HostOf(source.Url) is { } host)
                hosts.Add(host);
        }
        foreach (var entry in policy.InternalRegistries)
        {
            if (RegistryHosts.HostOfEntry(entry) is { } host)
                hosts.Add(host);
        }
        return hosts;
    }

    private static bool IsSha1(string hash) =>
        hash.StartsWith("sha1-", StringComparison.OrdinalIgnoreCase) || hash.StartsWith("sha1:", StringComparison.OrdinalIgnoreCase)
        || hash.StartsWith("md5", StringComparison.OrdinalIgnoreCase);

    private static Finding Git(Dependency dependency, string label, string discriminator)
    {
        var resolved = dependency.Resolved ?? "";
        var reference = GitReference(resolved);
        var pinned = reference is { Length: 40 } && reference.All(char.IsAsciiHexDigit);
        var message = pinned
            ? $"{label} is installed from the git repository {WithoutReference(resolved)} at commit {reference}: pinned, but with no registry record or integrity hash; {DependencyFindings.Role(dependency)}."
            : $"{label} is installed from the git repository {WithoutReference(resolved)} at {(reference is null ? "its default branch" : $"'{reference}'")}, which can move: the next install may take other code; {DependencyFindings.Role(dependency)}.";
        return DependencyFindings.Create(LockfileRules.GitDependency, pinned ? Severity.Low : Severity.Medium, dependency, message, discriminator,
            new JsonObject { ["resolved"] = resolved, ["reference"] = reference, ["pinnedToCommit"] = pinned });
    }

    /// <summary>What follows <c>#</c> in a git URL (<c>commit=</c> of Yarn 2 included), or <see langword="null"/>.</summary>
    internal static string? GitReference(string url)
    {
        var hash = url.LastIndexOf('#');
        if (hash < 0 || hash == url.Length - 1)
            return null;
        var fragment = url[(hash + 1)..];
        foreach (var part in fragment.Split('&'))
        {
            if (part.StartsWith("commit=", StringComparison.Ordinal))
                return part[7..];
        }
        return fragment.Contains('=', StringComparison.Ordinal) ? fragment[(fragment.IndexOf('=', StringComparison.Ordinal) + 1)..] : fragment;
    }

    private static string WithoutReference(string url)
    {
        var hash = url.LastIndexOf('#');
        return hash < 0 ? url : url[..hash];
    }

    /// <summary>A registry-shaped tarball URL that names another package or version than its entry.</summary>
    private static Finding? NameMismatch(Dependency dependency, string resolved)
    {
        if (NpmSpec.RegistryBase(resolved) is not { } registry)
            return null;
        var path = resolved[registry.Length..];
        var hash = path.IndexOf('#');
        if (hash >= 0)
            path = path[..hash];
        var query = path.IndexOf('?');
        if (query >= 0)
            path = path[..query];
        var dash = path.IndexOf("/-/", StringComparison.Ordinal);
        if (dash <= 0)
            return null;
        var urlName = Uri.UnescapeDataString(path[..dash]);
        var file = path[(dash + 3)..];
        var bare = dependency.Name[(dependency.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
        string? urlVersion = null;
        var fileName = Path.GetFileNameWithoutExtension(file);
        var urlBare = urlName[(urlName.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (fileName.StartsWith(urlBare + "-", StringComparison.Ordinal))
            urlVersion = fileName[(urlBare.Length + 1)..];
        var nameDiffers = !string.Equals(urlName, dependency.Name, StringComparison.Ordinal)
            || !fileName.StartsWith(bare + "-", StringComparison.Ordinal);
        var versionDiffers = !nameDiffers && dependency.Version is { } version && urlVersion is not null
            && !string.Equals(urlVersion, version, StringComparison.Ordinal)
            && !string.Equals(urlVersion, version.Split('+')[0], StringComparison.Ordinal);
        if (!nameDiffers && !versionDiffers)
            return null;
        var label = DependencyFindings.Label(dependency);
        var what = nameDiffers ? $"the package {urlName}" : $"version {urlVersion}";
        return DependencyFindings.Create(LockfileRules.NameMismatch, Severity.High, dependency,
            $"The entry for {label} is fetched from {resolved}, which is {what}: the lockfile says one package and installs another.",
            $"{dependency.Key}@{dependency.Version}",
            new JsonObject { ["resolved"] = resolved, ["resolvedPackage"] = urlName, ["resolvedVersion"] = urlVersion });
    }

    private static Finding Weak(Lockfile file, List<Dependency> weak)
    {
        var names = weak.Take(ListedInMessage).Select(DependencyFindings.Label).ToList();
        var more = weak.Count > ListedInMessage ? $" and {weak.Count - ListedInMessage} more" : "";
        var count = weak.Count.ToString("N0", CultureInfo.InvariantCulture);
        return DependencyFindings.ForFile(LockfileRules.WeakIntegrity, Severity.Low, file,
            $"{count} {(weak.Count == 1 ? "package is" : "packages are")} pinned by SHA-1 only in {file.Path}: {string.Join(", ", names)}{more}.",
            new JsonObject
            {
                ["count"] = weak.Count,
                ["packages"] = new JsonArray([.. weak.Select(d => (JsonNode)DependencyFindings.Label(d))]),
            },
            weak[0].Location.Line);
    }

    private static Finding Problems(Lockfile file)
    {
        var count = file.Problems.Count;
        var first = string.Join("; ", file.Problems.Take(3));
        var read = file.Dependencies.Count.ToString("N0", CultureInfo.InvariantCulture);
        return DependencyFindings.ForFile(LockfileRules.Unreadable, Severity.Medium, file,
            $"{count} {(count == 1 ? "problem" : "problems")} reading {file.Path} ({read} packages read and audited): {first}{(count > 3 ? "; …" : "")}.",
            new JsonObject
            {
                ["problems"] = new JsonArray([.. file.Problems.Take(100).Select(p => (JsonNode)p)]),
                ["problemCount"] = count,
                ["packagesRead"] = file.Dependencies.Count,
            });
    }
}
