using System.Text.Json;
using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.DebugSymbols.Pdb;

/// <summary>
/// What a Source Link document (custom debug information <c>CC110556-A091-4D38-9FEC-25AB9A351A6A</c>)
/// reveals: the hosts and repositories a debugger downloads the sources from, and the local roots
/// of the build (<c>/_/</c> in a deterministic build, a real directory otherwise).
/// </summary>
/// <param name="Mappings">How many path-to-URL mappings it holds.</param>
/// <param name="Hosts">The hosts the URLs point to.</param>
/// <param name="Repositories">The repositories, as <c>host/owner/name</c>.</param>
/// <param name="LocalRoots">The local path prefixes (the mappings' keys without their <c>*</c>).</param>
/// <param name="PublicForgeOnly">Every URL points to a repository on a public forge (GitHub, GitLab, ...).</param>
internal sealed record SourceLinkMap(int Mappings, IReadOnlyList<string> Hosts, IReadOnlyList<string> Repositories,
    IReadOnlyList<string> LocalRoots, bool PublicForgeOnly)
{
    private const int MaxListed = 16;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8, AllowTrailingCommas = true };

    /// <summary>Reads the JSON; <see langword="null"/> when it is not a Source Link document.</summary>
    public static SourceLinkMap? Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("documents", out var documents)
                || documents.ValueKind != JsonValueKind.Object)
                return null;
            var hosts = new SortedSet<string>(StringComparer.Ordinal);
            var repositories = new SortedSet<string>(StringComparer.Ordinal);
            var roots = new List<string>();
            var mappings = 0;
            var publicOnly = true;
            foreach (var mapping in documents.EnumerateObject())
            {
                mappings++;
                if (roots.Count < MaxListed)
                    roots.Add(mapping.Name.TrimEnd('*'));
                if (mapping.Value.ValueKind != JsonValueKind.String || !Uri.TryCreate(mapping.Value.GetString(), UriKind.Absolute, out var url))
                {
                    publicOnly = false;
                    continue;
                }
                if (hosts.Count < MaxListed)
                    hosts.Add(url.Host.ToLowerInvariant());
                var repository = Repository(url);
                if (repository is not null && repositories.Count < MaxListed)
                    repositories.Add(repository);
                publicOnly &= repository is not null && PublicRepository.IsPublicForge("https://" + repository);
            }
            return new SourceLinkMap(mappings, [.. hosts], [.. repositories], roots, publicOnly && mappings > 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The repository a raw-content URL belongs to: GitHub serves raw files from its own host,
    /// the other forges under the repository's path.
    /// </summary>
    private static string? Repository(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (host == "raw.githubusercontent.com")
            host = "github.com";
        // https://dev.azure.com/{org}/{project}/_apis/git/repositories/{repository}/items?...
        if (host == "dev.azure.com" && segments.Length >= 6 && segments[2] == "_apis")
            return $"{host}/{segments[0]}/{segments[1]}/{segments[5]}";
        return segments.Length >= 2 ? $"{host}/{segments[0]}/{segments[1]}" : null;
    }
}
