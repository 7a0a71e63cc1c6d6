namespace PackGuard.Artifacts.Metadata;

/// <summary>How plainly a package is open source, which decides how bad exposing its source is.</summary>
public enum Openness
{
    /// <summary>Proprietary or unknown: no licence, UNLICENSED, SEE LICENSE IN, a non-OSI licence, or private.</summary>
    Proprietary,

    /// <summary>An open-source licence, but no public repository declared.</summary>
    OpenLicenseOnly,

    /// <summary>An open-source licence and a repository on a public forge: the source is public anyway.</summary>
    OpenSource,
}

/// <summary>The openness of a package and the words that explain it.</summary>
/// <param name="Level">The classification.</param>
/// <param name="Reason">Why, in a phrase a report can quote.</param>
public sealed record PackageOpenness(Openness Level, string Reason)
{
    /// <summary>Classifies a package from its metadata.</summary>
    public static PackageOpenness Of(PackageMetadata metadata)
    {
        if (metadata.IsPrivate)
            return new(Openness.Proprietary, "the package is marked \"private\"");
        if (string.IsNullOrWhiteSpace(metadata.License))
            return new(Openness.Proprietary, metadata.ManifestPath is null
                ? "no package manifest declares a licence"
                : "the package declares no licence");
        if (!LicenseExpression.IsOpenSource(metadata.License))
            return new(Openness.Proprietary, $"its licence \"{metadata.License}\" is not an OSI-approved open-source licence");
        if (!PublicRepository.IsPublicForge(metadata.Repository))
            return new(Openness.OpenLicenseOnly, $"it is {metadata.License}-licensed but declares no repository on a public forge");
        return new(Openness.OpenSource, $"it is {metadata.License}-licensed with a public repository ({metadata.Repository})");
    }
}

/// <summary>Recognises repositories on public forges from the declared URL.</summary>
internal static class PublicRepository
{
    private static readonly string[] Forges =
    [
        "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "git.sr.ht", "sr.ht", "gitee.com",
        "sourceforge.net", "salsa.debian.org", "gitlab.gnome.org", "invent.kde.org", "git.savannah.gnu.org",
    ];

    /// <summary>
    /// Whether the URL names a repository on a public forge. A private repository on such a forge
    /// looks the same from here; PackGuard cannot tell offline and says so in its docs.
    /// </summary>
    public static bool IsPublicForge(string? repository)
    {
        if (string.IsNullOrWhiteSpace(repository) || !Uri.TryCreate(repository, UriKind.Absolute, out var uri))
            return false;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        var path = uri.AbsolutePath.Trim('/');
        return Forges.Contains(host) && path.Contains('/');
    }
}
