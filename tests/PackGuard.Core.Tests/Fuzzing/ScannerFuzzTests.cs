using System.Diagnostics;
using System.Text;
using PackGuard.Tests.Fuzzing.Seeds;
using Xunit.Abstractions;

namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// The mutation fuzzer against the whole scanner. A short run by default (CI); a long one with
/// <c>PACKGUARD_FUZZ_SECONDS=1800 dotnet test tests/PackGuard.Core.Tests --filter FullyQualifiedName~Fuzz</c>.
/// A failing input is written under <c>fuzz-failures/</c> in the test output directory, and the
/// failure message says how to reproduce it. See docs/fuzzing.md.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ScannerFuzzTests(ITestOutputHelper output)
{
    private const int MaxFailures = 25;

    [Fact]
    public void Mutated_artifacts_scan_or_are_unreadable_in_bounded_time_and_write_nothing()
    {
        var budget = FuzzBudget.FromEnvironment();
        var fuzzer = new MutationFuzzer(FuzzSeeds.All);
        var tally = new FuzzTally();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        using (var oracle = new FuzzOracle())
        {
            for (var index = 0; budget.Allows(index, clock.Elapsed); index++)
            {
                FuzzInput input;
                try
                {
                    input = fuzzer.Generate(budget.SeedOf(index));
                }
                catch (Exception e)
                {
                    // The fuzzer's own bug: report it (it must be fixed) without losing the run.
                    failures.Add($"FUZZER BUG: seed {budget.SeedOf(index)} could not be built: {e}");
                    continue;
                }
                var outcome = oracle.Run(input);
                tally.Add(input, outcome);
                if (outcome.Verdict != FuzzVerdict.Failed)
                    continue;
                failures.Add(Report(input, outcome));
                if (outcome.Hung || failures.Count >= MaxFailures)
                    break; // a hung scan keeps a core busy; what is found so far is enough to act on
            }
        }
        var summary = tally.Summary(clock.Elapsed, budget);
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), summary);

        failures.ShouldBeEmpty(string.Join("\n\n", failures) + "\n\n" + summary);
        if (tally.Inputs >= 200)
        {
            // Both outcomes occur, so the mutations reach the readers and do not only break the first bytes.
            tally.Scanned.ShouldBeGreaterThan(tally.Inputs / 10, summary);
            tally.Unreadable.ShouldBeGreaterThan(tally.Inputs / 20, summary);
        }
    }

    [Fact]
    public void Every_seed_is_a_valid_artifact_that_reaches_the_inspectors()
    {
        using var oracle = new FuzzOracle();
        foreach (var seed in FuzzSeeds.All)
        {
            var input = new FuzzInput(0, seed, seed.Root, [], TightLimits: false);

            var outcome = oracle.Run(input);

            outcome.Verdict.ShouldBe(FuzzVerdict.Scanned, $"{seed.Kind}: {outcome.Detail}");
        }
    }

    [Fact]
    public void The_seeds_hold_maps_and_secrets_where_the_inspectors_find_them()
    {
        var scan = Scanning.ScanFixture.ScanBytes(FuzzSeeds.All.Single(s => s.Kind == "tgz").Root.Render(), "acme-cli-3.1.0.tgz");

        var rules = scan.Findings.Select(f => f.RuleId).ToHashSet();
        rules.ShouldContain("source-map/embedded-sources");
        rules.ShouldContain(r => r.StartsWith("secret/", StringComparison.Ordinal));
        scan.Findings.ShouldContain(f => f.Location.Path.StartsWith("package/vendor/nested.zip!", StringComparison.Ordinal));
        scan.Findings.ShouldContain(f => f.Location.Path == "package/index.js"); // the inline map
    }

    [Fact]
    public void The_seeds_hold_debug_symbols_where_the_inspector_finds_them()
    {
        var nupkg = Scanning.ScanFixture.ScanBytes(FuzzSeeds.All.Single(s => s.Kind == "nupkg").Root.Render(), "Acme.Tool.1.2.3.nupkg");
        var elf = Scanning.ScanFixture.ScanBytes(FuzzSeeds.All.Single(s => s.Kind == "elf-dwarf").Root.Render(), "acme.node");

        nupkg.Findings.ShouldContain(f => f.RuleId == "debug-symbols/embedded-source" && f.Location.Path == "lib/net8.0/Acme.Tool.dll");
        nupkg.Findings.ShouldContain(f => f.RuleId == "debug-symbols/user-path" && f.Location.Path == "lib/net8.0/Acme.Tool.dll");
        nupkg.Findings.ShouldContain(f => f.RuleId == "debug-symbols/embedded-source" && f.Location.Path == "lib/net8.0/Acme.Tool.pdb");
        elf.Findings.ShouldContain(f => f.RuleId == "debug-symbols/embedded-source");
    }

    [Fact]
    public void One_seed_number_reproduces_one_input_exactly()
    {
        var first = new MutationFuzzer(FuzzSeeds.All);
        var second = new MutationFuzzer(FuzzSeeds.All);

        for (var seed = 1; seed <= 100; seed++)
        {
            var a = first.Generate(seed);
            var b = second.Generate(seed);
            b.ToString().ShouldBe(a.ToString());
            if (!a.IsDirectory)
                b.Bytes.ShouldBe(a.Bytes, $"seed {seed}");
        }
    }

    [Fact]
    public void The_budget_comes_from_the_environment()
    {
        FuzzBudget.FromEnvironment(_ => null).ShouldBe(new FuzzBudget(FuzzBudget.DefaultTime, FuzzBudget.DefaultInputs, 1));
        FuzzBudget.FromEnvironment(n => n == "PACKGUARD_FUZZ_INPUTS" ? "1" : n == "PACKGUARD_FUZZ_SEED" ? "4242" : null)
            .ShouldBe(new FuzzBudget(TimeSpan.MaxValue, 1, 4242));
        var timed = FuzzBudget.FromEnvironment(n => n == "PACKGUARD_FUZZ_SECONDS" ? "1800" : null);
        timed.Time.ShouldBe(TimeSpan.FromSeconds(1800));
        timed.Inputs.ShouldBe(int.MaxValue);
    }

    private static string FailureDirectory => Path.Combine(AppContext.BaseDirectory, "fuzz-failures");

    /// <summary>Saves the failing input and says how to reproduce it.</summary>
    private static string Report(FuzzInput input, FuzzOutcome outcome)
    {
        Directory.CreateDirectory(FailureDirectory);
        var saved = Path.Combine(FailureDirectory, input.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        FuzzOracle.TryDelete(saved);
        Directory.CreateDirectory(saved);
        var artifact = input.Materialize(saved);
        var text = new StringBuilder()
            .AppendLine($"FAILED {input}")
            .AppendLine($"  after {outcome.Elapsed.TotalMilliseconds:0} ms: {outcome.Detail}")
            .AppendLine($"  input saved as {artifact}")
            .AppendLine($"  reproduce: PACKGUARD_FUZZ_SEED={input.Seed} PACKGUARD_FUZZ_INPUTS=1 dotnet test tests/PackGuard.Core.Tests --filter FullyQualifiedName~Fuzz")
            .AppendLine($"  or scan it: dotnet run --project src/PackGuard.Cli -- scan '{artifact}'")
            .ToString();
        File.WriteAllText(Path.Combine(saved, "failure.txt"), text);
        return text;
    }
}
