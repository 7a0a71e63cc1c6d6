using System.Text.Json.Nodes;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Rules;

namespace PackGuard.Tests.Reports;

/// <summary>SARIF output of the fixtures, parsed, plus shortcuts into it.</summary>
internal static class SarifOutput
{
    public static SarifReportWriter Writer(RuleCatalog? catalog = null) =>
        new(catalog ?? ReportFixtures.Catalog, ReportFixtures.TestToolVersion);

    public static string Text(params ScanReport[] reports) => ReportOutput.Text(Writer(), reports);

    public static JsonNode Parse(params ScanReport[] reports) => JsonNode.Parse(Text(reports))!;

    public static JsonArray Runs(JsonNode log) => log["runs"]!.AsArray();

    public static JsonArray RulesOf(JsonNode run) => run["tool"]!["driver"]!["rules"]!.AsArray();

    public static JsonArray Results(JsonNode run) => run["results"]!.AsArray();

    public static string String(JsonNode? node) => node!.GetValue<string>();
}
