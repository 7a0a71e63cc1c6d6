using System.Text;
using System.Text.Json;

namespace PackGuard.Dependencies.Npm;

/// <summary>
/// Reads Yarn 1's <c>yarn.lock</c> ("yarn lockfile v1"): entries headed by the descriptors they
/// satisfy (<c>"a@^1", a@^2:</c>), with indented <c>version</c>, <c>resolved</c>,
/// <c>integrity</c> and <c>dependencies</c>. The lockfile does not say which packages the project
/// declares; the package.json beside it (and its workspaces') does, and the dependency graph then
/// tells which packages only development needs.
/// </summary>
internal static class YarnClassicReader
{
    private sealed class Entry
    {
        public required int Line { get; init; }
        public required List<string> Descriptors { get; init; }
        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
        public List<string> Dependencies { get; } = [];
    }

    public static void Read(string text, ReadContext context)
    {
        context.Builder.FormatVersion = "1";
        var entries = Parse(text, context.Builder);
        var byDescriptor = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var descriptor in entries[i].Descriptors)
                byDescriptor.TryAdd(descriptor, i);
        }

        var (direct, devOnly) = Roots(entries, byDescriptor, context);
        for (var i = 0; i < entries.Count; i++)
            Emit(entries[i], direct.Contains(i), devOnly.Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), context);
        NpmConfig.AddSources(context, yarnClassic: true);
    }

    private static void Emit(Entry entry, bool direct, bool dev, ReadContext context)
    {
        var version = entry.Fields.GetValueOrDefault("version");
        var resolved = entry.Fields.GetValueOrDefault("resolved");
        var integrity = entry.Fields.GetValueOrDefault("integrity");
        var kind = NpmSpec.KindOf(resolved);
        var names = new HashSet<(string Name, string? Alias)>();
        foreach (var descriptor in entry.Descriptors)
        {
            var (name, range) = NpmSpec.SplitNameAndRange(descriptor);
            names.Add(NpmSpec.AliasTarget(range) is var (target, _) && target != name ? (target, name) : (name, null));
        }
        foreach (var (name, alias) in names)
        {
            context.Builder.Add(new Dependency(Ecosystems.Npm, name, version)
            {
                Resolved = resolved,
                Integrity = integrity,
                Hashes = integrity is null ? [] : [integrity],
                Direct = direct,
                Dev = dev,
                Alias = alias,
                Kind = kind,
                Location = context.Builder.At(entry.Line),
            });
        }
        PackageLockReader.AddRegistry(context, resolved, entry.Line);
    }

    /// <summary>The entries the project's manifests declare, and the keys of those only development reaches.</summary>
    private static (HashSet<int> Direct, HashSet<string> DevOnly) Roots(List<Entry> entries, Dictionary<string, int> byDescriptor, ReadContext context)
    {
        var direct = new HashSet<int>();
        var graph = new DependencyGraph();
        foreach (var manifest in Manifests(context))
        {
            foreach (var (name, range, dev) in manifest.All)
            {
                if (!byDescriptor.TryGetValue(name + "@" + range, out var at))
                    continue;
                direct.Add(at);
                var key = at.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (dev)
                    graph.DevelopmentRoot(key);
                else
                    graph.ProductionRoot(key);
            }
        }
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var descriptor in entries[i].Dependencies)
            {
                if (byDescriptor.TryGetValue(descriptor, out var to))
                    graph.Edge(i.ToString(System.Globalization.CultureInfo.InvariantCulture), to.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return (direct, graph.HasRoots ? graph.DevelopmentOnly() : []);
    }

    /// <summary>The package.json beside the lockfile and those of its workspaces (<c>dir/*</c> and plain folder patterns).</summary>
    internal static IEnumerable<NpmManifest> Manifests(ReadContext context)
    {
        var rootPath = Path.Combine(context.Directory, "package.json");
        var root = NpmManifest.Beside(context, context.Directory);
        if (root is null)
            yield break;
        yield return root;
        foreach (var folder in WorkspaceFolders(context, rootPath))
        {
            if (NpmManifest.Beside(context, folder) is { } workspace)
                yield return workspace;
        }
    }

    private static IEnumerable<string> WorkspaceFolders(ReadContext context, string packageJson)
    {
        var patterns = new List<string>();
        try
        {
            var bytes = Encoding.UTF8.GetBytes(context.ReadOptional(packageJson) ?? "{}");
            var node = Text.JsonTree.Parse(bytes, context.Limits.MaxNesting)["workspaces"];
            var list = node?["packages"] ?? node;
            patterns.AddRange(list?.Items.Select(i => i.Text).OfType<string>() ?? []);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            yield break;
        }
        var count = 0;
        foreach (var pattern in patterns)
        {
            var trimmed = pattern.TrimEnd('/');
            if (trimmed.Contains("..", StringComparison.Ordinal))
                continue;
            IEnumerable<string> folders;
            if (trimmed.EndsWith("/*", StringComparison.Ordinal) || trimmed.EndsWith("/**", StringComparison.Ordinal))
            {
                var parent = Path.Combine(context.Directory, trimmed[..trimmed.LastIndexOf('/')]);
                folders = Directory.Exists(parent) ? SafeDirectories(parent) : [];
            }
            else if (!trimmed.Contains('*', StringComparison.Ordinal))
                folders = [Path.Combine(context.Directory, trimmed)];
            else
                continue;
            foreach (var folder in folders)
            {
                if (++count > 1000)
                    yield break;
                yield return folder;
            }
        }
    }

    private static IEnumerable<string> SafeDirectories(string parent)
    {
        try
        {
            return Directory.GetDirectories(parent).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static List<Entry> Parse(string text, LockfileBuilder builder)
    {
        var entries = new List<Entry>();
        Entry? current = null;
        var inBlock = false;
        var number = 0;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            number++;
            var raw = text.AsSpan(start, end - start).TrimEnd('\r').TrimEnd();
            start = end + 1;
            var indent = 0;
            while (indent < raw.Length && raw[indent] == ' ')
                indent++;
            var content = raw[indent..].ToString();
            if (content.Length == 0 || content[0] == '#')
                continue;
            if (indent == 0)
            {
                if (!content.EndsWith(':'))
                {
                    builder.Problem($"expected an entry header ending in ':', found {builder.Quote(content)}", number);
                    current = null;
                    continue;
                }
                current = new Entry { Line = number, Descriptors = SplitHeader(content[..^1]) };
                entries.Add(current);
                inBlock = false;
                continue;
            }
            if (current is null)
                continue;
            if (indent == 2)
            {
                var (key, rest) = SplitToken(content);
                if (rest.Trim().Length == 0 && content.EndsWith(':'))
                {
                    // "dependencies:" opens a block of "name range" lines.
                    inBlock = key.TrimEnd(':') is "dependencies" or "optionalDependencies";
                    continue;
                }
                inBlock = false;
                current.Fields[key] = SplitToken(rest).Token;
                continue;
            }
            if (indent >= 4 && inBlock)
            {
                var (name, rest) = SplitToken(content);
                var range = SplitToken(rest).Token;
                current.Dependencies.Add(name + "@" + range);
            }
        }
        return entries;
    }

    /// <summary>The descriptors of a header: comma-separated, each maybe quoted.</summary>
    private static List<string> SplitHeader(string header)
    {
        var descriptors = new List<string>();
        var rest = header.Trim();
        while (rest.Length > 0)
        {
            var (token, after) = SplitToken(rest, stopAtComma: true);
            if (token.Length > 0)
                descriptors.Add(token);
            rest = after.TrimStart();
            if (rest.StartsWith(','))
                rest = rest[1..].TrimStart();
            else if (rest.Length > 0 && token.Length == 0)
                break;
        }
        return descriptors;
    }

    /// <summary>
    /// The first token of <paramref name="text"/> (a double-quoted string with JSON escapes, or a
    /// bare word up to a space) and what follows it.
    /// </summary>
    internal static (string Token, string After) SplitToken(string text, bool stopAtComma = false)
    {
        text = text.TrimStart();
        if (text.Length == 0)
            return ("", "");
        if (text[0] == '"')
        {
            var builder = new StringBuilder();
            var i = 1;
            for (; i < text.Length && text[i] != '"'; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    builder.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
                }
                else
                    builder.Append(text[i]);
            }
            var after = i + 1 < text.Length ? text[(i + 1)..] : "";
            if (after.StartsWith(':'))
                after = after[1..];
            return (builder.ToString(), after);
        }
        var stop = 0;
        while (stop < text.Length && text[stop] is not (' ' or '\t') && !(stopAtComma && text[stop] == ','))
            stop++;
        return (text[..stop], text[stop..]);
    }
}
