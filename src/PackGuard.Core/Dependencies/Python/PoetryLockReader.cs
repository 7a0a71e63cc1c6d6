using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Python;

/// <summary>
/// Reads <c>poetry.lock</c>: each <c>[[package]]</c> with <c>name</c>, <c>version</c>,
/// <c>files = [{file, hash}]</c> (or, before lock format 2.0, <c>[metadata.files]</c>),
/// <c>[package.source]</c> (git, url, file, directory, or a private <c>legacy</c> index),
/// <c>category</c> (lock 1.x) or <c>groups</c> (Poetry 2), and <c>[package.dependencies]</c>.
/// When the lock says nothing of groups, the pyproject.toml beside it and the graph tell which
/// packages only development needs.
/// </summary>
internal static class PoetryLockReader
{
    public static void Read(string text, ReadContext context)
    {
        var root = TomlLock.Parse(text, context);
        context.Builder.FormatVersion = root["metadata"]?["lock-version"]?.Text;
        var oldFiles = root["metadata"]?["files"];
        var project = PyProject.Beside(context);
        var packages = root["package"]?.Items ?? [];

        var graph = new DependencyGraph();
        foreach (var package in packages)
        {
            var name = PackageNames.NormalizePyPI(package["name"]?.Text ?? "");
            foreach (var dependency in package["dependencies"]?.Entries ?? [])
                graph.Edge(name, PackageNames.NormalizePyPI(dependency.Key));
        }
        foreach (var name in project?.Production ?? [])
            graph.ProductionRoot(name);
        foreach (var name in project?.Development ?? [])
            graph.DevelopmentRoot(name);
        var devFromGraph = graph.HasRoots ? graph.DevelopmentOnly() : [];

        foreach (var package in packages)
        {
            if (package["name"]?.Text is not { } displayName)
            {
                context.Builder.Problem("a [[package]] without a name", package.Line);
                continue;
            }
            var name = PackageNames.NormalizePyPI(displayName);
            var files = Files(package["files"] ?? oldFiles?[displayName] ?? oldFiles?[name]);
            var integrity = TomlLock.Preferred(files);
            var source = package["source"];
            var sourceType = source?["type"]?.Text;
            var url = source?["url"]?.Text;
            var kind = sourceType switch
            {
                "git" => DependencyKind.Git,
                "url" => DependencyKind.Url,
                "file" or "directory" => DependencyKind.Local,
                _ => DependencyKind.Registry,
            };
            if (sourceType == "legacy" && url is not null)
                context.Builder.Source(new PackageSource(url, PackageSourceKind.Lockfile, context.Builder.At(source!.Line)) { Name = source["reference"]?.Text });
            var category = package["category"]?.Text;
            var groups = package["groups"]?.Items.Select(g => g.Text).ToArray();
            var dev = category is not null ? category == "dev"
                : groups is { Length: > 0 } ? !groups.Contains("main")
                : devFromGraph.Contains(name);
            context.Builder.Add(new Dependency(Ecosystems.PyPI, name, package["version"]?.Text)
            {
                DisplayName = displayName,
                Resolved = url,
                Integrity = integrity,
                Hashes = files.Select(f => f.Hash).ToArray(),
                Direct = project is not null && (project.Production.Contains(name) || project.Development.Contains(name)),
                Dev = dev,
                Optional = package["optional"]?.IsTrue == true,
                Kind = kind,
                Location = context.Builder.At(package.Line),
            });
        }
    }

    private static List<(string File, string Hash)> Files(TomlNode? list)
    {
        var files = new List<(string, string)>();
        foreach (var item in list?.Items ?? [])
        {
            if (item["hash"]?.Text is { } hash)
                files.Add((item["file"]?.Text ?? "", hash));
        }
        return files;
    }
}
