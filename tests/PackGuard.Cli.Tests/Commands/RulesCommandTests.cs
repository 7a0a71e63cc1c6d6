using PackGuard.Cli.Tests.Support;
using PackGuard.Rules;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary><c>packguard rules [list|show &lt;ruleId&gt;]</c>: the catalog as users read it.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Rules_matches_snapshot()
    {
        var result = await _cli.RunAsync("rules");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Error.ShouldBeEmpty();
        Snapshot.Match(result.Output, "rules.txt");
    }

    [Fact]
    public async Task Rules_list_is_the_same_as_rules()
    {
        var list = await _cli.RunAsync("rules", "list");

        list.ExitCode.ShouldBe(ExitCodes.Pass);
        list.Output.ShouldBe((await _cli.RunAsync("rules")).Output);
    }

    [Fact]
    public async Task Rules_lists_every_rule_of_the_catalog_with_its_default_severity()
    {
        var lines = (await _cli.RunAsync("rules")).Output.Split('\n');

        foreach (var rule in RuleCatalog.Default.All)
            lines.ShouldContain(l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal) && l.Contains($" {rule.DefaultSeverity.ToString().ToLowerInvariant()} ", StringComparison.Ordinal) && l.EndsWith(rule.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rules_list_can_show_one_family()
    {
        var result = await _cli.RunAsync("rules", "list", "source-map");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        var ids = result.Output.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToList();
        ids.ShouldBe(RuleCatalog.Default.All.Where(r => r.Family == "source-map").Select(r => r.Id));
        result.Output.ShouldContain("3 rules.");
    }

    [Fact]
    public async Task Rules_list_of_an_unknown_family_exits_2_and_names_the_families()
    {
        var result = await _cli.RunAsync("rules", "list", "nope");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("Families: archive, credential, debug-symbols, dependency, diff, exposure, file, gate, install, lockfile, manifest, scan, secret, source-map.");
    }

    [Fact]
    public async Task Rules_show_embedded_sources_matches_snapshot()
    {
        var result = await _cli.RunAsync("rules", "show", "source-map/embedded-sources");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Error.ShouldBeEmpty();
        Snapshot.Match(result.Output, "rules-show-embedded-sources.txt");
    }

    public static TheoryData<string> RuleIds => [.. RuleCatalog.Default.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Every_rule_can_be_shown_with_its_three_sections(string id)
    {
        var result = await _cli.RunAsync("rules", "show", id);

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldStartWith(id + "  ");
        result.Output.ShouldContain("\nWhat it detects\n");
        result.Output.ShouldContain("\nWhy it matters\n");
        result.Output.ShouldContain("\nHow to fix\n");
    }

    [Fact]
    public async Task The_samples_note_stands_apart_and_counts_in_good_english()
    {
        // paths-only has two samples that fire and one that does not.
        var output = (await _cli.RunAsync("rules", "show", "source-map/paths-only")).Output;

        output.ShouldEndWith("\n\n2 samples that fire and 1 that does not are tested with every build.\n");
    }

    [Fact]
    public async Task Rule_text_is_wrapped_to_the_width_with_no_trailing_blanks()
    {
        var lines = (await _cli.RunAsync("rules", "show", "source-map/embedded-sources")).Output.Split('\n');

        lines.ShouldAllBe(l => l.Length <= 100 || !l.Contains(' ', StringComparison.Ordinal));
        lines.ShouldAllBe(l => !l.EndsWith(' '));
    }

    [Fact]
    public async Task An_unknown_rule_exits_2()
    {
        var result = await _cli.RunAsync("rules", "show", "no/such");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldBe("packguard: no rule \"no/such\". `packguard rules list` shows them all." + Environment.NewLine);
    }

    [Fact]
    public async Task An_unknown_rule_that_resembles_known_ones_gets_suggestions()
    {
        var result = await _cli.RunAsync("rules", "show", "embedded-sources");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("Did you mean source-map/embedded-sources?");
    }
}
