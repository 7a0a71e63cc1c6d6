using System.Buffers;
using System.Globalization;
using PackGuard.Findings;
using PackGuard.Policy;
using Spectre.Console;

namespace PackGuard.Cli.Reports;

/// <summary>
/// The report for people: verdict and counts first, then what is exposed and how to fix it, most
/// severe first. Low and info findings of one rule are grouped so that a package with a hundred
/// declaration maps still fits on one screen; JSON lists every finding.
/// </summary>
internal sealed class TextReportWriter(IAnsiConsole console, int width)
{
    private const int ListedPerGroup = 5;
    private const string Indent = "  ";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the reports; <paramref name="unreadable"/> counts targets that could not be read (their errors went to standard error).</summary>
    public void Write(IReadOnlyList<ScanReport> reports, int unreadable = 0)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            if (i > 0)
                console.WriteLine();
            WriteOne(reports[i]);
        }
        var total = reports.Count + unreadable;
        if (total > 1)
        {
            var failed = reports.Count(r => r.Verdict == Verdict.Fail);
            var summary = (failed, unreadable) switch
            {
                (0, 0) => $"[green bold]All {total} targets passed[/]",
                (_, 0) => $"[red bold]{failed} of {total} targets failed[/]",
                (0, _) => $"[red bold]{unreadable} of {total} targets could not be read (see the errors above)[/]",
                _ => $"[red bold]{failed} of {total} targets failed; {unreadable} could not be read (see the errors above)[/]",
            };
            console.WriteLine();
            console.MarkupLine(summary);
        }
    }

    private void WriteOne(ScanReport report)
    {
        var target = report.Result.Target;
        var diff = report.Result.Comparison;
        if (diff is null)
        {
            console.MarkupLine($"[bold]{Escape(target.Spec)}[/]");
            foreach (var line in Describe(report))
                console.MarkupLine(Escape(line));
        }
        else
        {
            console.MarkupLine($"[bold]{Escape(diff.Against.Spec)} → {Escape(target.Spec)}[/]");
            foreach (var line in DiffSummary.Header(diff.Against, target, diff.Changes))
                console.MarkupLine(Escape(line));
        }
        if (PolicyHeader(report.Policy) is { } policyLine)
            console.MarkupLine(Escape(policyLine));
        console.WriteLine();

        var counts = string.Join(", ", SeverityNames.MostSevereFirst.Select(s => $"{report.Summary[s]} {s.ToName()}"));
        var threshold = report.FailOn.Minimum is { } min ? $"fails on {min.ToName()} or above" : "--fail-on none: never fails";
        var verdict = report.Verdict == Verdict.Fail ? "[white on red bold] FAIL [/]" : "[black on green bold] PASS [/]";
        console.MarkupLine($"{verdict} {Escape(counts)} [grey]({Escape(threshold)})[/]");
        if (report.Result.Incomplete)
            console.MarkupLine("[black on yellow bold] INCOMPLETE [/] A time budget ran out and part of the artifact was not inspected (scan/incomplete below).");
        if (diff is not null)
        {
            var changes = DiffSummary.Changes(diff.Changes).ToList();
            if (changes.Count > 0)
                console.WriteLine();
            foreach (var change in changes)
                Paragraph("- ", "- ", change, hanging: true);
        }

        WriteFindings(report);
        WritePolicyOutcome(report.Policy);
    }

    private void WriteFindings(ScanReport report)
    {
        var diff = report.Result.Comparison;
        if (report.Result.Findings.Count == 0 && diff is not null)
        {
            console.WriteLine();
            console.MarkupLine("[grey]No unusual change: no new install scripts, kinds of file, dependencies, endpoints or dangerous APIs, no size or obfuscation jump, no new findings.[/]");
            return;
        }
        if (report.Result.Findings.Count == 0 && report.Result.Dependencies is not null)
        {
            console.MarkupLine("[grey]Nothing to report: no lookalike names, no internal names exposed to a public registry, no unexpected hosts, unencrypted, git or URL sources, no missing or weak hashes.[/]");
            return;
        }
        if (report.Result.Findings.Count == 0)
        {
            console.MarkupLine("[grey]Nothing to report: no leaked sources, symbols or secrets, no unintended files or internal names, no risky install-time code, no unsafe entries, no limits crossed.[/]");
            return;
        }
        foreach (var group in Groups(report.Result.Findings))
        {
            // Critical and high findings always get the whole story; repeats of a lesser rule get a line each.
            if (group.Count == 1 || group[0].Severity >= Severity.High)
            {
                foreach (var finding in group)
                {
                    console.WriteLine();
                    WriteFinding(finding);
                }
            }
            else
            {
                console.WriteLine();
                WriteGroup(group);
            }
        }
    }

    /// <summary>Which policy file and baseline decided the report, and what they took out of it; null when neither was used and nothing was excluded.</summary>
    internal static string? PolicyHeader(PolicyOutcome policy)
    {
        var parts = new List<string>();
        if (policy.Config is { } config)
            parts.Add($"policy: {config}");
        if (policy.Baseline is { } baseline)
            parts.Add($"baseline: {baseline} ({Count(policy.Baselined, "known finding")} not reported)");
        if (policy.Excluded > 0)
            parts.Add($"{Count(policy.Excluded, "finding")} at excluded paths not reported");
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>What suppressions hid (by whom, until when, why) and which have expired, after the findings.</summary>
    private void WritePolicyOutcome(PolicyOutcome policy)
    {
        if (policy.Suppressed.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Suppressed[/] [grey]· {Escape(Count(policy.Suppressed.Count, "finding"))}, not counted in the verdict[/]");
            // One paragraph per suppression, so that a rule suppressed across a hundred maps still fits on a screen.
            foreach (var group in policy.Suppressed.GroupBy(s => s.Suppression).OrderBy(g => g.Key.Index))
            {
                var s = group.Key;
                Paragraph("", "", $"suppressions[{s.Index}] ({s.Describe()}): approved by {s.ApprovedBy} until {Date(s.Expires)}: {s.Reason}");
                foreach (var (finding, _) in group.Take(ListedPerGroup))
                    Paragraph("- ", "- ", $"{finding.Severity.ToName()} {finding.RuleId} at {finding.Location.Path}", hanging: true);
                if (group.Count() > ListedPerGroup)
                    Paragraph("", "", $"and {group.Count() - ListedPerGroup} more (--format json lists them all)");
            }
        }
        foreach (var expired in policy.Expired)
        {
            var s = expired.Suppression;
            var effect = expired.Matched == 0
                ? "it matches nothing here"
                : $"{Count(expired.Matched, "finding")} it matched {(expired.Matched == 1 ? "is" : "are")} reported above again";
            console.WriteLine();
            console.MarkupLine($"[black on yellow bold] EXPIRED [/] [bold]suppressions[[{s.Index}]][/] [grey]· {Escape(s.Describe())}[/]");
            Paragraph("", "", $"Approved by {s.ApprovedBy}, expired on {Date(s.Expires)}: {effect}. Reason given: {s.Reason}");
            Paragraph("[green]Fix:[/] ", "Fix: ", "Fix the findings, or have the exception approved again with a later expires date.");
        }
    }

    private static string Count(int n, string noun) => $"{n.ToString("N0", Invariant)} {noun}{(n == 1 ? "" : "s")}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    private void WriteFinding(Finding finding)
    {
        console.MarkupLine($"{Badge(finding.Severity)} [bold]{Escape(finding.Title)}[/] [grey]· {Escape(finding.RuleId)}[/]");
        Paragraph("[grey]at[/] ", "at ", Where(finding.Location));
        Paragraph("", "", finding.Message);
        if (finding.Fix is { } fix)
            Paragraph("[green]Fix:[/] ", "Fix: ", fix);
    }

    /// <summary>
    /// A paragraph indented under its heading and wrapped at word boundaries to the console's
    /// width, with no trailing blanks (reports end up in CI logs and files).
    /// </summary>
    private void Paragraph(string labelMarkup, string labelText, string text, bool hanging = false)
    {
        var continuation = hanging ? Indent + new string(' ', labelText.Length) : Indent;
        var lines = WordWrap.Lines(Visible(text), width - continuation.Length, width - Indent.Length - labelText.Length);
        for (var i = 0; i < lines.Count; i++)
            console.MarkupLine(i == 0 ? Indent + labelMarkup + Escape(lines[0]) : continuation + Escape(lines[i]));
    }

    private void WriteGroup(IReadOnlyList<Finding> group)
    {
        var first = group[0];
        console.MarkupLine($"{Badge(first.Severity)} [bold]{Escape(first.Title)}[/] [grey]· {Escape(first.RuleId)} × {group.Count}[/]");
        foreach (var finding in group.Take(ListedPerGroup))
            Paragraph("- ", "- ", FirstSentence(finding.Message), hanging: true);
        if (group.Count > ListedPerGroup)
            Paragraph("", "", $"and {group.Count - ListedPerGroup} more (--format json lists them all)");
        if (first.Fix is { } fix)
            Paragraph("[green]Fix:[/] ", "Fix: ", fix);
    }

    /// <summary>Messages open with a sentence that says what was found where; the rest is context.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Consecutive findings of one rule and severity (findings arrive sorted by severity).</summary>
    private static IEnumerable<IReadOnlyList<Finding>> Groups(IReadOnlyList<Finding> findings) =>
        findings.GroupBy(f => (f.Severity, f.RuleId))
            .OrderByDescending(g => g.Key.Severity)
            .ThenBy(g => g.Key.RuleId, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<Finding>)[.. g]);

    /// <summary>What was scanned: identity and licence, then size and hash.</summary>
    private static IEnumerable<string> Describe(ScanReport report)
    {
        if (report.Result.Dependencies is { } dependencies)
            return DependencySummary.Header(dependencies);
        return DescribeArtifact(report);
    }

    private static IEnumerable<string> DescribeArtifact(ScanReport report)
    {
        var t = report.Result.Target;
        var identity = string.Join(' ', new[] { t.Name, t.Version }.Where(s => !string.IsNullOrEmpty(s)));
        if (identity.Length > 0 && t.Ecosystem is not null)
            identity += $" ({t.Ecosystem})";
        var licence = "licence: " + (t.License ?? "none declared");
        yield return identity.Length > 0 ? $"{identity} · {licence}" : licence;
        var size = $"{ByteSize.Format(t.Size)}, {t.EntryCount.ToString("N0", Invariant)} {(t.EntryCount == 1 ? "entry" : "entries")}";
        yield return t.Sha256 is { } sha ? $"{size} · sha256 {sha[..16]}…" : size;
    }

    private static string Where(FindingLocation location)
    {
        var where = location.Path;
        if (location.Line is { } line)
            where += location.Column is { } column ? $":{line}:{column}" : $":{line}";
        if (location.OriginalPath is { } original)
            where += $" (original source {original})";
        return where;
    }

    private static string Badge(Severity severity) => severity switch
    {
        Severity.Critical => "[white on red bold] CRITICAL [/]",
        Severity.High => "[red bold]HIGH[/]",
        Severity.Medium => "[yellow bold]MEDIUM[/]",
        Severity.Low => "[blue]LOW[/]",
        _ => "[grey]INFO[/]",
    };

    private static string Escape(string text) => Markup.Escape(Visible(text));

    /// <summary>
    /// Shows control and bidirectional-override characters as <c>\uXXXX</c>. Entry names, licences
    /// and package names come from the artifact: printed raw, an escape sequence recolours or
    /// retitles the terminal, a newline forges a report line ("PASS"), and an override reorders
    /// what the reader sees. (Runs before wrapping, so a newline in a name cannot start a line.)
    /// </summary>
    internal static string Visible(string text)
    {
        if (!text.AsSpan().ContainsAny(Hidden))
            return text;
        var visible = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Hidden.Contains(c))
                visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                visible.Append(c);
        }
        return visible.ToString();
    }

    private static readonly SearchValues<char> Hidden = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         '\u061C', '\u200E', '\u200F', .. Enumerable.Range(0x202A, 5).Select(i => (char)i), .. Enumerable.Range(0x2066, 4).Select(i => (char)i)]);
}
