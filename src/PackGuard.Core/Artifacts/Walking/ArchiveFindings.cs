using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Builds the findings of <see cref="ArchiveRules"/>: one method per situation, so that messages,
/// properties and fingerprints stay consistent wherever the walker meets it.
/// </summary>
internal static class ArchiveFindings
{
    public static Finding EntryTooLarge(string path, long size, long max, bool declared) => Limit(
        path, "entrySize", size, max, Severity.Medium,
        declared
            ? $"'{path}' declares {ByteSize.FormatBinary(size)}, more than the {ByteSize.FormatBinary(max)} entry-size limit; only its first {ByteSize.FormatBinary(max)} were inspected."
            : $"'{path}' holds more than {ByteSize.FormatBinary(max)}, the entry-size limit; only its first {ByteSize.FormatBinary(max)} were inspected.",
        $"Remove '{path}' from the package if it should not ship, or raise the entry-size limit for this package.",
        new JsonObject { ["declared"] = declared });

    public static Finding TotalTooLarge(string path, long expanded, long max) => Limit(
        path, "totalSize", expanded, max, Severity.Medium,
        $"The artifact expands to more than {ByteSize.FormatBinary(max)}, the total-size limit; reading stopped in '{path}' and later entries were not inspected.",
        "Find what makes the package this large (build output, test data, vendored archives) and exclude it, or raise the total-size limit.");

    public static Finding TooManyEntries(string path, int max) => Limit(
        path, "entryCount", max + 1L, max, Severity.Medium,
        $"The artifact has more than {max.ToString(CultureInfo.InvariantCulture)} entries, the entry limit; '{path}' and the entries after it were not inspected.",
        "Check the package's file list for directories that should not ship (node_modules, caches, fixtures), or raise the entry limit.");

    public static Finding TooDeep(string path, int depth, int max) => Limit(
        path, "depth", depth, max, Severity.Medium,
        $"'{path}' is an archive nested {depth.ToString(CultureInfo.InvariantCulture)} levels deep, beyond the depth limit of {max.ToString(CultureInfo.InvariantCulture)}; it was inspected as an ordinary file, not opened.",
        $"Ship the contents of '{path}' unpacked if they are needed, or raise the depth limit.");

    public static Finding RatioExceeded(string path, string stream, long expanded, long compressed, double max)
    {
        var ratio = Math.Round((double)expanded / compressed, 1);
        return Limit(
            path, "compressionRatio", ratio, max, Severity.High,
            string.Create(CultureInfo.InvariantCulture,
                $"The {stream} expanded {ByteSize.FormatBinary(expanded)} from {ByteSize.FormatBinary(compressed)} (ratio {ratio:0.#}, limit {max:0.#}) while reading '{path}'; this looks like a decompression bomb, and the rest of that stream was not read."),
            $"Do not install or publish this artifact until you know why '{path}' compresses this well; remove it if it is not needed.",
            new JsonObject { ["expandedBytes"] = expanded, ["compressedBytes"] = compressed });
    }

    public static Finding UnsafeName(string path, string reason) => Build(
        ArchiveRules.UnsafePathRule, path, reason, Severity.High,
        reason == EntryPaths.AbsolutePath
            ? $"The entry name '{path}' is absolute; an extractor that trusts it writes outside its target directory."
            : $"The entry name '{path}' climbs out with '..'; an extractor that trusts it writes outside its target directory.",
        $"Rebuild the archive so that '{path}' is a plain relative path inside the package.",
        new JsonObject { ["reason"] = reason });

    public static Finding UnsafeLink(string path, string target) => Build(
        ArchiveRules.UnsafePathRule, path, EntryPaths.LinkOutsideRoot, Severity.High,
        $"The link '{path}' points to '{target}', outside the archive; extracting it exposes or overwrites files elsewhere on the machine.",
        $"Remove the link '{path}' or point it at a file inside the package with a relative target.",
        new JsonObject { ["reason"] = EntryPaths.LinkOutsideRoot, ["target"] = target });

    public static Finding AmbiguousName(string path, string reason) => Build(
        ArchiveRules.AmbiguousNameRule, path, reason, Severity.Medium,
        reason switch
        {
            EntryPaths.Duplicate => $"'{path}' appears more than once in the archive; extractors disagree on which copy wins (npm keeps the last), so what is installed may not be what a reviewer reads. Every copy was inspected.",
            EntryPaths.CaseCollision => $"'{path}' differs from an earlier entry only in letter case; on Windows and macOS file systems one of the two overwrites the other.",
            EntryPaths.InvalidUtf8 => $"The entry name '{path}' is not valid UTF-8 (the undecodable bytes are shown as U+FFFD); tools decode it differently, so it may be extracted under another name.",
            _ => $"The entry name '{path}' holds control characters; they rewrite the terminal or log that prints the name, and Windows refuses them.",
        },
        $"Rebuild the archive so that '{path}' appears once, under a plain name.",
        new JsonObject { ["reason"] = reason });

    public static Finding LocalNameMismatch(string path, string localName) => Build(
        ArchiveRules.AmbiguousNameRule, path, EntryPaths.LocalHeaderMismatch, Severity.High,
        $"The zip's central directory names this entry '{path}', but its local header names it '{localName}': extractors that read the central directory (unzip, .NET, pip) and those that stream local headers (Java's ZipInputStream, streaming installers) unpack different files. PackGuard inspected the content under the central name.",
        "Do not install or publish this archive: packaging tools never write two names for one entry. Rebuild it with the ecosystem's own tool from a clean checkout.",
        new JsonObject { ["reason"] = EntryPaths.LocalHeaderMismatch, ["localName"] = localName });

    public static Finding Corrupt(string path, string problem, string? innerEntry) => Build(
        ArchiveRules.CorruptRule, path, null, Severity.Medium,
        innerEntry is null
            ? $"The nested archive '{path}' cannot be read ({problem}); its contents were not inspected."
            : $"The nested archive '{path}' cannot be read ({problem}); reading stopped at '{innerEntry}' and the rest of it was not inspected.",
        $"Regenerate '{path}' in the build and check that it extracts, or remove it from the package.",
        new JsonObject { ["reason"] = problem });

    public static Finding EntryOutOfTime(string path, TimeSpan spent, TimeSpan max, long inspected, long? size) => Build(
        Scanning.ScanRules.IncompleteRule, path, "entryTime", Severity.Medium,
        $"Reading and inspecting '{path}' took {Duration(spent)}, past the {Duration(max)} per-entry time budget; only its first {ByteSize.FormatBinary(inspected)}"
            + (size is { } total ? $" of {ByteSize.FormatBinary(total)}" : "") + " were inspected, so the scan is incomplete.",
        $"Find out why '{path}' is so slow to inspect (an unusual file deserves a look of its own), or raise limits.maxEntryTime.",
        new JsonObject { ["budget"] = "entryTime", ["seconds"] = Seconds(spent), ["maxSeconds"] = Seconds(max), ["inspectedBytes"] = inspected });

    public static Finding ScanOutOfTime(string path, TimeSpan spent, TimeSpan max, int entries, long bytes) => Build(
        Scanning.ScanRules.IncompleteRule, path, "scanTime", Severity.Medium,
        $"The scan ran out of its {Duration(max)} time budget after {Duration(spent)}, {entries.ToString(CultureInfo.InvariantCulture)} entries and {ByteSize.FormatBinary(bytes)}; reading stopped at '{path}' and later entries were not inspected, so the scan is incomplete.",
        "Scan on a less loaded machine, or raise limits.maxScanTime for artifacts this large.",
        new JsonObject { ["budget"] = "scanTime", ["seconds"] = Seconds(spent), ["maxSeconds"] = Seconds(max), ["entries"] = entries, ["inspectedBytes"] = bytes });

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);

    /// <summary>A duration as people write it: <c>850 ms</c>, <c>12.5 s</c>, <c>10 min</c>.</summary>
    internal static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMinutes:0.#} min"),
    };

    private static Finding Limit(string path, string limit, JsonNode value, JsonNode max, Severity severity,
        string message, string fix, JsonObject? extra = null)
    {
        var properties = new JsonObject { ["limit"] = limit, ["value"] = value, ["max"] = max };
        foreach (var (key, node) in extra ?? [])
            properties[key] = node?.DeepClone();
        return Build(ArchiveRules.LimitsExceededRule, path, limit, severity, message, fix, properties);
    }

    private static Finding Build(RuleDescriptor rule, string path, string? discriminator, Severity severity,
        string message, string fix, JsonObject properties) =>
        new(rule.Id, severity, rule.Title, message, new FindingLocation(path),
            Fingerprint.Compute(rule.Id, path, discriminator), properties)
        { Fix = fix };
}
