using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PackGuard.Bench;

/// <summary>
/// Models registry.npmjs.org's abbreviated packument for a registry (a mirror) that ignores the
/// Accept header: for an abbreviated request it fetches the full document and answers with the
/// fields npm's registry documentation lists for the abbreviated form, <c>modified</c> being the
/// latest time in <c>time</c> (or <c>time.modified</c>). The real <c>modified</c> also moves when
/// dist-tags, deprecations or maintainers change, so this model is a lower bound on it.
/// </summary>
internal sealed class AbbreviatingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly string[] VersionFields =
    [
        "name", "version", "dependencies", "optionalDependencies", "devDependencies", "bundleDependencies", "bundledDependencies",
        "peerDependencies", "peerDependenciesMeta", "bin", "directories", "dist", "engines", "_hasShrinkwrap", "hasInstallScript",
        "deprecated", "os", "cpu", "funding", "license",
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Accept.ToString().Contains("install-v1", StringComparison.Ordinal))
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
            return response;
        var full = JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))!.AsObject();
        response.Dispose();

        var abbreviated = new JsonObject { ["name"] = full["name"]?.DeepClone() };
        if (full["dist-tags"] is { } tags)
            abbreviated["dist-tags"] = tags.DeepClone();
        var versions = new JsonObject();
        if (full["versions"] is JsonObject all)
        {
            foreach (var (version, manifest) in all)
            {
                var kept = new JsonObject();
                if (manifest is JsonObject fields)
                {
                    foreach (var field in VersionFields)
                    {
                        if (fields[field] is { } value)
                            kept[field] = value.DeepClone();
                    }
                }
                versions[version] = kept;
            }
        }
        abbreviated["versions"] = versions;
        if (Modified(full) is { } modified)
            abbreviated["modified"] = modified.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(abbreviated.ToJsonString(), Encoding.UTF8, "application/vnd.npm.install-v1+json"),
        };
    }

    private static DateTimeOffset? Modified(JsonObject full)
    {
        if (full["time"] is not JsonObject times)
            return null;
        DateTimeOffset? latest = null;
        foreach (var (_, value) in times)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && (latest is null || at > latest))
                latest = at.ToUniversalTime();
        }
        return latest;
    }
}
