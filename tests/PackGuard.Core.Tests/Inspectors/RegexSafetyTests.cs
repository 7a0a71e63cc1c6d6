using System.Diagnostics;
using System.Text.RegularExpressions;
using PackGuard.Inspectors;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors;

/// <summary>
/// Every pattern in the product is safe on hostile input by construction (NonBacktracking, or a
/// match timeout), and none of them is slow on inputs built to hurt backtracking engines.
/// </summary>
public sealed class RegexSafetyTests
{
    private static readonly IReadOnlyList<(string Name, Regex Regex)> CoreRegexes = ProductRegexes.In(typeof(RegexSafety).Assembly);

    [Fact]
    public void Reflection_finds_the_regexes_the_core_declares()
    {
        // If this drops to zero the search below is broken, and the safety test proves nothing.
        CoreRegexes.Select(r => r.Name).ShouldContain(n => n.EndsWith("CompiledRule.LeadingOptions()", StringComparison.Ordinal));
        CoreRegexes.Select(r => r.Name).ShouldContain(n => n.EndsWith(".Structure", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_declared_regex_is_linear_time_or_bounded_by_a_timeout()
    {
        CoreRegexes.Where(r => !RegexSafety.IsSafe(r.Regex)).Select(r => r.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Every_secret_rule_pattern_is_built_linear_time()
    {
        var engine = SecretEngine.Create(SecretCatalog.All);

        engine.Rules.Where(r => !RegexSafety.IsSafe(r.Regex)).Select(r => r.Rule.Id).ShouldBeEmpty();
    }

    [Fact]
    public void Run_time_regexes_are_NonBacktracking()
    {
        var regex = RegexSafety.Create("(a+)+$");

        regex.Options.ShouldBe(RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        RegexSafety.IsSafe(regex).ShouldBeTrue();
        RegexSafety.IsSafe(new Regex("(a+)+$", RegexOptions.None, TimeSpan.FromSeconds(1))).ShouldBeTrue();
        RegexSafety.IsSafe(new Regex("(a+)+$", RegexOptions.None, Regex.InfiniteMatchTimeout)).ShouldBeFalse();
    }

    [Fact]
    public void A_pattern_NonBacktracking_cannot_run_is_rejected_when_built()
    {
        Should.Throw<NotSupportedException>(() => RegexSafety.Create("(?=x)x"));
    }

    [Fact]
    public void The_build_bans_unbounded_regex_constructors_and_static_helpers()
    {
        var banned = File.ReadAllText(BannedSymbolsFile());

        banned.ShouldContain("M:System.Text.RegularExpressions.Regex.#ctor(System.String);");
        banned.ShouldContain("M:System.Text.RegularExpressions.Regex.#ctor(System.String,System.Text.RegularExpressions.RegexOptions);");
        foreach (var helper in new[] { "IsMatch", "Match", "Matches", "Split" })
            banned.ShouldContain($"M:System.Text.RegularExpressions.Regex.{helper}(System.String,System.String);");
        banned.ShouldContain("M:System.Text.RegularExpressions.Regex.Replace(System.String,System.String,System.String);");
    }

    [Fact]
    public void Every_declared_regex_is_quick_on_pathological_input()
    {
        foreach (var (name, regex) in CoreRegexes)
        {
            var watch = Stopwatch.StartNew();
            foreach (var input in ProductRegexes.Pathological())
                regex.Count(input);
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), name);
        }
    }

    private static string BannedSymbolsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "eng", "BannedSymbols.txt");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("eng/BannedSymbols.txt not found above " + AppContext.BaseDirectory);
    }
}
