using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Python;

/// <summary>
/// Reads <c>uv.lock</c>: each <c>[[package]]</c> with <c>name</c>, <c>version</c>,
/// <c>source</c> (<c>registry</c>, <c>git</c>, <c>url</c>, <c>path</c>, <c>directory</c>,
/// <c>editable</c>, <c>virtual</c>), <c>sdist</c> and <c>wheels</c> with their hashes, and
/// <c>dependencies</c>, <c>optional-dependencies</c> and <c>dev-dependencies</c>. The project's
/// own packages (editable or virtual) say what is declared; the graph, what only development needs.
/// </summary>
internal static class UvLockReader
{
    public static void Read(string text, ReadContext context)
    {
        var root = TomlLock.Parse(text, context);
        context.Builder.FormatVersion = root["version"]?.Text;
        var packages = root["package"]?.Items ?? [];
        var graph = new DependencyGraph();
        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            var name = PackageNames.NormalizePyPI(package["name"]?.Text ?? "");
            var own = IsProject(package["source"]);
            foreach (var dependency in Names(package["dependencies"]).Concat(package["optional-dependencies"]?.Entries.SelectMany(e => Names(e.Value)) ?? []))
            {
                graph.Edge(name, dependency);
                if (own)
                {
                    direct.Add(dependency);
                    graph.ProductionRoot(dependency);
                }
            }
            foreach (var group in package["dev-dependencies"]?.Entries ?? [])
            {
                foreach (var dependency in Names(group.Value))
                {
                    graph.Edge(name, dependency);
                    if (own)
                    {
                        direct.Add(dependency);
                        graph.DevelopmentRoot(dependency);
                    }
                }
            }
        }
        var devOnly = graph.HasRoots ? graph.DevelopmentOnly() : [];
        PyProject.Beside(context);

        foreach (var package in packages)
        {
            if (package["name"]?.Text is not { } displayName)
            {
                context.Builder.Problem("a [[package]] without a name", package.Line);
                continue;
            }
            var source = package["source"];
            // The project itself is not one of its dependencies.
            if (source?["virtual"]?.Text == "." || source?["editable"]?.Text == ".")
                continue;
            var name = PackageNames.NormalizePyPI(displayName);
            var (kind, resolved) = Source(source, context);
            var files = new List<(string File, string Hash)>();
            if (package["sdist"] is { } sdist && sdist["hash"]?.Text is { } sdistHash)
                files.Add((sdist["url"]?.Text ?? sdist["path"]?.Text ?? ".tar.gz", sdistHash));
            foreach (var wheel in package["wheels"]?.Items ?? [])
            {
                if (wheel["hash"]?.Text is { } wheelHash)
                    files.Add((wheel["url"]?.Text ?? wheel["path"]?.Text ?? "", wheelHash));
            }
            var archive = package["sdist"]?["url"]?.Text ?? package["wheels"]?.Items.FirstOrDefault()?["url"]?.Text;
            context.Builder.Add(new Dependency(Ecosystems.PyPI, name, package["version"]?.Text)
            {
                DisplayName = displayName,
                Resolved = kind == DependencyKind.Registry ? archive ?? resolved : resolved,
                Integrity = TomlLock.Preferred(files),
                Hashes = files.Select(f => f.Hash).ToArray(),
                Direct = direct.Contains(name) || IsProject(source),
                Dev = devOnly.Contains(name),
                Kind = kind,
                Location = context.Builder.At(package.Line),
            });
        }
    }

    private static bool IsProject(TomlNode? source) => source?["editable"] is not null || source?["virtual"] is not null;

    private static (DependencyKind Kind, string? Resolved) Source(TomlNode? source, ReadContext context)
    {
        if (source?["registry"] is { Text: { } registry } registryNode)
        {
            // A registry may be a local directory of archives ("registry = '../wheels'"), which is not a URL.
            if (SourceUrls.IsHttp(registry))
                context.Builder.Source(new PackageSource(registry, PackageSourceKind.Lockfile, context.Builder.At(registryNode.Line)));
            return (DependencyKind.Registry, registry);
        }
        if (source?["git"]?.Text is { } git)
            return (DependencyKind.Git, git);
        if (source?["url"]?.Text is { } url)
            return (DependencyKind.Url, url);
        foreach (var key in (string[])["path", "directory", "editable", "virtual"])
        {
            if (source?[key]?.Text is { } path)
                return (DependencyKind.Local, path);
        }
        return (DependencyKind.Registry, null);
    }

    private static IEnumerable<string> Names(TomlNode? list) =>
        (list?.Items ?? []).Select(i => i["name"]?.Text).OfType<string>().Select(PackageNames.NormalizePyPI);
}
