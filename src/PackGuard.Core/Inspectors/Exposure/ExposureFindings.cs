using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Findings;

namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Turns the tally into findings: one per distinct value, with its count, the number of files and
/// its first places. Environment hosts count only under the package's own domain. A value seen
/// only in tests, examples, documentation or bundled third-party code is one step lower; a
/// declared codename is high wherever it is.
/// </summary>
internal static class ExposureFindings
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Report(IFindingSink sink, ExposureTally tally, IReadOnlyList<string> ownDomains)
    {
        foreach (var (kind, value, seen) in tally.All)
        {
            if (Build(kind, value, seen, ownDomains) is { } finding)
                sink.Report(finding);
        }
    }

    private static Finding? Build(ExposureKind kind, string value, ExposureTally.Seen seen, IReadOnlyList<string> ownDomains)
    {
        string ruleId;
        Severity severity;
        string what;
        var properties = new JsonObject { ["value"] = value };
        switch (kind)
        {
            case ExposureKind.EnvironmentHost:
                var domain = ownDomains.FirstOrDefault(d => value.EndsWith("." + d, StringComparison.Ordinal) && HostNames.HasEnvironmentLabel(value[..^(d.Length + 1)].Split('.')));
                if (domain is null)
                    return null;
                (ruleId, severity) = (ExposureRules.InternalHost, seen.Primary ? Severity.Medium : Severity.Low);
                what = $"a non-production host ({Environment(value, domain)}) under the package's own domain {domain}";
                properties["kind"] = "environment-subdomain";
                properties["ownDomain"] = domain;
                break;
            case ExposureKind.InternalDomain:
                (ruleId, severity) = (ExposureRules.InternalHost, seen.Primary ? Severity.Medium : Severity.Low);
                what = $"a host under {value[value.LastIndexOf('.')..]}, which resolves only on a private network";
                properties["kind"] = "internal-domain";
                break;
            case ExposureKind.PrivateAddress:
                (ruleId, severity) = (ExposureRules.InternalHost, seen.Primary ? Severity.Medium : Severity.Low);
                what = "a private IPv4 address, reachable only inside a network";
                properties["kind"] = "private-address";
                break;
            case ExposureKind.HomePath:
                (ruleId, severity) = (ExposureRules.HomePath, seen.Primary ? Severity.Low : Severity.Info);
                var user = User(value);
                what = $"a path into the home directory of user {user}";
                properties["kind"] = "home-directory";
                properties["user"] = user;
                break;
            default:
                (ruleId, severity) = (ExposureRules.Codename, Severity.High);
                what = "a codename the team declared in exposure.codenames";
                properties["kind"] = "codename";
                break;
        }
        var first = seen.Locations[0];
        // The message names three places; the properties keep five.
        var places = string.Join("; ", seen.Locations.Take(3).Select(l => l.Describe()));
        var listed = seen.Count > Math.Min(3, seen.Locations.Count) ? ", first at " : ": ";
        var message = $"{Quote(kind, value)} ({what}) appears {Times(seen.Count)} in {Count(seen.Files.Count, "file")}{listed}{places}.";
        if (!seen.Primary && kind != ExposureKind.Codename)
            message += " Only in tests, examples, documentation or bundled third-party code, so it is likely an example or someone else's.";
        properties["occurrences"] = seen.Count;
        properties["files"] = seen.Files.Count;
        properties["locations"] = new JsonArray([.. seen.Locations.Select(l => (JsonNode)new JsonObject
        {
            ["path"] = l.Path,
            ["line"] = l.Line,
            ["column"] = l.Column,
            ["originalPath"] = l.OriginalPath,
        })]);
        return new Finding(ruleId, severity, ExposureRules.TitleOf(ruleId), message,
            new FindingLocation(first.Path, ToInt(first.Line), ToInt(first.Column), first.OriginalPath),
            Fingerprint.Compute(ruleId, first.Path[..(first.Path.LastIndexOf('!') + 1)], value), properties)
        {
            Fix = ExposureRules.FixOf(ruleId),
        };
    }

    /// <summary>The environment label of <c>api-staging.acme.com</c>: <c>staging</c>.</summary>
    private static string Environment(string host, string domain)
    {
        var labels = host[..^(domain.Length + 1)].Split('.');
        return labels.SelectMany(l => l.Split('-')).LastOrDefault(HostNames.IsEnvironmentWord) ?? "environment";
    }

    private static string User(string home) => home.TrimEnd('/', '\\').Split('/', '\\')[^1];

    private static string Quote(ExposureKind kind, string value) => kind == ExposureKind.Codename ? $"\"{value}\"" : value;

    private static string Times(long n) => n == 1 ? "once" : n == 2 ? "twice" : n.ToString("N0", Invariant) + " times";

    private static string Count(long n, string noun) => n.ToString("N0", Invariant) + " " + (n == 1 ? noun : noun + "s");

    private static int? ToInt(long? value) => value is { } v && v <= int.MaxValue ? (int)v : null;
}
