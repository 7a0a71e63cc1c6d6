using System.Text.Json;
using System.Text.Json.Nodes;

namespace PackGuard.Cli.Reports;

/// <summary><c>packguard fix --format json</c>: the plan for machines, diff included (schemaVersion "1").</summary>
internal static class FixJsonWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(FixOutput output, Stream stream)
    {
        var plan = output.Plan;
        var target = output.Scan.Target;
        var document = new JsonObject
        {
            ["schemaVersion"] = "1",
            ["directory"] = output.DirectoryAsGiven,
            ["ecosystem"] = plan.Ecosystem,
            ["package"] = new JsonObject { ["name"] = target.Name, ["version"] = target.Version, ["entryCount"] = target.EntryCount },
            ["ran"] = new JsonArray([.. plan.Ran.Select(r => (JsonNode)r!)]),
            ["artifact"] = plan.Ran.Count == 0 ? plan.ArtifactDescription : null,
            ["changeNeeded"] = plan.ChangeNeeded,
            ["written"] = output.Written,
            ["note"] = FixOutput.ApprovalNote,
            ["findings"] = new JsonArray([.. plan.Items.Select(i => (JsonNode)new JsonObject
            {
                ["ruleId"] = i.Finding.RuleId,
                ["severity"] = i.Finding.Severity.ToString().ToLowerInvariant(),
                ["location"] = i.Finding.Location.Path,
                ["packagePath"] = i.PackagePath,
                ["fingerprint"] = i.Finding.Fingerprint,
                ["fixedBy"] = new JsonArray([.. i.Kinds.Select(k => (JsonNode)KindName(k))]),
                ["automatic"] = i.Automatic,
                ["action"] = i.Action,
            })]),
            ["droppedFiles"] = new JsonArray([.. plan.DroppedFiles.Select(d => (JsonNode)d!)]),
            ["advice"] = new JsonArray([.. plan.Advice.Select(a => (JsonNode)a!)]),
            ["changes"] = new JsonArray([.. plan.Changes.Select(c => (JsonNode)new JsonObject
            {
                ["path"] = c.Path,
                ["created"] = c.OldText is null,
                ["why"] = c.Why,
                ["diff"] = c.Diff,
            })]),
            ["diff"] = plan.Diff,
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString(Options) + "\n");
        stream.Write(bytes);
    }

    private static string KindName(Fix.FixKind kind) => kind switch
    {
        Fix.FixKind.DropFile => "drop-file",
        Fix.FixKind.BuildOption => "build-option",
        _ => "manual",
    };
}
