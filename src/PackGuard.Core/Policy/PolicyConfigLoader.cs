using System.Globalization;
using System.Text.Json;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Inspectors.Exposure;
using PackGuard.Rules;

namespace PackGuard.Policy;

/// <summary>
/// Reads a JSON policy file. Unknown keys and unknown rule ids are errors, not silently ignored:
/// a typo in a gate's configuration must not quietly weaken the gate.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "failOn": "medium",
///   "limits": { "maxEntrySize": "256MB", "maxTotalSize": "2GB", "maxCompressionRatio": 200,
///               "maxEntries": 100000, "maxDepth": 3, "maxEntryTime": "30s", "maxScanTime": "5m" },
///   "rules": { "source-map/paths-only": { "severity": "info" },
///              "source-map/dangling-reference": { "enabled": false } },
///   "exposure": { "codenames": ["falcon", "Project Osprey"] },
///   "deps": { "internal": { "scopes": ["@acme"], "prefixes": ["acme-", "Acme."], "registries": ["https://npm.acme.example/"] },
///             "allowedHosts": ["registry.npmjs.org", "npm.acme.example"], "cooldown": "72h" },
///   "excludes": ["**/test/fixtures/**"],
///   "suppressionMaxDays": 90,
///   "suppressions": [ { "rule": "source-map/paths-only", "path": "dist/**", "reason": "...",
///                       "approvedBy": "a.lead@example.com", "expires": "2026-06-30" } ]
/// }
/// </code>
/// </remarks>
public static class PolicyConfigLoader
{
    private const long MaxConfigBytes = 1 << 20;

    /// <summary>Most <c>excludes</c> patterns accepted.</summary>
    public const int MaxExcludes = 256;

    /// <summary>The keys the top level accepts (error messages and the schema test read this list).</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } =
        ["$schema", "failOn", "limits", "rules", "gate", "exposure", "deps", "excludes", "suppressionMaxDays", "suppressions", "ledger"];

    /// <summary>The keys <c>limits</c> accepts.</summary>
    public static IReadOnlyList<string> LimitKeys { get; } =
        ["maxEntrySize", "maxTotalSize", "maxCompressionRatio", "maxEntries", "maxDepth", "maxEntryTime", "maxScanTime", "maxSymbolSize"];

    /// <summary>The keys a suppression accepts.</summary>
    public static IReadOnlyList<string> SuppressionKeys => SuppressionLoader.Keys;

    /// <summary>Loads and validates <paramref name="path"/> against <paramref name="catalog"/>, judging suppression expiries by the system clock.</summary>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static PolicyConfig Load(string path, RuleCatalog catalog) =>
        Load(path, catalog, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));

    /// <summary>Loads and validates <paramref name="path"/> against <paramref name="catalog"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="catalog">The rules that <c>rules</c> and suppressions may name.</param>
    /// <param name="today">The UTC date that suppression expiries are judged against.</param>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static PolicyConfig Load(string path, RuleCatalog catalog, DateOnly today)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new ConfigurationException($"config file {path}: no such file");
            if (info.Length > MaxConfigBytes)
                throw new ConfigurationException($"config file {path}: larger than 1 MiB; that is not a policy file");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"config file {path}: {e.Message}");
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
            return Parse(document.RootElement, catalog, path, today);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new ConfigurationException($"config file {path}: not valid JSON{where}");
        }
    }

    private static PolicyConfig Parse(JsonElement root, RuleCatalog catalog, string path, DateOnly today)
    {
        Expect(root, JsonValueKind.Object, path, "the top level");
        var config = new PolicyConfig();
        foreach (var property in root.EnumerateObject())
        {
            config = property.Name switch
            {
                "$schema" => config,
                "failOn" => config with { FailOn = ParseFailOn(property.Value, path) },
                "limits" => config with { Limits = ParseLimits(property.Value, path) },
                "rules" => config with { Rules = ParseRules(property.Value, catalog, path) },
                "gate" => config with { GateCooldown = ParseGate(property.Value, path) },
                "exposure" => config with { Exposure = ParseExposure(property.Value, path) },
                "deps" => config with { Dependencies = DependencyPolicyLoader.Parse(property.Value, path) },
                "excludes" => config with { Excludes = ParseExcludes(property.Value, path) },
                "suppressionMaxDays" => config with { SuppressionMaxDays = (int)Whole(property.Value, path, "suppressionMaxDays", 1, 3650) },
                "suppressions" => config with { Suppressions = SuppressionLoader.Parse(property.Value, catalog, path) },
                "ledger" => config with { Ledger = ParseLedger(property.Value, path) },
                _ => throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" (expected {string.Join(", ", TopLevelKeys.Skip(1))})"),
            };
        }
        // After the loop: suppressionMaxDays may come after the suppressions it bounds.
        SuppressionLoader.CheckExpiries(config.Suppressions, today, config.SuppressionMaxDays, path);
        return config;
    }

    private static List<PathGlob> ParseExcludes(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.Array, path, "excludes");
        var globs = new List<PathGlob>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new ConfigurationException($"config file {path}: excludes must hold strings");
            var pattern = item.GetString()!;
            if (PathGlob.Problem(pattern) is { } problem)
                throw new ConfigurationException($"config file {path}: excludes: \"{pattern}\" {problem}");
            if (!globs.Any(g => g.Pattern == pattern))
                globs.Add(PathGlob.Create(pattern));
        }
        if (globs.Count > MaxExcludes)
            throw new ConfigurationException($"config file {path}: excludes holds {globs.Count} patterns; at most {MaxExcludes} are allowed");
        return globs;
    }

    private static double Whole(JsonElement value, string path, string where, double min, double max)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
            return number;
        throw new ConfigurationException($"config file {path}: {where} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    private static FailThreshold ParseFailOn(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && FailThreshold.TryParse(value.GetString(), out var threshold))
            return threshold;
        throw new ConfigurationException($"config file {path}: failOn must be one of critical, high, medium, low, info, none");
    }

    private static ArtifactLimits ParseLimits(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.Object, path, "limits");
        var limits = ArtifactLimits.Default;
        foreach (var property in value.EnumerateObject())
        {
            var where = $"limits.{property.Name}";
            limits = property.Name switch
            {
                "maxEntrySize" => limits with { MaxEntrySize = Size(property.Value, path, where) },
                "maxTotalSize" => limits with { MaxTotalSize = Size(property.Value, path, where) },
                "maxCompressionRatio" => limits with { MaxCompressionRatio = Number(property.Value, path, where, 1, 1_000_000) },
                "maxEntries" => limits with { MaxEntries = (int)Number(property.Value, path, where, 1, int.MaxValue) },
                "maxDepth" => limits with { MaxDepth = (int)Number(property.Value, path, where, 0, 32) },
                "maxEntryTime" => limits with { MaxEntryTime = Duration(property.Value, path, where) },
                "maxScanTime" => limits with { MaxScanTime = Duration(property.Value, path, where) },
                "maxSymbolSize" => limits with { MaxSymbolSize = Size(property.Value, path, where) },
                _ => throw new ConfigurationException($"config file {path}: unknown limit \"{property.Name}\" (expected {string.Join(", ", LimitKeys)})"),
            };
        }
        return limits;
    }

    private static TimeSpan? ParseGate(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.Object, path, "gate");
        TimeSpan? cooldown = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name != "cooldown")
                throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" in gate (expected cooldown)");
            if (property.Value.ValueKind != JsonValueKind.String || !DurationText.TryParse(property.Value.GetString(), out var duration))
                throw new ConfigurationException($"config file {path}: gate.cooldown must be a duration such as \"48h\", \"90m\" or \"3d\"");
            cooldown = duration;
        }
        return cooldown;
    }

    private static ExposureOptions ParseExposure(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.Object, path, "exposure");
        var options = ExposureOptions.Default;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name != "codenames")
                throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" in exposure (expected codenames)");
            Expect(property.Value, JsonValueKind.Array, path, "exposure.codenames");
            var codenames = new List<string>();
            foreach (var item in property.Value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                    throw new ConfigurationException($"config file {path}: exposure.codenames must hold strings");
                var codename = item.GetString()!;
                if (ExposureOptions.Problem(codename) is { } problem)
                    throw new ConfigurationException($"config file {path}: exposure.codenames: \"{codename}\" {problem}");
                if (!codenames.Contains(codename, StringComparer.OrdinalIgnoreCase))
                    codenames.Add(codename);
            }
            if (codenames.Count > ExposureOptions.MaxCodenames)
                throw new ConfigurationException($"config file {path}: exposure.codenames holds {codenames.Count} names; at most {ExposureOptions.MaxCodenames} are allowed");
            options = options with { Codenames = codenames };
        }
        return options;
    }

    private static Dictionary<string, RuleSetting> ParseRules(JsonElement value, RuleCatalog catalog, string path)
    {
        Expect(value, JsonValueKind.Object, path, "rules");
        var rules = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        foreach (var rule in value.EnumerateObject())
        {
            if (catalog.Find(rule.Name) is null)
                throw new ConfigurationException($"config file {path}: unknown rule \"{rule.Name}\" (see `packguard rules list`)");
            Expect(rule.Value, JsonValueKind.Object, path, $"rules.{rule.Name}");
            var setting = new RuleSetting();
            foreach (var property in rule.Value.EnumerateObject())
            {
                setting = property.Name switch
                {
                    "enabled" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False =>
                        setting with { Enabled = property.Value.GetBoolean() },
                    "severity" when property.Value.ValueKind == JsonValueKind.String && SeverityNames.TryParse(property.Value.GetString(), out var severity) =>
                        setting with { Severity = severity },
                    "enabled" => throw new ConfigurationException($"config file {path}: rules.{rule.Name}.enabled must be true or false"),
                    "severity" => throw new ConfigurationException($"config file {path}: rules.{rule.Name}.severity must be one of critical, high, medium, low, info"),
                    _ => throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" in rules.{rule.Name} (expected enabled or severity)"),
                };
            }
            rules[rule.Name] = setting;
        }
        return rules;
    }

    private static double Number(JsonElement value, string path, string where, double min, double max)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max)
            return number;
        throw new ConfigurationException($"config file {path}: {where} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A byte count: a number, or a string such as "512MB", "4GiB", "100kB".</summary>
    private static long Size(JsonElement value, string path, string where)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var bytes) && bytes > 0)
            return bytes;
        if (value.ValueKind == JsonValueKind.String && ByteSize.TryParse(value.GetString(), out bytes) && bytes > 0)
            return bytes;
        throw new ConfigurationException($"config file {path}: {where} must be a positive byte count such as 536870912 or \"512MB\"");
    }

    /// <summary>A time budget: seconds as a number, or a <see cref="DurationText"/> string such as "90s", "500ms", "10m".</summary>
    private static TimeSpan Duration(JsonElement value, string path, string where)
    {
        // Up to a day: a budget exists to end a scan, and TimeSpan arithmetic stays far from overflow.
        const double MaxSeconds = 24 * 60 * 60;
        double? seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String when DurationText.TryParse(value.GetString(), out var duration) => duration.TotalSeconds,
            _ => null,
        };
        if (seconds is >= 0 and <= MaxSeconds)
            return TimeSpan.FromSeconds(seconds.Value);
        throw new ConfigurationException($"config file {path}: {where} must be a duration from 0 to 24 hours, in seconds or as a string such as \"90s\", \"500ms\" or \"10m\"");
    }

    /// <summary>Where runs are recorded: a PostgreSQL URL, an SQLite file (relative to the policy file) or "off".</summary>
    private static string ParseLedger(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || text.Trim().Length == 0)
            throw new ConfigurationException($"config file {path}: ledger must be a PostgreSQL URL (postgres://...), an SQLite file or \"off\"");
        return text.Contains("://", StringComparison.Ordinal) || string.Equals(text, "off", StringComparison.OrdinalIgnoreCase)
            ? text
            : Path.GetFullPath(text, Path.GetDirectoryName(path) ?? ".");
    }

    internal static void Expect(JsonElement value, JsonValueKind kind, string path, string where)
    {
        if (value.ValueKind != kind)
            throw new ConfigurationException($"config file {path}: {where} must be a JSON {kind.ToString().ToLowerInvariant()}");
    }
}
