using System.Text;
using System.Text.Json;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Reports;

/// <summary>
/// The rules of one SARIF run: exactly those that fired, ordered by id, so that
/// <c>result.ruleIndex</c> can point into <c>tool.driver.rules</c>. A rule the catalog does not
/// know (a plugin, a catalog out of step with an inspector) still gets a minimal descriptor built
/// from its first finding: a report with a gap beats no report.
/// </summary>
internal sealed class SarifRuleSet
{
    private readonly List<(string Id, RuleDescriptor? Descriptor, Finding First)> _rules;
    private readonly Dictionary<string, int> _indexById;

    private SarifRuleSet(List<(string Id, RuleDescriptor? Descriptor, Finding First)> rules)
    {
        _rules = rules;
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
            _indexById[rules[i].Id] = i;
    }

    /// <summary>The rules that fired in <paramref name="findings"/>, described by <paramref name="catalog"/>.</summary>
    public static SarifRuleSet For(IEnumerable<Finding> findings, RuleCatalog catalog)
    {
        var rules = findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, catalog.Find(g.Key), g.First()))
            .ToList();
        return new SarifRuleSet(rules);
    }

    /// <summary>Position of the rule in <c>tool.driver.rules</c>.</summary>
    public int IndexOf(string ruleId) => _indexById[ruleId];

    /// <summary>Writes the <c>rules</c> array.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartArray("rules");
        foreach (var (id, descriptor, first) in _rules)
        {
            if (descriptor is not null)
                WriteDescriptor(json, descriptor);
            else
                WriteMinimal(json, id, first);
        }
        json.WriteEndArray();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        WriteIdentity(json, rule.Id, rule.Title);
        WriteText(json, "fullDescription", rule.Description);
        json.WriteStartObject("help");
        json.WriteString("text",
            $"{rule.Description}\n\nWhy it matters: {rule.WhyItMatters}\n\nHow to fix: {rule.HowToFix}");
        json.WriteString("markdown",
            $"{rule.Description}\n\n**Why it matters**\n\n{rule.WhyItMatters}\n\n**How to fix**\n\n{rule.HowToFix}");
        json.WriteEndObject();
        WriteDefaults(json, rule.Id, rule.DefaultSeverity, rule.Precision);
        json.WriteEndObject();
    }

    private static void WriteMinimal(Utf8JsonWriter json, string id, Finding first)
    {
        json.WriteStartObject();
        WriteIdentity(json, id, first.Title);
        json.WriteStartObject("help");
        json.WriteString("text",
            $"PackGuard's rule catalog has no entry for '{id}'. The result message says what was found and how to fix it.");
        json.WriteEndObject();
        WriteDefaults(json, id, first.Severity, precision: null);
        json.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter json, string id, string title)
    {
        json.WriteString("id", id);
        json.WriteString("name", PascalCase(id));
        WriteText(json, "shortDescription", title);
    }

    private static void WriteDefaults(Utf8JsonWriter json, string id, Severity severity, RulePrecision? precision)
    {
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", SarifSeverity.Level(severity));
        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        // GitHub reads security-severity only from rules tagged "security".
        json.WriteStringValue("security");
        var family = Family(id);
        if (family.Length > 0 && family != "security")
            json.WriteStringValue(family);
        json.WriteEndArray();
        json.WriteString("security-severity", SarifSeverity.SecuritySeverity(severity));
        if (precision is { } p)
            json.WriteString("precision", SarifSeverity.Precision(p));
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    // Not RuleDescriptor.Family: that expects a '/', and a rule unknown to the catalog may lack one.
    private static string Family(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? id[..slash] : id;
    }

    /// <summary><c>source-map/embedded-sources</c> → <c>SourceMapEmbeddedSources</c>.</summary>
    internal static string PascalCase(string id)
    {
        var name = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return name.ToString();
    }
}
