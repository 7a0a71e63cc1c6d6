using System.Globalization;
using System.Text.Json;
using PackGuard.Rules;

namespace PackGuard.Policy;

/// <summary>
/// Reads the <c>suppressions</c> array of a policy file. Every entry must say what it accepts (a
/// fingerprint, or a rule with an optional path), why, who approved it and until when; an entry
/// that does not is a configuration error naming its index and key, because an exception nobody
/// signed or that never ends is how a gate erodes.
/// </summary>
internal static class SuppressionLoader
{
    /// <summary>Most entries accepted; suppressions are exceptions, not a second rule set.</summary>
    public const int MaxEntries = 1000;

    /// <summary>The default for <c>suppressionMaxDays</c>.</summary>
    public const int DefaultMaxDays = 90;

    /// <summary>The keys an entry may have.</summary>
    public static readonly string[] Keys = ["fingerprint", "rule", "path", "reason", "approvedBy", "expires"];

    public static List<Suppression> Parse(JsonElement value, RuleCatalog catalog, string path)
    {
        PolicyConfigLoader.Expect(value, JsonValueKind.Array, path, "suppressions");
        if (value.GetArrayLength() > MaxEntries)
            throw new ConfigurationException($"config file {path}: suppressions holds {value.GetArrayLength()} entries; at most {MaxEntries} are allowed");
        var list = new List<Suppression>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
            list.Add(ParseOne(item, catalog, path, index++));
        return list;
    }

    /// <summary>Checks that no suppression ends more than <paramref name="maxDays"/> after <paramref name="today"/>.</summary>
    public static void CheckExpiries(IReadOnlyList<Suppression> suppressions, DateOnly today, int maxDays, string path)
    {
        var latest = today.AddDays(maxDays);
        foreach (var suppression in suppressions)
        {
            if (suppression.Expires > latest)
                throw new ConfigurationException($"config file {path}: suppressions[{suppression.Index}].expires {Date(suppression.Expires)} is more than {maxDays} days ahead (the latest allowed today is {Date(latest)}; see suppressionMaxDays)");
        }
    }

    private static Suppression ParseOne(JsonElement item, RuleCatalog catalog, string path, int index)
    {
        var where = $"suppressions[{index}]";
        PolicyConfigLoader.Expect(item, JsonValueKind.Object, path, where);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            if (!Keys.Contains(property.Name, StringComparer.Ordinal))
                throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" in {where} (expected {string.Join(", ", Keys)})");
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                throw new ConfigurationException($"config file {path}: {where}.{property.Name} must be a non-empty string");
            fields[property.Name] = property.Value.GetString()!.Trim();
        }

        var fingerprint = fields.GetValueOrDefault("fingerprint");
        var rule = fields.GetValueOrDefault("rule");
        if (fingerprint is not null && rule is not null)
            throw new ConfigurationException($"config file {path}: {where} names both fingerprint and rule; name one of them");
        if (fingerprint is null && rule is null)
            throw new ConfigurationException($"config file {path}: {where} names neither fingerprint nor rule; name one of them");
        if (rule is not null && catalog.Find(rule) is null)
            throw new ConfigurationException($"config file {path}: {where}.rule: unknown rule \"{rule}\" (see `packguard rules list`)");
        PathGlob? glob = null;
        if (fields.TryGetValue("path", out var pattern))
        {
            if (fingerprint is not null)
                throw new ConfigurationException($"config file {path}: {where}.path goes with rule, not fingerprint (a fingerprint already names one finding)");
            if (PathGlob.Problem(pattern) is { } problem)
                throw new ConfigurationException($"config file {path}: {where}.path: \"{pattern}\" {problem}");
            glob = PathGlob.Create(pattern);
        }
        foreach (var required in (string[])["reason", "approvedBy", "expires"])
        {
            if (!fields.ContainsKey(required))
                throw new ConfigurationException($"config file {path}: {where}.{required} is missing; every suppression needs a reason, approvedBy and expires");
        }
        if (!DateOnly.TryParseExact(fields["expires"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            throw new ConfigurationException($"config file {path}: {where}.expires must be a date written yyyy-mm-dd, such as \"2026-12-31\"");
        return new Suppression(index, fingerprint, rule, glob, fields["reason"], fields["approvedBy"], expires);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
