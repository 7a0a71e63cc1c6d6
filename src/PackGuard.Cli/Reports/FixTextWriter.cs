using System.Globalization;
using PackGuard.Findings;

namespace PackGuard.Cli.Reports;

/// <summary>
/// <c>packguard fix</c> for people: what was built and scanned, what each finding gets, advice,
/// then the unified diff last, so that the whole output can be saved and given to
/// <c>git apply</c> (which skips the text before the first <c>diff --git</c>).
/// </summary>
internal static class FixTextWriter
{
    public static void Write(FixOutput output, TextWriter writer, int width)
    {
        var plan = output.Plan;
        var target = output.Scan.Target;
        writer.WriteLine($"packguard fix {output.DirectoryAsGiven} ({plan.Ecosystem})");
        if (plan.ArtifactDescription is { } artifact)
            Wrapped(writer, (plan.Ran.Count > 0 ? "Package " : "Package: ") + artifact + ".", width, "");
        var name = target.Name is null ? "the package" : $"{target.Name}{(target.Version is null ? "" : " " + target.Version)}";
        var considered = plan.Items.Count;
        writer.WriteLine($"Scanned {name}: {target.EntryCount.ToString("N0", CultureInfo.InvariantCulture)} files, {Count(considered, "finding")} to fix.");
        if (considered == 0)
        {
            writer.WriteLine();
            writer.WriteLine("No change needed: no finding at low severity or above.");
            return;
        }

        writer.WriteLine();
        foreach (var item in plan.Items)
        {
            var where = item.PackagePath ?? item.Finding.Location.Path;
            var tag = item.Automatic ? "fixed by the change" : "needs a person";
            writer.WriteLine($"{Label(item.Finding.Severity)} {item.Finding.RuleId} at {where} ({tag})");
            Wrapped(writer, item.Action, width, "  ");
        }

        if (plan.DroppedFiles.Count > 0)
        {
            writer.WriteLine();
            Wrapped(writer, $"No longer published ({plan.DroppedFiles.Count}): {string.Join(", ", plan.DroppedFiles.Take(40))}{(plan.DroppedFiles.Count > 40 ? $", and {plan.DroppedFiles.Count - 40} more" : "")}.", width, "");
        }
        if (plan.Advice.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Advice (no safe automatic edit):");
            foreach (var advice in plan.Advice)
                Wrapped(writer, "- " + advice, width, "  ", firstIndent: "");
        }

        writer.WriteLine();
        if (plan.Changes.Count == 0)
        {
            Wrapped(writer, "No file change can be proposed safely; the findings above need a person. " + FixOutput.ApprovalNote, width, "");
            return;
        }
        foreach (var change in plan.Changes)
            Wrapped(writer, $"- {change.Path}: {change.Why}.", width, "  ", firstIndent: "");
        writer.WriteLine();
        if (output.Written)
        {
            Wrapped(writer, $"Wrote {string.Join(", ", plan.Changes.Select(c => c.Path))}. {FixOutput.ApprovalNote} Review the change below, rebuild the package and scan it again{(plan.Ecosystem == "npm" ? " (npm pack, then packguard scan the .tgz)" : "")}.", width, "");
        }
        else
        {
            Wrapped(writer, $"Nothing was changed. {FixOutput.ApprovalNote} Review the diff below, then apply it with --write or with git apply (this output is a valid patch).", width, "");
        }
        writer.WriteLine();
        writer.Write(plan.Diff);
    }

    private static string Label(Severity severity) => severity.ToString().ToUpperInvariant();

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static void Wrapped(TextWriter writer, string text, int width, string indent, string? firstIndent = null)
    {
        var first = firstIndent ?? indent;
        var lines = WordWrap.Lines(text, Math.Max(20, width - indent.Length), Math.Max(20, width - first.Length));
        for (var i = 0; i < lines.Count; i++)
            writer.WriteLine((i == 0 ? first : indent) + lines[i]);
    }
}
