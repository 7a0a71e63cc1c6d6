using System.CommandLine;
using PackGuard.Findings;
using Spectre.Console;

namespace PackGuard.Cli.Commands;

/// <summary><c>packguard rules [list|show &lt;ruleId&gt;]</c>: prints the rule catalog.</summary>
internal static class RulesCommand
{
    public static Command Create(CliHost host)
    {
        var family = new Argument<string?>("family")
        {
            Description = "Only the rules of this family, e.g. secret or source-map.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var list = new Command("list", "List every rule (or one family's) with its default severity.") { family };
        list.SetAction(parse => List(host, parse.GetValue(family)));

        var idArgument = new Argument<string>("ruleId") { Description = "The rule to describe, e.g. source-map/embedded-sources." };
        var show = new Command("show", "Describe one rule: what it detects, why it matters, how to fix it.") { idArgument };
        show.SetAction(parse => Show(host, parse.GetValue(idArgument)!));

        var rules = new Command("rules", "Print the rule catalog.") { list, show };
        rules.SetAction(_ => List(host, null));
        return rules;
    }

    private static int List(CliHost host, string? family)
    {
        var rules = family is null ? host.Catalog.All : [.. host.Catalog.All.Where(r => r.Family.Equals(family.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))];
        if (rules.Count == 0)
        {
            var families = string.Join(", ", host.Catalog.All.Select(r => r.Family).Distinct());
            host.Error.WriteLine($"packguard: no rule family \"{family}\". Families: {families}.");
            return ExitCodes.Usage;
        }
        var idWidth = rules.Max(r => r.Id.Length) + 2;
        const int SeverityWidth = 10;
        host.Out.MarkupLine($"[bold]{"Rule".PadRight(idWidth)}{"Default".PadRight(SeverityWidth)}Title[/]");
        foreach (var rule in rules)
            host.Out.MarkupLine(Markup.Escape(rule.Id.PadRight(idWidth) + rule.DefaultSeverity.ToName().PadRight(SeverityWidth) + rule.Title));
        host.Out.WriteLine();
        host.Out.MarkupLine($"[grey]{rules.Count} rules. `packguard rules show <ruleId>` describes a rule; `packguard rules list <family>` lists one family.[/]");
        return ExitCodes.Pass;
    }

    private static int Show(CliHost host, string id)
    {
        if (host.Catalog.Find(id) is not { } rule)
        {
            var suggestions = host.Catalog.All.Where(r => r.Id.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(r.Family, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList();
            host.Error.WriteLine($"packguard: no rule \"{id}\".{(suggestions.Count > 0 ? " Did you mean " + string.Join(", ", suggestions) + "?" : "")} `packguard rules list` shows them all.");
            return ExitCodes.Usage;
        }
        var console = host.Out;
        console.MarkupLine($"[bold]{Markup.Escape(rule.Id)}[/]  {Markup.Escape(rule.Title)}");
        console.MarkupLine($"Default severity: {rule.DefaultSeverity.ToName()}");
        Section(console, host.Width, "What it detects", rule.Description);
        Section(console, host.Width, "Why it matters", rule.WhyItMatters);
        Section(console, host.Width, "How to fix", rule.HowToFix);
        var fires = rule.Samples.Count(s => s.Fires);
        var quiet = rule.Samples.Count - fires;
        console.WriteLine();
        console.MarkupLine($"[grey]{fires} {(fires == 1 ? "sample that fires" : "samples that fire")} and {quiet} that {(quiet == 1 ? "does" : "do")} not are tested with every build.[/]");
        return ExitCodes.Pass;
    }

    private static void Section(IAnsiConsole console, int width, string heading, string text)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{heading}[/]");
        foreach (var line in Reports.WordWrap.Lines(text, width))
            console.MarkupLine(Markup.Escape(line));
    }
}
