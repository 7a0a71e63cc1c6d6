using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// The domains a package calls its own: those of its home page, its repository when that is not a
/// public forge, and its author's e-mail address and URL (package.json <c>homepage</c>,
/// <c>repository</c>, <c>author</c>; the nuspec <c>projectUrl</c>; a wheel's <c>Home-page</c> and
/// <c>Author-email</c>). Forges, registries, mail providers and shared hosting are nobody's own.
/// A domain is cut to its registrable part: <c>docs.acme.com</c> → <c>acme.com</c>,
/// <c>acme.github.io</c> stays whole.
/// </summary>
internal static class OwnDomains
{
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal)
    {
        "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sr.ht", "gitee.com", "sourceforge.net", "npmjs.com", "npmjs.org",
        "npm.im", "yarnpkg.com", "nuget.org", "pypi.org", "python.org", "readthedocs.io", "readthedocs.org", "gmail.com", "googlemail.com",
        "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "qq.com", "163.com",
        "126.com", "mail.ru", "yandex.ru", "gmx.de", "gmx.net", "web.de", "fastmail.com", "hey.com", "users.noreply.github.com",
        "noreply.github.com", "medium.com", "twitter.com", "x.com", "linkedin.com", "google.com", "microsoft.com", "opensource.org",
        "jsdelivr.net", "unpkg.com", "example.com", "example.org",
    };

    /// <summary>Suffixes under which every name is someone else's site: the registrable part has one more label.</summary>
    private static readonly string[] Hosting =
    [
        "github.io", "gitlab.io", "netlify.app", "netlify.com", "vercel.app", "pages.dev", "herokuapp.com", "web.app", "firebaseapp.com",
        "azurewebsites.net", "surge.sh", "glitch.me", "now.sh", "readthedocs.io", "gitbook.io", "blogspot.com", "wordpress.com",
    ];

    /// <summary>Second-level suffixes under which a registrable domain has three labels (acme.co.uk).</summary>
    private static readonly string[] CountrySecondLevels = ["co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"];

    public static IReadOnlyList<string> Of(PackageMetadata metadata)
    {
        var domains = new List<string>();
        var sources = new List<string?> { metadata.Homepage };
        if (!PublicRepository.IsPublicForge(metadata.Repository))
            sources.Add(metadata.Repository);
        sources.AddRange(metadata.AuthorContacts);
        foreach (var source in sources)
        {
            if (Registrable(HostOf(source)) is { } domain && !Shared.Contains(domain) && !domains.Contains(domain))
                domains.Add(domain);
        }
        return domains;
    }

    /// <summary>The host of a URL or an e-mail address, lower case.</summary>
    internal static string? HostOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (!text.Contains("://", StringComparison.Ordinal) && text.IndexOf('@') is var at and > 0)
            return text[(at + 1)..].Trim('>', ' ', ')').ToLowerInvariant();
        return Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal)
            ? uri.Host.ToLowerInvariant()
            : null;
    }

    /// <summary>The registrable part of a host name.</summary>
    internal static string? Registrable(string? host)
    {
        if (host is null || !HostNames.IsValidName(host))
            return null;
        var labels = host.Split('.');
        var take = 2;
        if (Hosting.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal)))
            take = 3;
        else if (labels.Length >= 3 && labels[^1].Length == 2 && CountrySecondLevels.Contains(labels[^2]))
            take = 3;
        return labels.Length < take ? null : string.Join('.', labels[^take..]);
    }
}
