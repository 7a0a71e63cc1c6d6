using System.Text.Json;
using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.Npm;

/// <summary>
/// The dependencies a package.json declares, for lockfiles that do not say which packages are
/// the project's own (package-lock v1, yarn.lock): name to range, by kind.
/// </summary>
internal sealed class NpmManifest
{
    public Dictionary<string, string> Production { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Development { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Optional { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Peer { get; } = new(StringComparer.Ordinal);

    /// <summary>Every declared dependency: name, range, and whether it is only for development.</summary>
    public IEnumerable<(string Name, string Range, bool Dev)> All =>
        Production.Select(p => (p.Key, p.Value, false))
            .Concat(Optional.Select(p => (p.Key, p.Value, false)))
            .Concat(Peer.Select(p => (p.Key, p.Value, false)))
            .Concat(Development.Where(p => !Production.ContainsKey(p.Key) && !Optional.ContainsKey(p.Key)).Select(p => (p.Key, p.Value, true)));

    /// <summary>The manifest read from a package.json object (or an entry of package-lock's <c>packages</c>, which has the same members).</summary>
    public static NpmManifest From(JsonTree node)
    {
        var manifest = new NpmManifest();
        Fill(manifest.Production, node["dependencies"]);
        Fill(manifest.Development, node["devDependencies"]);
        Fill(manifest.Optional, node["optionalDependencies"]);
        Fill(manifest.Peer, node["peerDependencies"]);
        return manifest;
    }

    /// <summary>The package.json beside the lockfile, or <see langword="null"/> (with a problem when it exists but is not JSON).</summary>
    public static NpmManifest? Beside(ReadContext context, string directory)
    {
        var path = Path.Combine(directory, "package.json");
        var text = context.ReadOptional(path);
        if (text is null)
            return null;
        try
        {
            return From(JsonTree.Parse(System.Text.Encoding.UTF8.GetBytes(text), context.Limits.MaxNesting));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            context.Builder.Problem($"not valid JSON ({e.Message}); which dependencies are the project's own is not known", file: context.DisplayOf(path));
            return null;
        }
    }

    private static void Fill(Dictionary<string, string> into, JsonTree? node)
    {
        if (node is null)
            return;
        foreach (var member in node.Members)
            into[member.Key] = member.Value.Text ?? "";
    }
}
