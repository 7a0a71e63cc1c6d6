using System.Globalization;
using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Npm;

/// <summary>
/// Reads <c>pnpm-lock.yaml</c>. The three generations key packages differently: 5.x
/// <c>/a/1.0.0_peer@2.0.0</c>, 6.x <c>/a@1.0.0(peer@2.0.0)</c>, 9.x <c>a@1.0.0</c> in
/// <c>packages</c> (what is fetched) with the peer-resolved instances in <c>snapshots</c> (what
/// depends on what). <c>importers</c> (or, for a single project before 9.0, the top-level
/// <c>dependencies</c>) say what the project declares. 5.x and 6.x mark <c>dev</c> and
/// <c>requiresBuild</c>; for 9.x development-only packages are found from the graph.
/// </summary>
internal static class PnpmLockReader
{
    public static void Read(IReadOnlyList<YamlNode> documents, ReadContext context)
    {
        var read = false;
        foreach (var document in documents)
        {
            if (document["lockfileVersion"] is null && document["packages"] is null && document["importers"] is null)
                continue;
            ReadDocument(document, context);
            read = true;
        }
        if (!read)
            context.Builder.Problem("no 'lockfileVersion', 'importers' or 'packages': not a pnpm lockfile");
        NpmConfig.AddSources(context);
    }

    private static void ReadDocument(YamlNode root, ReadContext context)
    {
        var builder = context.Builder;
        var version = root["lockfileVersion"]?.Text;
        builder.FormatVersion ??= version;
        var generation = Generation(version);
        if (root["registry"] is { Text: { } registry } registryNode)
            builder.Source(new PackageSource(registry, PackageSourceKind.Lockfile, builder.At(registryNode.Line)));

        var graph = new DependencyGraph();
        var direct = new HashSet<string>(StringComparer.Ordinal);
        var aliases = new List<(string Alias, string PackageKey, bool Direct)>();

        foreach (var (_, importer) in Importers(root))
        {
            foreach (var (group, dev) in new[] { ("dependencies", false), ("optionalDependencies", false), ("devDependencies", true) })
            {
                foreach (var dependency in importer[group]?.Entries ?? [])
                {
                    var reference = generation >= 6 && dependency.Value is YamlMap ? dependency.Value["version"]?.Text : dependency.Value.Text;
                    if (reference is null)
                        continue;
                    if (reference.StartsWith("link:", StringComparison.Ordinal))
                    {
                        AddLink(dependency.Key, reference, dependency.Line, context);
                        continue;
                    }
                    var (snapshot, realName) = SnapshotKey(dependency.Key, reference, generation);
                    var packageKey = PackageKey(snapshot, generation);
                    if (realName != dependency.Key)
                        aliases.Add((dependency.Key, packageKey, true));
                    else
                        direct.Add(packageKey);
                    if (dev)
                        graph.DevelopmentRoot(snapshot);
                    else
                        graph.ProductionRoot(snapshot);
                }
            }
        }

        // 9.x keeps the graph in snapshots; earlier versions in packages.
        var graphSection = generation >= 9 ? root["snapshots"] : root["packages"];
        var snapshotsOfPackage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var optionalSnapshots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in graphSection?.Entries ?? [])
        {
            var packageKey = PackageKey(entry.Key, generation);
            if (!snapshotsOfPackage.TryGetValue(packageKey, out var list))
                snapshotsOfPackage[packageKey] = list = [];
            list.Add(entry.Key);
            if (entry.Value["optional"]?.IsTrue == true)
                optionalSnapshots.Add(entry.Key);
            foreach (var group in new[] { "dependencies", "optionalDependencies" })
            {
                foreach (var dependency in entry.Value[group]?.Entries ?? [])
                {
                    if (dependency.Value.Text is not { } reference || reference.StartsWith("link:", StringComparison.Ordinal))
                        continue;
                    var (target, realName) = SnapshotKey(dependency.Key, reference, generation);
                    graph.Edge(entry.Key, target);
                    if (realName != dependency.Key)
                        aliases.Add((dependency.Key, PackageKey(target, generation), false));
                }
            }
        }
        var devOnly = generation >= 9 && graph.HasRoots ? graph.DevelopmentOnly() : null;

        var emitted = new Dictionary<string, Dependency>(StringComparer.Ordinal);
        foreach (var entry in root["packages"]?.Entries ?? [])
        {
            if (entry.Value is not YamlMap)
            {
                builder.Problem($"package {builder.Quote(entry.Key)} is not a mapping", entry.Line);
                continue;
            }
            var dependency = Package(entry, generation, context);
            if (dependency is null)
                continue;
            var packageKey = PackageKey(entry.Key, generation);
            var snapshots = snapshotsOfPackage.GetValueOrDefault(packageKey) ?? [entry.Key];
            dependency = dependency with
            {
                Direct = direct.Contains(packageKey),
                Dev = devOnly is null ? entry.Value["dev"]?.IsTrue == true : snapshots.All(devOnly.Contains),
                Optional = entry.Value["optional"]?.IsTrue == true || (snapshots.Count > 0 && snapshots.All(optionalSnapshots.Contains)),
            };
            builder.Add(dependency);
            emitted.TryAdd(packageKey, dependency);
        }
        foreach (var (alias, packageKey, isDirect) in aliases)
        {
            if (emitted.TryGetValue(packageKey, out var target) && target.Name != alias)
                builder.Add(target with { Alias = alias, Direct = isDirect });
        }
    }

    private static Dependency? Package(YamlEntry entry, int generation, ReadContext context)
    {
        var node = entry.Value;
        var (keyName, keyVersion) = ParsePackageKey(PackageKey(entry.Key, generation), generation);
        var name = node["name"]?.Text ?? keyName;
        var version = node["version"]?.Text ?? keyVersion;
        if (string.IsNullOrEmpty(name))
        {
            context.Builder.Problem($"cannot tell the package name of {context.Builder.Quote(entry.Key)}", entry.Line);
            return null;
        }
        var resolution = node["resolution"];
        var integrity = resolution?["integrity"]?.Text;
        var tarball = resolution?["tarball"]?.Text;
        string? resolved;
        DependencyKind kind;
        if (resolution?["type"]?.Text == "git" || resolution?["repo"] is not null)
        {
            var repo = resolution?["repo"]?.Text;
            var commit = resolution?["commit"]?.Text;
            resolved = commit is null ? repo : repo + "#" + commit;
            kind = DependencyKind.Git;
        }
        else if (resolution?["type"]?.Text == "directory" || resolution?["directory"] is not null)
        {
            resolved = "file:" + resolution?["directory"]?.Text;
            kind = DependencyKind.Local;
        }
        else if (tarball is not null)
        {
            resolved = tarball;
            kind = tarball.StartsWith("file:", StringComparison.Ordinal) ? DependencyKind.Local : NpmSpec.KindOf(tarball);
            PackageLockReader.AddRegistry(context, tarball, entry.Line);
        }
        else
        {
            resolved = null;
            kind = DependencyKind.Registry;
        }
        if (version is not null && (version.StartsWith("file:", StringComparison.Ordinal) || SourceUrls.IsHttp(version) || SourceUrls.IsGit(version)))
            version = null;
        return new Dependency(Ecosystems.Npm, name, version)
        {
            Resolved = resolved,
            Integrity = integrity,
            Hashes = integrity is null ? [] : [integrity],
            // pnpm 7 and 8 write requiresBuild: true for every optional package they did not fetch, so
            // for an optional package it means "unknown", not "runs a script"; 9.x does not record it.
            HasInstallScript = generation >= 9 || node["optional"]?.IsTrue == true ? null : node["requiresBuild"]?.IsTrue == true,
            Kind = kind,
            Location = context.Builder.At(entry.Line),
        };
    }

    private static void AddLink(string name, string reference, int line, ReadContext context) =>
        context.Builder.Add(new Dependency(Ecosystems.Npm, name, null)
        {
            Resolved = reference,
            Direct = true,
            Kind = DependencyKind.Local,
            Location = context.Builder.At(line),
        });

    /// <summary>The importers: <c>importers</c> by path, or the root itself for a single project before 9.0.</summary>
    private static IEnumerable<(string Path, YamlNode Importer)> Importers(YamlNode root)
    {
        if (root["importers"] is { } importers)
        {
            foreach (var entry in importers.Entries)
                yield return (entry.Key, entry.Value);
        }
        else
            yield return (".", root);
    }

    /// <summary>5, 6 or 9 (later versions read as 9); an unknown or missing version as 5.</summary>
    private static int Generation(string? version)
    {
        if (version is null || !double.TryParse(version.Trim('\'', '"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return 5;
        return number >= 9 ? 9 : number >= 6 ? 6 : 5;
    }

    /// <summary>
    /// The snapshot (or 5.x/6.x package) key a dependency's reference points to, and the real
    /// name of the package (different from the dependency's name for an alias).
    /// </summary>
    internal static (string Key, string Name) SnapshotKey(string name, string reference, int generation)
    {
        if (reference.StartsWith('/'))
            return (reference, ParsePackageKey(PackageKey(reference, generation), generation).Name ?? name);
        if (generation >= 9)
        {
            // 9.x writes a version (4.1.0(peer@1.0.0)) or, for an alias, the real package's key (lodash@4.17.21).
            var looksLikeKey = !char.IsAsciiDigit(reference[0]) && reference.IndexOf('@', reference.StartsWith('@') ? 1 : 0) > 0
                && !reference.StartsWith("file:", StringComparison.Ordinal) && !SourceUrls.IsHttp(reference) && !SourceUrls.IsGit(reference);
            return looksLikeKey ? (reference, NpmSpec.SplitNameAndRange(PackageKey(reference, 9)).Name) : (name + "@" + reference, name);
        }
        if (!char.IsAsciiDigit(reference[0]))
            return (reference, name);
        return generation >= 6 ? ("/" + name + "@" + reference, name) : ("/" + name + "/" + reference, name);
    }

    /// <summary>A key without its peer-dependency suffix: <c>(peer@1)</c> for 6.x and 9.x, <c>_peer@1</c> for 5.x.</summary>
    internal static string PackageKey(string key, int generation)
    {
        if (generation >= 6)
        {
            var paren = key.IndexOf('(');
            return paren > 0 ? key[..paren] : key;
        }
        if (!key.StartsWith('/'))
            return key;
        var (name, version) = ParsePackageKey(key, generation);
        if (name is null || version is null)
            return key;
        var underscore = version.IndexOf('_');
        return underscore > 0 ? "/" + name + "/" + version[..underscore] : key;
    }

    /// <summary>The name and version in a registry package key (<c>/@s/a/1.0.0</c>, <c>/@s/a@1.0.0</c>, <c>@s/a@1.0.0</c>).</summary>
    internal static (string? Name, string? Version) ParsePackageKey(string key, int generation)
    {
        var trimmed = key.StartsWith('/') ? key[1..] : key;
        if (generation >= 6 || !key.StartsWith('/'))
        {
            var (name, version) = NpmSpec.SplitNameAndRange(trimmed);
            return version.Length == 0 ? (null, null) : (name, version);
        }
        var parts = trimmed.Split('/');
        if (trimmed.StartsWith('@'))
            return parts.Length >= 3 ? (parts[0] + "/" + parts[1], string.Join('/', parts[2..])) : (null, null);
        return parts.Length >= 2 ? (parts[0], string.Join('/', parts[1..])) : (null, null);
    }
}
