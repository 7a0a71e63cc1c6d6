using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Npm;

/// <summary>
/// Reads <c>package-lock.json</c> and <c>npm-shrinkwrap.json</c>. Versions 2 and 3 list every
/// installed folder under <c>packages</c> (<c>node_modules/a/node_modules/b</c>), with the root
/// project under <c>""</c> and workspaces under their folders; version 1 nests
/// <c>dependencies</c>. A version 2 file has both, and <c>packages</c> is read.
/// </summary>
internal static class PackageLockReader
{
    public static void Read(JsonTree root, ReadContext context)
    {
        var builder = context.Builder;
        builder.FormatVersion = root["lockfileVersion"]?.Text;
        if (root is not JsonObject)
        {
            builder.Problem("the file is JSON but not an object");
            return;
        }
        if (root["packages"] is JsonObject packages)
            ReadPackages(packages, context);
        else if (root["dependencies"] is JsonObject dependencies)
            ReadVersion1(dependencies, context);
        else
            builder.Problem("neither a 'packages' nor a 'dependencies' object: not a package-lock.json");
        NpmConfig.AddSources(context);
    }

    private static void ReadPackages(JsonObject packages, ReadContext context)
    {
        var direct = DirectInstallPaths(packages);
        foreach (var member in packages.Members)
        {
            var path = member.Key;
            var entry = member.Value;
            if (path.Length == 0 || !path.Contains("node_modules/", StringComparison.Ordinal))
                continue;
            if (entry is not JsonObject)
            {
                context.Builder.Problem($"entry {context.Builder.Quote(path)} is not an object", member.Line);
                continue;
            }
            var folderName = NpmSpec.NameFromInstallPath(path);
            var link = entry["link"]?.IsTrue == true;
            var resolved = entry["resolved"]?.Text;
            string name;
            string? version;
            if (link)
            {
                // A workspace or file: dependency: the link names the folder whose entry holds the package.
                var target = resolved is null ? null : packages[resolved];
                name = target?["name"]?.Text ?? folderName;
                version = target?["version"]?.Text;
            }
            else
            {
                name = entry["name"]?.Text ?? folderName;
                version = entry["version"]?.Text;
            }
            var integrity = entry["integrity"]?.Text;
            var bundled = entry["inBundle"]?.IsTrue == true;
            var kind = link ? DependencyKind.Local : NpmSpec.KindOf(resolved);
            if (!link && resolved is null && version is not null && NpmSpec.KindOf(version) is not DependencyKind.Registry and var versionKind)
                kind = versionKind;
            context.Builder.Add(new Dependency(Ecosystems.Npm, name, version)
            {
                Resolved = resolved,
                Integrity = integrity,
                Hashes = integrity is null ? [] : [integrity],
                // A link is a workspace or a file: dependency: part of the project itself.
                Direct = link || direct.Contains(path),
                Dev = entry["dev"]?.IsTrue == true,
                Optional = entry["optional"]?.IsTrue == true || entry["devOptional"]?.IsTrue == true,
                HasInstallScript = link ? null : entry["hasInstallScript"]?.IsTrue == true,
                Alias = name != folderName ? folderName : null,
                Bundled = bundled,
                Kind = kind,
                Location = context.Builder.At(member.Line),
            });
            AddRegistry(context, resolved, member.Line);
        }
    }

    /// <summary>
    /// The install paths of the packages the root project and its workspaces declare: each name
    /// resolved as Node does, from the declaring folder's node_modules up to the root's.
    /// </summary>
    private static HashSet<string> DirectInstallPaths(JsonObject packages)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in packages.Members)
        {
            var folder = member.Key;
            if (folder.Contains("node_modules/", StringComparison.Ordinal) || member.Value is not JsonObject)
                continue;
            var manifest = NpmManifest.From(member.Value);
            foreach (var (name, _, _) in manifest.All)
            {
                for (var dir = folder; ; dir = Parent(dir))
                {
                    var candidate = (dir.Length == 0 ? "" : dir + "/") + "node_modules/" + name;
                    if (packages[candidate] is not null)
                    {
                        paths.Add(candidate);
                        break;
                    }
                    if (dir.Length == 0)
                        break;
                }
            }
        }
        return paths;
    }

    private static string Parent(string folder)
    {
        var slash = folder.LastIndexOf('/');
        return slash < 0 ? "" : folder[..slash];
    }

    private static void ReadVersion1(JsonObject dependencies, ReadContext context)
    {
        var manifest = NpmManifest.Beside(context, context.Directory);
        var declared = manifest?.All.Select(d => d.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        // Depth-first in the file's order, so that the first location of a package is its first line.
        Walk(dependencies, 0);

        void Walk(JsonObject level, int depth)
        {
            if (depth > context.Limits.MaxNesting)
            {
                context.Builder.Problem($"'dependencies' nested more than {context.Limits.MaxNesting} levels deep; the rest was not read", level.Line);
                return;
            }
            foreach (var member in level.Members)
            {
                if (member.Value is not JsonObject entry)
                {
                    context.Builder.Problem($"entry {context.Builder.Quote(member.Key)} is not an object", member.Line);
                    continue;
                }
                var local = entry["version"]?.Text?.StartsWith("file:", StringComparison.Ordinal) == true;
                AddVersion1(member.Key, member.Line, entry, depth == 0 && (local || declared.Contains(member.Key)), context);
                if (entry["dependencies"] is JsonObject nested)
                    Walk(nested, depth + 1);
            }
        }
    }

    private static void AddVersion1(string key, int line, JsonTree entry, bool direct, ReadContext context)
    {
        var version = entry["version"]?.Text;
        var resolved = entry["resolved"]?.Text;
        var integrity = entry["integrity"]?.Text;
        var name = key;
        string? alias = null;
        if (version is not null && NpmSpec.AliasTarget(version) is var (target, targetVersion))
        {
            name = target;
            alias = key;
            version = targetVersion;
        }
        var kind = NpmSpec.KindOf(resolved);
        if (version is not null && NpmSpec.KindOf(version) is not DependencyKind.Registry and var versionKind)
        {
            // Git and file: dependencies carry their spec in "version"; it is where they come from, not a version.
            kind = versionKind;
            resolved ??= version;
            version = null;
        }
        context.Builder.Add(new Dependency(Ecosystems.Npm, name, version)
        {
            Resolved = resolved,
            Integrity = integrity,
            Hashes = integrity is null ? [] : [integrity],
            Direct = direct,
            Dev = entry["dev"]?.IsTrue == true,
            Optional = entry["optional"]?.IsTrue == true,
            Alias = alias,
            Bundled = entry["bundled"]?.IsTrue == true,
            Kind = kind,
            Location = context.Builder.At(line),
        });
        AddRegistry(context, resolved, line);
    }

    /// <summary>Records the registry a registry-shaped tarball URL came from.</summary>
    internal static void AddRegistry(ReadContext context, string? resolved, int? line)
    {
        if (resolved is not null && NpmSpec.RegistryBase(resolved) is { } registry)
            context.Builder.Source(new PackageSource(registry, PackageSourceKind.Lockfile, context.Builder.At(line)));
    }
}
