using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Npm;

/// <summary>
/// The registries a JavaScript project's own configuration routes installs to: <c>.npmrc</c>
/// (npm, pnpm and Yarn 1), <c>.yarnrc</c> (Yarn 1) and <c>.yarnrc.yml</c> (Yarn 2+), beside the lockfile.
/// User-level configuration is not the project's and is not read.
/// </summary>
internal static class NpmConfig
{
    public static void AddSources(ReadContext context, bool yarnClassic = false, bool yarnBerry = false)
    {
        // Yarn 2+ reads only its own .yarnrc.yml; npm, pnpm and Yarn 1 read .npmrc.
        if (!yarnBerry)
            NpmRc(context);
        if (yarnClassic)
            YarnRc(context);
        if (yarnBerry)
            YarnRcYml(context);
    }

    private static void NpmRc(ReadContext context) =>
        Lines(context, ".npmrc", (line, location) =>
        {
            var equals = line.IndexOf('=');
            if (equals > 0 && line[0] != ';')
                AddRegistry(context, line[..equals].Trim(), Unquote(line[(equals + 1)..].Trim()), location);
        });

    private static void YarnRc(ReadContext context) =>
        Lines(context, ".yarnrc", (line, location) =>
        {
            var (key, rest) = YarnClassicReader.SplitToken(line);
            AddRegistry(context, key, YarnClassicReader.SplitToken(rest).Token, location);
        });

    /// <summary>Each trimmed, non-empty line of the file <paramref name="name"/> beside the lockfile that is not a # comment, with its place.</summary>
    private static void Lines(ReadContext context, string name, Action<string, DependencyLocation> line)
    {
        var path = Path.Combine(context.Directory, name);
        var text = context.ReadOptional(path);
        if (text is null)
            return;
        var display = context.DisplayOf(path);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var trimmed = raw.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
                line(trimmed, new DependencyLocation(display, number));
        }
    }

    private static void YarnRcYml(ReadContext context)
    {
        var path = Path.Combine(context.Directory, ".yarnrc.yml");
        var text = context.ReadOptional(path);
        if (text is null)
            return;
        var display = context.DisplayOf(path);
        var documents = YamlReader.Parse(text, context.Limits.MaxNesting, (message, line) => context.Builder.Problem(message, line, display));
        if (documents.Count == 0)
            return;
        var root = documents[0];
        if (root["npmRegistryServer"] is { Text: { } server } serverNode)
            context.Builder.Source(new PackageSource(server, PackageSourceKind.Index, new DependencyLocation(display, serverNode.Line)));
        if (root["npmScopes"] is { } scopes)
        {
            foreach (var scope in scopes.Entries)
            {
                if (scope.Value["npmRegistryServer"] is { Text: { } url } urlNode)
                {
                    context.Builder.Source(new PackageSource(url, PackageSourceKind.Scoped, new DependencyLocation(display, urlNode.Line))
                    {
                        Scope = "@" + scope.Key.TrimStart('@'),
                    });
                }
            }
        }
    }

    /// <summary>.npmrc and .yarnrc name registries with the same keys: <c>registry</c> and <c>@scope:registry</c>.</summary>
    private static void AddRegistry(ReadContext context, string key, string value, DependencyLocation location)
    {
        if (key == "registry")
            context.Builder.Source(new PackageSource(value, PackageSourceKind.Index, location));
        else if (key.StartsWith('@') && key.EndsWith(":registry", StringComparison.Ordinal))
            context.Builder.Source(new PackageSource(value, PackageSourceKind.Scoped, location) { Scope = key[..^":registry".Length] });
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
