using System.Text.Json;
using PackGuard.Dependencies.Audit;

namespace PackGuard.Policy;

/// <summary>Reads the <c>deps</c> section of a policy file into a <see cref="DependencyPolicy"/>; every mistake names its key.</summary>
internal static class DependencyPolicyLoader
{
    public static DependencyPolicy Parse(JsonElement value, string path)
    {
        PolicyConfigLoader.Expect(value, JsonValueKind.Object, path, "deps");
        var policy = DependencyPolicy.Default;
        foreach (var property in value.EnumerateObject())
        {
            policy = property.Name switch
            {
                "internal" => ParseInternal(property.Value, path, policy),
                "allowedHosts" => policy with { AllowedHosts = Strings(property.Value, path, "deps.allowedHosts", Host) },
                "cooldown" when property.Value.ValueKind == JsonValueKind.String && DurationText.TryParse(property.Value.GetString(), out var cooldown)
                    => policy with { Cooldown = cooldown },
                "cooldown" => throw new ConfigurationException($"config file {path}: deps.cooldown must be a duration such as \"48h\", \"90m\" or \"3d\""),
                _ => throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" in deps (expected internal, allowedHosts or cooldown)"),
            };
        }
        return policy;
    }

    private static DependencyPolicy ParseInternal(JsonElement value, string path, DependencyPolicy policy)
    {
        PolicyConfigLoader.Expect(value, JsonValueKind.Object, path, "deps.internal");
        foreach (var property in value.EnumerateObject())
        {
            policy = property.Name switch
            {
                "scopes" => policy with { InternalScopes = Strings(property.Value, path, "deps.internal.scopes", DependencyPolicy.ScopeProblem) },
                "prefixes" => policy with { InternalPrefixes = Strings(property.Value, path, "deps.internal.prefixes", DependencyPolicy.PrefixProblem) },
                "registries" => policy with { InternalRegistries = Strings(property.Value, path, "deps.internal.registries", Host) },
                _ => throw new ConfigurationException($"config file {path}: unknown key \"{property.Name}\" in deps.internal (expected scopes, prefixes or registries)"),
            };
        }
        return policy;
    }

    private static string? Host(string entry) =>
        RegistryHosts.HostOfEntry(entry) is null ? "is neither a URL nor a host name" : null;

    private static List<string> Strings(JsonElement value, string path, string where, Func<string, string?> problem)
    {
        PolicyConfigLoader.Expect(value, JsonValueKind.Array, path, where);
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new ConfigurationException($"config file {path}: {where} must hold strings");
            var text = item.GetString()!.Trim();
            if (problem(text) is { } why)
                throw new ConfigurationException($"config file {path}: {where}: \"{text}\" {why}");
            if (!list.Contains(text, StringComparer.OrdinalIgnoreCase))
                list.Add(text);
        }
        if (list.Count > DependencyPolicy.MaxEntries)
            throw new ConfigurationException($"config file {path}: {where} holds {list.Count} entries; at most {DependencyPolicy.MaxEntries} are allowed");
        return list;
    }
}
