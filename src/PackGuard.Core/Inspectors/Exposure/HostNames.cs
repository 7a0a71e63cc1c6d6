namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Host names and addresses that point inside an organisation: names under the top-level domains
/// that only resolve on a private network (<c>.internal</c>, <c>.corp</c>, <c>.local</c>,
/// <c>.lan</c>, <c>.intranet</c>), private IPv4 addresses (RFC 1918), and hosts whose labels name
/// an environment (<c>api-staging.acme.com</c>). Public names that merely use such a domain
/// (<c>metadata.google.internal</c>, <c>host.docker.internal</c>, Kubernetes'
/// <c>*.svc.cluster.local</c>) and documentation placeholders (<c>git.mycorp.internal</c>) are not
/// internal to anyone.
/// </summary>
internal static class HostNames
{
    /// <summary>The top-level domains of private networks.</summary>
    public static readonly string[] InternalSuffixes = [".internal", ".corp", ".local", ".lan", ".intranet"];

    private static readonly HashSet<string> WellKnown = new(StringComparer.Ordinal)
    {
        "metadata.google.internal", "metadata.goog.internal", "host.docker.internal", "gateway.docker.internal",
        "kubernetes.docker.internal", "host.containers.internal", "host.lima.internal", "ec2.internal", "compute.internal",
        "cluster.local", "svc.cluster.local", "localhost.localdomain.local",
    };

    private static readonly string[] WellKnownSuffixes = [".cluster.local", ".compute.internal", ".ec2.internal", ".docker.internal"];

    private static readonly HashSet<string> PlaceholderLabels = new(StringComparer.Ordinal)
    {
        "example", "examples", "your", "yours", "yourdomain", "yourcompany", "yourhost", "yourserver", "your-domain", "your-company",
        "mycompany", "mycorp", "my-company", "mydomain", "myhost", "myserver", "myapp", "mysite", "company", "acme", "contoso",
        "foo", "bar", "baz", "test", "host", "hostname", "server", "domain", "service", "localhost", "somehost", "internal",
        "corp", "local", "lan", "intranet", "xxx", "placeholder", "my", "some", "sample", "demo",
    };

    /// <summary>Labels, or hyphenated parts of labels, that name a non-production environment.</summary>
    public static readonly string[] EnvironmentWords = ["staging", "stage", "stg", "dev", "qa", "uat", "preprod", "internal"];

    /// <summary>Characters of a host name.</summary>
    public static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.';

    /// <summary>
    /// Whether <paramref name="host"/> (lower case) is a syntactically valid name of at least two
    /// labels: 1 to 63 letters, digits and hyphens each, not starting or ending with a hyphen.
    /// </summary>
    public static bool IsValidName(string host)
    {
        if (host.Length is < 3 or > 253)
            return false;
        var labels = 0;
        foreach (var range in host.AsSpan().Split('.'))
        {
            var label = host.AsSpan()[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                return false;
            labels++;
        }
        return labels >= 2;
    }

    /// <summary>The private-network top-level domain <paramref name="host"/> ends in, when it names a real internal host.</summary>
    public static string? InternalDomain(string host)
    {
        var suffix = InternalSuffixes.FirstOrDefault(s => host.EndsWith(s, StringComparison.Ordinal));
        if (suffix is null || WellKnown.Contains(host) || WellKnownSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal)))
            return null;
        return IsPlaceholder(host) ? null : suffix;
    }

    /// <summary>A documentation name: one of its labels (before the top-level domain) is a placeholder word.</summary>
    public static bool IsPlaceholder(string host)
    {
        var labels = host.Split('.');
        return labels[..^1].Any(l => PlaceholderLabels.Contains(l) || l.StartsWith("example", StringComparison.Ordinal) || l.StartsWith("your", StringComparison.Ordinal));
    }

    /// <summary>Whether a label other than the last two names an environment (<c>staging</c>, <c>api-dev</c>).</summary>
    public static bool NamesEnvironment(string host)
    {
        var labels = host.Split('.');
        return labels.Length >= 3 && HasEnvironmentLabel(labels[..^2]);
    }

    /// <summary>Whether one of the labels, or a hyphenated part of one, is an environment's name.</summary>
    public static bool HasEnvironmentLabel(IEnumerable<string> labels) =>
        labels.Any(l => l.Split('-').Any(IsEnvironmentWord));

    /// <summary><c>staging</c>, <c>stage</c>, <c>stg</c>, <c>dev</c>, <c>qa</c>, <c>uat</c>, <c>preprod</c>, <c>internal</c>.</summary>
    public static bool IsEnvironmentWord(string word) => EnvironmentWords.Contains(word);

    /// <summary>
    /// The first address of each private range (<c>10.0.0.1</c>, <c>172.16.0.1</c>,
    /// <c>192.168.0.1</c>, <c>192.168.1.1</c>): the default gateway of home routers and of
    /// documentation, which names no one's network.
    /// </summary>
    private static bool IsGatewayDefault(ReadOnlySpan<int> parts) =>
        parts[3] == 1 && ((parts[0] == 10 && parts[1] == 0 && parts[2] == 0) || (parts[0] == 172 && parts[1] == 16 && parts[2] == 0) ||
                          (parts[0] == 192 && parts[1] == 168 && parts[2] is 0 or 1));

    /// <summary>
    /// Reads a dotted-quad IPv4 address at the start of <paramref name="text"/>; true for one in a
    /// private range (10/8, 172.16/12, 192.168/16) that is a host, not a network or broadcast
    /// address or the start of a CIDR range.
    /// </summary>
    public static bool TryPrivateIpv4(ReadOnlySpan<char> text, out int length, out string address)
    {
        length = 0;
        address = "";
        Span<int> parts = stackalloc int[4];
        var i = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || text[i] != '.')
                    return false;
                i++;
            }
            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 3 && char.IsAsciiDigit(text[i]))
                value = (value * 10) + (text[i++] - '0');
            if (i == start || value > 255 || (i - start > 1 && text[start] == '0'))
                return false;
            parts[part] = value;
        }
        // 10.1.2.3.4 or 10.1.2.345 is something else (a version, an OID); 10.0.0.0/8 is a range.
        if (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) || text[i] == '/' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            return false;
        var isPrivate = parts[0] == 10 || (parts[0] == 172 && parts[1] is >= 16 and <= 31) || (parts[0] == 192 && parts[1] == 168);
        if (!isPrivate || parts[3] is 0 or 255 || IsGatewayDefault(parts))
            return false;
        length = i;
        address = text[..i].ToString();
        return true;
    }
}
