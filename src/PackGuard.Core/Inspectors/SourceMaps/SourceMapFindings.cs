using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>
/// Turns measured maps into findings: picks the rule and the severity (the package's openness
/// decides how bad exposed source is) and writes the message a reviewer reads.
/// </summary>
internal sealed class SourceMapFindings(IFindingSink sink, PackageOpenness openness, SourceMapFixAdvisor advisor)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void ReportMap(string path, SourceMapMeasurement m, MapShape shape)
    {
        if (m.Sources == 0)
            return;
        var embeds = m.SourcesWithContent > 0;
        var ruleId = embeds ? SourceMapRules.EmbeddedSources : SourceMapRules.PathsOnly;
        var severity = embeds ? EmbeddedSeverity(m) : PathsOnlySeverity();
        var message = new StringBuilder();

        if (!embeds)
            message.Append($"{path} names {Count(m.Sources, "original source file")} without embedding {(m.Sources == 1 ? "its" : "their")} content; the paths reveal the layout of the original source tree.");
        else if (m.FirstPartySourcesWithContent > 0)
            message.Append($"{path} embeds the original source of {Count(m.FirstPartySourcesWithContent, "first-party file")} ({Count(m.FirstPartyLines, "line")}, {ByteSize.Format(m.FirstPartyBytes)})")
                .Append(m.ThirdPartySources > 0 ? $" beside {Count(m.ThirdPartySources, "third-party file")}." : ".");
        else
            message.Append($"{path} embeds the source of {Count(m.SourcesWithContent, "file")}, all of them third-party or bundler code; none of the package's own code is exposed.");

        message.Append(' ').Append(Shape(shape));
        if (embeds && m.FirstPartySourcesWithContent > 0)
            message.Append(' ').Append(SeverityReason(severity));
        // Where one file is exposed, its directory and extension say nothing the path did not.
        if (m.TopDirectories.Count > 1 || m.TopDirectories.Sum(d => d.Files) > 1)
        {
            message.Append(" Most exposed: ").Append(Join(m.TopDirectories.Take(5))).Append('.');
            message.Append(" File types: ").Append(string.Join(", ", m.TopExtensions.Take(5).Select(e => $"{e.Name} {e.Files.ToString("N0", Invariant)}"))).Append('.');
        }
        if (m.Incomplete is { } why)
            message.Append(" The map could not be read to the end (").Append(why).Append("); the figures cover what was read.");

        sink.Report(new Finding(
            ruleId,
            severity,
            embeds ? SourceMapRules.EmbeddedSourcesTitle : SourceMapRules.PathsOnlyTitle,
            message.ToString(),
            new FindingLocation(path),
            Fingerprint.Compute(ruleId, path),
            Properties(m, shape, openness.Level))
        {
            Fix = advisor.ForMap(shape.Kind, embeds),
        });
    }

    public void ReportDangling(DanglingReference reference)
    {
        var severity = reference.Remote
            ? (openness.Level == Openness.Proprietary ? Severity.Medium : Severity.Low)
            : (openness.Level == Openness.Proprietary ? Severity.Low : Severity.Info);
        var message = reference.Remote
            ? $"{reference.FromPath} points its sourceMappingURL at {reference.Url}, outside the package. Anyone who can read that URL can read the map, and any sources it embeds."
            : $"{reference.FromPath} names {reference.Url} as its source map, but the package does not contain it: the build made a map that was left out, and debuggers will ask for it.";
        var properties = new JsonObject
        {
            ["url"] = reference.Url,
            ["remote"] = reference.Remote,
        };
        sink.Report(new Finding(
            SourceMapRules.DanglingReference,
            severity,
            SourceMapRules.DanglingReferenceTitle,
            message,
            new FindingLocation(reference.FromPath),
            Fingerprint.Compute(SourceMapRules.DanglingReference, reference.FromPath, reference.Url),
            properties)
        {
            Fix = advisor.ForDangling(reference.Remote),
        });
    }

    private Severity EmbeddedSeverity(SourceMapMeasurement m)
    {
        if (m.FirstPartySourcesWithContent == 0)
            return Severity.Low;
        return openness.Level switch
        {
            Openness.Proprietary => Severity.Critical,
            Openness.OpenLicenseOnly => Severity.High,
            _ => Severity.Medium,
        };
    }

    private Severity PathsOnlySeverity() => openness.Level == Openness.Proprietary ? Severity.Low : Severity.Info;

    private string SeverityReason(Severity severity) => severity switch
    {
        Severity.Critical => $"This exposes proprietary source: {openness.Reason}.",
        Severity.High => $"The source may not be public: {openness.Reason}.",
        _ => $"The source is probably public already: {openness.Reason}.",
    };

    private static string Shape(MapShape shape) => shape.Kind switch
    {
        "inline" => "The map is inline in the file itself (a data: URL), so it ships wherever the file does.",
        _ when shape.ReferencedBy.Count == 0 => "No file in the package references it (a hidden map), yet anyone can download it with the package.",
        _ => $"It is referenced by {shape.ReferencedBy[0]}{(shape.ReferencedBy.Count > 1 ? $" and {shape.ReferencedBy.Count - 1} more" : "")}.",
    };

    private static JsonObject Properties(SourceMapMeasurement m, MapShape shape, Openness level)
    {
        var properties = new JsonObject
        {
            ["sources"] = m.Sources,
            ["sourcesWithContent"] = m.SourcesWithContent,
            ["firstPartySources"] = m.FirstPartySources,
            ["firstPartySourcesWithContent"] = m.FirstPartySourcesWithContent,
            ["firstPartyLines"] = m.FirstPartyLines,
            ["firstPartyBytes"] = m.FirstPartyBytes,
            ["thirdPartySources"] = m.ThirdPartySources,
            ["bundlerRuntimeSources"] = m.BundlerRuntimeSources,
            ["unnamedSources"] = m.UnnamedSources,
            ["topDirectories"] = new JsonArray([.. m.TopDirectories.Select(d => new JsonObject { ["path"] = d.Name, ["files"] = d.Files })]),
            ["topExtensions"] = new JsonArray([.. m.TopExtensions.Select(e => new JsonObject { ["extension"] = e.Name, ["files"] = e.Files })]),
            ["mapKind"] = shape.Kind,
            ["mapBytes"] = shape.Bytes,
            ["hidden"] = shape.Kind != "inline" && shape.ReferencedBy.Count == 0,
            ["referencedBy"] = new JsonArray([.. shape.ReferencedBy.Select(r => (JsonNode)r)]),
            ["sections"] = m.Sections,
            ["complete"] = m.Incomplete is null,
            ["packageOpenness"] = level switch
            {
                Openness.OpenSource => "open-source",
                Openness.OpenLicenseOnly => "open-licence-only",
                _ => "proprietary",
            },
        };
        return properties;
    }

    private static string Join(IEnumerable<NamedCount> counts) =>
        string.Join(", ", counts.Select((c, i) => i == 0 ? $"{c.Name} ({Count(c.Files, "file")})" : $"{c.Name} ({c.Files.ToString("N0", Invariant)})"));

    private static string Count(long n, string noun) =>
        n.ToString("N0", Invariant) + " " + (n == 1 ? noun : noun + "s");
}
