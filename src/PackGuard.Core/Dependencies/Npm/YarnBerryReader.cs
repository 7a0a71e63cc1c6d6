using System.Globalization;
using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Npm;

/// <summary>
/// Reads the <c>yarn.lock</c> of Yarn 2 and later: YAML with <c>__metadata</c>, entries keyed by
/// descriptors (<c>"a@npm:^1.0.0, a@npm:^1.2.0"</c>) with <c>version</c>, <c>resolution</c>
/// (<c>a@npm:1.2.3</c>, <c>a@workspace:packages/a</c>, <c>a@patch:a@npm%3A1.2.3#...</c>, git and
/// URL references), <c>checksum</c>, <c>languageName</c> and <c>linkType</c>. Workspaces are
/// entries too; what they depend on is what the project declares.
/// </summary>
internal static class YarnBerryReader
{
    private sealed record Entry(int Line, string[] Descriptors, YamlNode Node, string? Name, string? Reference);

    public static void Read(YamlNode root, ReadContext context)
    {
        var builder = context.Builder;
        builder.FormatVersion = root["__metadata"]?["version"]?.Text;
        var entries = new List<Entry>();
        var byDescriptor = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in root.Entries)
        {
            if (item.Key == "__metadata")
                continue;
            if (item.Value is not YamlMap)
            {
                builder.Problem($"entry {builder.Quote(item.Key)} is not a mapping", item.Line);
                continue;
            }
            var descriptors = item.Key.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var resolution = item.Value["resolution"]?.Text;
            string? name = null, reference = null;
            if (resolution is not null)
                (name, reference) = NpmSpec.SplitNameAndRange(resolution);
            else
                builder.Problem($"entry {builder.Quote(item.Key)} has no resolution", item.Line);
            foreach (var descriptor in descriptors)
                byDescriptor.TryAdd(descriptor, entries.Count);
            entries.Add(new Entry(item.Line, descriptors, item.Value, name, reference));
        }

        var (direct, devOnly) = Roots(entries, byDescriptor, context);
        for (var i = 0; i < entries.Count; i++)
            Emit(entries[i], direct.Contains(i), devOnly.Contains(Key(i)), context);
        NpmConfig.AddSources(context, yarnBerry: true);
    }

    private static void Emit(Entry entry, bool direct, bool dev, ReadContext context)
    {
        if (entry.Name is null || entry.Reference is null)
            return;
        // The project itself is the root workspace, not one of its dependencies.
        if (entry.Reference == "workspace:.")
            return;
        var checksum = entry.Node["checksum"]?.Text;
        var version = entry.Node["version"]?.Text;
        var kind = KindOf(entry.Reference);
        if (kind == DependencyKind.Local)
            direct = true;
        var aliases = new HashSet<string?>();
        foreach (var descriptor in entry.Descriptors)
        {
            var (descriptorName, _) = NpmSpec.SplitNameAndRange(descriptor);
            aliases.Add(descriptorName == entry.Name || descriptorName.Length == 0 ? null : descriptorName);
        }
        foreach (var alias in aliases)
        {
            context.Builder.Add(new Dependency(Ecosystems.Npm, entry.Name, version)
            {
                Resolved = entry.Reference,
                Integrity = checksum,
                Hashes = checksum is null ? [] : [checksum],
                Direct = direct,
                Dev = dev,
                Alias = alias,
                Kind = kind,
                // A package for some platforms only (conditions: os=win32 & cpu=x64): Yarn fetches it,
                // and records its checksum, only on those platforms.
                Optional = entry.Node["conditions"] is not null,
                Location = context.Builder.At(entry.Line),
            });
        }
    }

    /// <summary>What a resolution's reference points to; a patch is of the package it patches.</summary>
    internal static DependencyKind KindOf(string reference)
    {
        if (reference.StartsWith("patch:", StringComparison.Ordinal))
        {
            var hash = reference.IndexOf('#');
            var inner = Uri.UnescapeDataString(hash < 0 ? reference[6..] : reference[6..hash]);
            return KindOf(NpmSpec.SplitNameAndRange(inner).Range);
        }
        if (reference.StartsWith("npm:", StringComparison.Ordinal))
            return DependencyKind.Registry;
        if (reference.StartsWith("workspace:", StringComparison.Ordinal) || reference.StartsWith("portal:", StringComparison.Ordinal)
            || reference.StartsWith("link:", StringComparison.Ordinal) || reference.StartsWith("file:", StringComparison.Ordinal)
            || reference.StartsWith("exec:", StringComparison.Ordinal))
            return DependencyKind.Local;
        if (SourceUrls.IsGit(reference) || reference.Contains("#commit=", StringComparison.Ordinal))
            return DependencyKind.Git;
        return SourceUrls.IsHttp(reference) ? DependencyKind.Url : DependencyKind.Registry;
    }

    /// <summary>
    /// What the workspaces depend on is direct; the workspaces' package.json files say which of it
    /// is for development, and the graph which packages only development reaches.
    /// </summary>
    private static (HashSet<int> Direct, HashSet<string> DevOnly) Roots(List<Entry> entries, Dictionary<string, int> byDescriptor, ReadContext context)
    {
        var direct = new HashSet<int>();
        var graph = new DependencyGraph();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var workspace = entry.Reference?.StartsWith("workspace:", StringComparison.Ordinal) == true;
            NpmManifest? manifest = null;
            if (workspace)
            {
                var folder = entry.Reference!["workspace:".Length..];
                if (!folder.Contains("..", StringComparison.Ordinal))
                    manifest = NpmManifest.Beside(context, Path.Combine(context.Directory, folder));
            }
            foreach (var dependency in entry.Node["dependencies"]?.Entries ?? [])
            {
                if (Find(byDescriptor, dependency.Key, dependency.Value.Text) is not { } to)
                    continue;
                if (!workspace)
                {
                    graph.Edge(Key(i), Key(to));
                    continue;
                }
                direct.Add(to);
                var devOnly = manifest is not null && manifest.Development.ContainsKey(dependency.Key)
                    && !manifest.Production.ContainsKey(dependency.Key) && !manifest.Optional.ContainsKey(dependency.Key);
                if (devOnly)
                    graph.DevelopmentRoot(Key(to));
                else
                    graph.ProductionRoot(Key(to));
            }
        }
        return (direct, graph.HasRoots ? graph.DevelopmentOnly() : []);
    }

    /// <summary>
    /// The entry a dependency's range resolves to. Lockfiles before version 6 write ranges without
    /// the <c>npm:</c> protocol that the entries' descriptors carry.
    /// </summary>
    private static int? Find(Dictionary<string, int> byDescriptor, string name, string? range)
    {
        if (byDescriptor.TryGetValue(name + "@" + range, out var at))
            return at;
        if (range is not null && !range.Contains(':', StringComparison.Ordinal) && byDescriptor.TryGetValue(name + "@npm:" + range, out at))
            return at;
        return null;
    }

    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);
}
