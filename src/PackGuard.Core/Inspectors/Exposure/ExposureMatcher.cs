using System.Buffers;
using System.Text;

namespace PackGuard.Inspectors.Exposure;

/// <summary>What a hit is.</summary>
internal enum ExposureKind
{
    /// <summary>A name under a private-network top-level domain (<c>grafana.internal</c>).</summary>
    InternalDomain,

    /// <summary>A private IPv4 address in a URL or host position.</summary>
    PrivateAddress,

    /// <summary>A URL host with an environment label (<c>api-staging.acme.com</c>); an exposure only if it is under the package's own domain.</summary>
    EnvironmentHost,

    /// <summary>A home directory that names a person.</summary>
    HomePath,

    /// <summary>A codename the team declared.</summary>
    Codename,
}

/// <summary>Receives the matcher's hits.</summary>
internal interface IExposureHitSink
{
    /// <param name="kind">What was found.</param>
    /// <param name="value">The normalised value (a lower-case host, a home directory, the declared codename).</param>
    /// <param name="position">Where in the text the value starts.</param>
    void OnHit(ExposureKind kind, string value, int position);
}

/// <summary>
/// Finds internal surface in text with one vectorised multi-string search
/// (<see cref="SearchValues{T}"/> of strings, case-insensitive) over a few anchors: <c>://</c>
/// (every URL's host is read once), the private top-level domains for bare host names, private
/// IPv4 prefixes in quotes, the home-directory roots, and the team's codenames. Each anchor hit
/// is then checked on a small window around it: the text is never searched twice. A host is
/// counted only in a host position (a URL, <c>user@host</c>, or a string that starts with it), not
/// in prose or code (<c>options.local</c>).
/// </summary>
internal sealed class ExposureMatcher
{
    /// <summary>The most characters a hit reads before its anchor (a host name's labels).</summary>
    public const int LookBehind = 256;

    /// <summary>The most characters a hit reads from its anchor (a URL's user info and host).</summary>
    public const int LookAhead = 640;

    private const string UrlAnchor = "://";
    private static readonly string[] AddressAnchors = ["192.168.", "\"10.", "'10.", "@10.", "\"172.", "'172.", "@172."];

    private readonly SearchValues<string> _anchors;
    private readonly (string Match, string Declared)[] _codenames;

    public ExposureMatcher(ExposureOptions options)
    {
        // Text is read as Latin-1 (one char per byte), so a codename is matched by its UTF-8 bytes.
        _codenames = [.. options.Codenames
            .Select(c => (Match: Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(c)), Declared: c))
            .DistinctBy(c => c.Match, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(c => c.Match.Length)];
        _anchors = SearchValues.Create(
            [UrlAnchor, .. HostNames.InternalSuffixes, .. AddressAnchors, .. HomePaths.Anchors, .. _codenames.Select(c => c.Match)],
            StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether any codename is declared.</summary>
    public bool HasCodenames => _codenames.Length > 0;

    /// <summary>The index of the next anchor in <paramref name="text"/>, or -1.</summary>
    public int NextAnchor(ReadOnlySpan<char> text) => text.IndexOfAny(_anchors);

    /// <summary>
    /// Checks the anchor at <paramref name="at"/> and reports what it finds. Host hits inside a URL
    /// host already read are skipped: <paramref name="hostEnd"/> is where the last URL host ended,
    /// and is moved on when this anchor is a URL.
    /// </summary>
    public void Examine(ReadOnlySpan<char> text, int at, ref int hostEnd, IExposureHitSink sink)
    {
        var rest = text[at..];
        if (rest.StartsWith(UrlAnchor, StringComparison.Ordinal))
        {
            hostEnd = Url(text, at + UrlAnchor.Length, sink);
            return;
        }
        if (rest[0] is '.' && at >= hostEnd)
            BareHost(text, at, sink);
        else if (rest[0] is '/' or '\\')
        {
            if (HomePaths.Read(text, at) is { } home)
                sink.OnHit(ExposureKind.HomePath, home.Home, at);
        }
        else if (at >= hostEnd && StartsWithAny(rest, AddressAnchors))
            Address(text, at, sink);
        foreach (var (match, declared) in _codenames)
        {
            if (rest.StartsWith(match, StringComparison.OrdinalIgnoreCase) && Codenames.OnBoundary(text, at, match.Length))
            {
                sink.OnHit(ExposureKind.Codename, declared, at);
                break;
            }
        }
    }

    /// <summary>Reads the host of a URL (after any user info and before any port) and classifies it; returns where it ends.</summary>
    private static int Url(ReadOnlySpan<char> text, int start, IExposureHitSink sink)
    {
        var end = start;
        var limit = Math.Min(text.Length, start + LookAhead - UrlAnchor.Length);
        while (end < limit && text[end] is not ('/' or '?' or '#' or '"' or '\'' or '`' or '\\' or '<' or '>' or ')' or ']' or ',' or ';' or '{' or '}' or '|') && !char.IsWhiteSpace(text[end]))
            end++;
        var authority = text[start..end];
        var hostStart = start + authority.LastIndexOf('@') + 1;
        var hostEnd = hostStart;
        while (hostEnd < end && HostNames.IsHostChar(text[hostEnd]))
            hostEnd++;
        if (hostEnd < end && text[hostEnd] is not ':')
            return hostEnd; // a template (https://${host}) or something that is not a host
        var host = text[hostStart..hostEnd].TrimEnd('.');
        if (host.IsEmpty)
            return hostEnd;
        if (HostNames.TryPrivateIpv4(host, out var length, out var address) && length == host.Length)
        {
            sink.OnHit(ExposureKind.PrivateAddress, address, hostStart);
            return hostEnd;
        }
        // Most URLs name public hosts: look at the span before allocating a name.
        var internalDomain = EndsWithAny(host, HostNames.InternalSuffixes);
        if (!internalDomain && host.IndexOfAny(EnvironmentWords) < 0)
            return hostEnd;
        var name = host.ToString().ToLowerInvariant();
        if (!HostNames.IsValidName(name) || char.IsAsciiDigit(name[^1]))
            return hostEnd;
        if (internalDomain && HostNames.InternalDomain(name) is not null)
            sink.OnHit(ExposureKind.InternalDomain, name, hostStart);
        else if (!internalDomain && HostNames.NamesEnvironment(name))
            sink.OnHit(ExposureKind.EnvironmentHost, name, hostStart);
        return hostEnd;
    }

    private static readonly SearchValues<string> EnvironmentWords = SearchValues.Create(HostNames.EnvironmentWords, StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A host name ending in a private top-level domain, in a host position: after <c>@</c>, after
    /// <c>//</c> without a scheme, or at the start of a string that holds the host (and perhaps a
    /// port or path).
    /// </summary>
    private static void BareHost(ReadOnlySpan<char> text, int dot, IExposureHitSink sink)
    {
        string? suffix = null;
        foreach (var candidate in HostNames.InternalSuffixes)
        {
            if (text[dot..].StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
                suffix = candidate;
        }
        if (suffix is null)
            return;
        var end = dot + suffix.Length;
        // .local must end the name: not .locale, .local.json or .localhost.
        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' ||
            (text[end] == '.' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1]))))
            return;
        var start = dot;
        var floor = Math.Max(0, dot - LookBehind);
        while (start > floor && HostNames.IsHostChar(text[start - 1]))
            start--;
        if (start == dot || start == 0)
            return;
        var before = text[start - 1];
        var quoted = before is '"' or '\'' or '`';
        var hostPosition = quoted || before == '@' || (before == '/' && start >= 2 && text[start - 2] == '/' && (start < 3 || text[start - 3] != ':'));
        if (!hostPosition || (quoted && end < text.Length && text[end] is not ('"' or '\'' or '`' or ':' or '/')))
            return;
        var name = text[start..end].ToString().ToLowerInvariant();
        if (HostNames.IsValidName(name) && HostNames.InternalDomain(name) is not null)
            sink.OnHit(ExposureKind.InternalDomain, name, start);
    }

    private static readonly string[] HostKeys = ["host", "addr", "server", "endpoint", "proxy", "gateway", "dns", "bind", "remote", "peer", "url", "uri"];

    /// <summary>Whether a key names a host or an address: <c>dbHost</c>, <c>PROXY</c>, <c>ip</c>, <c>server_ip</c>, <c>serverIp</c>, but not <c>zip</c>.</summary>
    private static bool NamesHost(string key)
    {
        if (key.Length == 0)
            return false;
        var lower = key.ToLowerInvariant();
        if (HostKeys.Any(k => lower.Contains(k, StringComparison.Ordinal)))
            return true;
        return lower == "ip" || lower.EndsWith("_ip", StringComparison.Ordinal) || lower.EndsWith("-ip", StringComparison.Ordinal) ||
            (key.Length > 2 && (key.EndsWith("Ip", StringComparison.Ordinal) || key.EndsWith("IP", StringComparison.Ordinal)) && char.IsAsciiLetterLower(key[^3]));
    }

    /// <summary>The key of the assignment or property a string starts (<c>host: "x"</c>, <c>"ip": "x"</c>, <c>bind = 'x'</c>), or empty.</summary>
    private static string KeyBefore(ReadOnlySpan<char> text, int quote)
    {
        var i = quote - 1;
        var floor = Math.Max(0, quote - 64);
        while (i >= floor && text[i] is ' ' or '\t')
            i--;
        if (i < floor || text[i] is not (':' or '='))
            return "";
        i--;
        while (i >= floor && text[i] is ' ' or '\t' or '"' or '\'')
            i--;
        var end = i + 1;
        while (i >= floor && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
            i--;
        return text[(i + 1)..end].ToString();
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>A private IPv4 address in quotes (<c>"10.1.2.3:5432"</c>), after <c>@</c>, or anywhere for 192.168.</summary>
    private static void Address(ReadOnlySpan<char> text, int at, IExposureHitSink sink)
    {
        var start = text[at] is '"' or '\'' or '@' ? at + 1 : at;
        if (start == at)
        {
            // 192.168. anywhere: only in a host position, and not a URL's (read with the URL).
            if (at == 0 || text[at - 1] is not ('"' or '\'' or '`' or '@' or '/'))
                return;
            if (text[at - 1] == '/' && (at < 3 || text[at - 2] != '/' || text[at - 3] == ':'))
                return;
        }
        if (!HostNames.TryPrivateIpv4(text[start..], out var length, out var address))
            return;
        var end = start + length;
        var quoted = start > 0 && text[start - 1] is '"' or '\'' or '`';
        if (quoted && end < text.Length && text[end] is not ('"' or '\'' or '`' or ':' or '/'))
            return;
        // "10.2.154.15" alone is as often a version (V8's) as an address: a quoted address needs a
        // port or path after it, or a key before it that names a host.
        if (quoted && end < text.Length && text[end] == text[start - 1] && !NamesHost(KeyBefore(text, start - 1)))
            return;
        sink.OnHit(ExposureKind.PrivateAddress, address, start);
    }
}
