using System.Text.Json;

namespace PackGuard.Sources.NuGet;

/// <summary>The resources of a v3 service index that PackGuard uses.</summary>
/// <param name="PackageBaseAddress">The flat container (<c>PackageBaseAddress/3.0.0</c>): versions and <c>.nupkg</c> files.</param>
/// <param name="Registrations">The registration base (<c>RegistrationsBaseUrl/*</c>), where a package hash may be published.</param>
internal sealed record NuGetServiceIndex(Uri PackageBaseAddress, Uri? Registrations)
{
    private const string PackageBaseAddressType = "PackageBaseAddress/3.0.0";
    private const string RegistrationsType = "RegistrationsBaseUrl";

    /// <summary>Reads the service index; <see langword="null"/> when it offers no PackageBaseAddress.</summary>
    /// <exception cref="JsonException">The document is not a service index.</exception>
    public static NuGetServiceIndex? Parse(JsonDocument document, Uri indexUrl)
    {
        if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
            throw new JsonException("it has no 'resources' array");

        Uri? packages = null;
        var registrations = new List<(string Type, Uri Url)>();
        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.ValueKind != JsonValueKind.Object
                || !resource.TryGetProperty("@id", out var id) || id.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(indexUrl, id.GetString(), out var url))
                continue;
            foreach (var type in Types(resource))
            {
                if (type == PackageBaseAddressType)
                    packages ??= Http.SafeUri.WithTrailingSlash(url);
                else if (type.StartsWith(RegistrationsType, StringComparison.Ordinal))
                    registrations.Add((type, Http.SafeUri.WithTrailingSlash(url)));
            }
        }
        // The newest registration flavour first: 3.6.0 includes SemVer 2.0 packages.
        var registration = registrations.OrderByDescending(r => r.Type, StringComparer.Ordinal).Select(r => r.Url).FirstOrDefault();
        return packages is null ? null : new NuGetServiceIndex(packages, registration);
    }

    private static IEnumerable<string> Types(JsonElement resource)
    {
        if (!resource.TryGetProperty("@type", out var type))
            yield break;
        if (type.ValueKind == JsonValueKind.String)
            yield return type.GetString()!;
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
                yield return item.GetString()!;
        }
    }
}
