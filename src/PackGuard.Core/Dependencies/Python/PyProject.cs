using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Python;

/// <summary>
/// What the pyproject.toml beside a poetry.lock or uv.lock declares: the project's own
/// dependencies (PEP 621 <c>[project]</c>, <c>[dependency-groups]</c>, Poetry's and uv's own
/// tables), which of them are for development, and the package indexes configured
/// (<c>[[tool.poetry.source]]</c>, <c>[[tool.uv.index]]</c>).
/// </summary>
internal sealed class PyProject
{
    /// <summary>Normalised names the project needs at run time.</summary>
    public HashSet<string> Production { get; } = new(StringComparer.Ordinal);

    /// <summary>Normalised names the project needs only for development.</summary>
    public HashSet<string> Development { get; } = new(StringComparer.Ordinal);

    public static PyProject? Beside(ReadContext context)
    {
        var path = Path.Combine(context.Directory, "pyproject.toml");
        var text = context.ReadOptional(path);
        if (text is null)
            return null;
        var display = context.DisplayOf(path);
        var root = TomlReader.Parse(text, context.Limits.MaxNesting, out var error);
        if (error is { } e)
            context.Builder.Problem($"not valid TOML: {e.Message}", e.Line, display);
        var project = new PyProject();
        project.AddRequirements(root["project"]?["dependencies"], dev: false);
        foreach (var extra in root["project"]?["optional-dependencies"]?.Entries ?? [])
            project.AddRequirements(extra.Value, dev: false);
        foreach (var group in root["dependency-groups"]?.Entries ?? [])
            project.AddRequirements(group.Value, dev: true);
        var poetry = root["tool"]?["poetry"];
        project.AddNames(poetry?["dependencies"], dev: false);
        project.AddNames(poetry?["dev-dependencies"], dev: true);
        foreach (var group in poetry?["group"]?.Entries ?? [])
            project.AddNames(group.Value["dependencies"], dev: group.Key != "main");
        var uv = root["tool"]?["uv"];
        project.AddRequirements(uv?["dev-dependencies"], dev: true);
        AddSources(root, context, display);
        return project;
    }

    private void AddRequirements(TomlNode? list, bool dev)
    {
        foreach (var item in list?.Items ?? [])
        {
            if (item.Text is { } text && RequirementSpec.Parse(text) is { Name.Length: > 0 } requirement)
                (dev ? Development : Production).Add(PackageNames.NormalizePyPI(requirement.Name));
        }
    }

    private void AddNames(TomlNode? table, bool dev)
    {
        foreach (var entry in table?.Entries ?? [])
        {
            if (!entry.Key.Equals("python", StringComparison.OrdinalIgnoreCase))
                (dev ? Development : Production).Add(PackageNames.NormalizePyPI(entry.Key));
        }
    }

    private static void AddSources(TomlTable root, ReadContext context, string display)
    {
        foreach (var source in root["tool"]?["poetry"]?["source"]?.Items ?? [])
        {
            if (source["url"]?.Text is not { } url)
                continue;
            var priority = source["priority"]?.Text ?? (source["secondary"]?.IsTrue == true ? "secondary" : "primary");
            var kind = priority switch
            {
                "supplemental" or "secondary" => PackageSourceKind.ExtraIndex,
                "explicit" => PackageSourceKind.Scoped,
                _ => PackageSourceKind.Index,
            };
            context.Builder.Source(new PackageSource(url, kind, new DependencyLocation(display, source.Line)) { Name = source["name"]?.Text });
        }
        var uv = root["tool"]?["uv"];
        foreach (var index in uv?["index"]?.Items ?? [])
        {
            if (index["url"]?.Text is not { } url)
                continue;
            var kind = index["explicit"]?.IsTrue == true ? PackageSourceKind.Scoped : PackageSourceKind.Index;
            context.Builder.Source(new PackageSource(url, kind, new DependencyLocation(display, index.Line)) { Name = index["name"]?.Text });
        }
        if (uv?["index-url"] is { Text: { } indexUrl } indexNode)
            context.Builder.Source(new PackageSource(indexUrl, PackageSourceKind.Index, new DependencyLocation(display, indexNode.Line)));
        foreach (var extra in uv?["extra-index-url"]?.Items ?? [])
        {
            if (extra.Text is { } extraUrl)
                context.Builder.Source(new PackageSource(extraUrl, PackageSourceKind.ExtraIndex, new DependencyLocation(display, extra.Line)));
        }
    }
}
