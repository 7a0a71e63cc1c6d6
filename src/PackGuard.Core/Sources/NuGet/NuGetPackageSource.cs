namespace PackGuard.Sources.NuGet;

/// <summary>The protocol a NuGet source speaks.</summary>
internal enum NuGetSourceKind
{
    /// <summary>An HTTP feed with a v3 service index (<c>.../index.json</c>).</summary>
    V3,

    /// <summary>A legacy OData feed; PackGuard does not read these.</summary>
    V2,

    /// <summary>A folder of <c>.nupkg</c> files, flat or in NuGet's hierarchical layout.</summary>
    LocalFolder,
}

/// <summary>One package source from the merged NuGet configuration.</summary>
/// <param name="Name">The source's key in <c>packageSources</c>.</param>
/// <param name="Location">The URL or absolute folder path.</param>
/// <param name="Kind">How to read it.</param>
/// <param name="Enabled">False when <c>disabledPackageSources</c> turns it off.</param>
/// <param name="Credential">Credentials configured for this source only.</param>
internal sealed record NuGetPackageSource(string Name, string Location, NuGetSourceKind Kind, bool Enabled, NuGetCredential? Credential)
{
    public const string NuGetOrgName = "nuget.org";
    public const string NuGetOrgUrl = "https://api.nuget.org/v3/index.json";

    /// <summary>The feed URL, for HTTP sources.</summary>
    public Uri? Url => Kind == NuGetSourceKind.LocalFolder ? null : new Uri(Location);

    /// <summary>
    /// Classifies a configured value the way NuGet does: an http(s) URL is v3 when
    /// <c>protocolVersion="3"</c> or it ends in <c>.json</c>, else v2; anything else is a folder,
    /// relative to the configuration file that named it.
    /// </summary>
    public static NuGetPackageSource Create(string name, string value, string? protocolVersion, string baseDirectory, bool enabled, NuGetCredential? credential)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            var v3 = protocolVersion switch
            {
                "3" => true,
                "2" => false,
                _ => uri.AbsolutePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase),
            };
            return new(name, uri.AbsoluteUri, v3 ? NuGetSourceKind.V3 : NuGetSourceKind.V2, enabled, credential);
        }
        var folder = uri is { IsFile: true } ? uri.LocalPath : Path.GetFullPath(value, baseDirectory);
        return new(name, folder, NuGetSourceKind.LocalFolder, enabled, credential);
    }

    public override string ToString() => $"{Name} ({Http.SafeUri.DisplayLocation(Location)})";
}
