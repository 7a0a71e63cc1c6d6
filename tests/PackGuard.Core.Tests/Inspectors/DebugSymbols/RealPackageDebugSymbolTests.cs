using PackGuard.Findings;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Policy;
using PackGuard.Tests.Acceptance;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

/// <summary>
/// The debug-symbol rules on real packages: popular NuGet packages ship PDBs, embed them in their
/// DLLs and embed build-generated files with Source Link, and native npm packages ship stripped
/// and unstripped binaries and Windows PDBs. None of that may come out medium or above. Skipped
/// with PACKGUARD_OFFLINE=1.
/// </summary>
public sealed class RealPackageDebugSymbolTests(RealPackageTests.Registry registry) : IClassFixture<RealPackageTests.Registry>
{
    [OnlineTheory]
    [InlineData("nuget:Newtonsoft.Json@13.0.4")]
    [InlineData("nuget:Serilog@3.1.1")]
    [InlineData("nuget:Polly.Core@8.9.1")]
    [InlineData("nuget:Microsoft.Extensions.Logging.Abstractions@10.0.14")]
    [InlineData("nuget:Dapper@2.1.86")]
    [InlineData("nuget:FluentValidation@11.11.0")]
    [InlineData("nuget:Moq@4.21.0")]
    [InlineData("nuget:Humanizer.Core@2.14.1")]
    [InlineData("nuget:Serilog.Sinks.File@5.0.0")]
    [InlineData("nuget:SharpZipLib@1.4.1")]
    [InlineData("nuget:Grpc.Core@2.46.5")]
    [InlineData("nuget:SQLitePCLRaw.lib.e_sqlite3@2.0.6")]
    [InlineData("npm:@esbuild/linux-x64@0.28.2")]
    [InlineData("npm:@swc/core-linux-x64-gnu@1.16.22")]
    [InlineData("npm:better-sqlite3@13.2.0")]
    [InlineData("npm:node-pty@1.1.0")]
    public async Task Popular_packages_have_no_debug_symbol_finding_above_low(string spec)
    {
        var report = await registry.ScanAsync(spec);

        report.Result.Findings.Where(f => f.RuleId.StartsWith("debug-symbols/", StringComparison.Ordinal) && f.Severity >= Severity.Medium).ShouldBeEmpty(spec);
        report.Verdict.ShouldBe(Verdict.Pass, spec);
    }

    [OnlineFact]
    public async Task Polly_ships_pdbs_that_embed_only_generated_files_with_source_link_to_github()
    {
        var report = await registry.ScanAsync("nuget:Polly.Core@8.9.1");

        var findings = report.Result.Findings.Where(f => f.RuleId == DebugSymbolRules.EmbeddedSource).ToList();
        findings.Count.ShouldBe(6); // one PDB per target framework
        findings.ShouldAllBe(f => f.Severity == Severity.Info && f.Properties["firstPartyEmbeddedDocuments"]!.GetValue<int>() == 0);
        findings[0].Properties["sourceLink"]!["repositories"]!.AsArray().Single()!.GetValue<string>().ShouldBe("github.com/App-vNext/Polly");
    }

    [OnlineFact]
    public async Task Dapper_embeds_its_pdb_in_the_dll()
    {
        var report = await registry.ScanAsync("nuget:Dapper@2.1.86");

        var finding = report.Result.Findings.First(f => f.RuleId == DebugSymbolRules.EmbeddedSource && f.Location.Path == "lib/net10.0/Dapper.dll");
        finding.Properties["form"]!.GetValue<string>().ShouldBe("embedded-pdb");
        finding.Properties["generatedEmbeddedDocuments"]!.GetValue<int>().ShouldBe(4);
        finding.Severity.ShouldBe(Severity.Info);
    }

    [OnlineFact]
    public async Task Musl_startup_files_are_the_only_dwarf_in_better_sqlite3_and_buildozer_is_no_person()
    {
        var report = await registry.ScanAsync("npm:better-sqlite3@13.2.0");

        var dwarf = report.Result.Findings.Where(f => f.RuleId == DebugSymbolRules.Dwarf).ToList();
        dwarf.ShouldNotBeEmpty();
        dwarf.ShouldAllBe(f => f.Severity == Severity.Info && f.Properties["toolchainOnly"]!.GetValue<bool>());
        report.Result.Findings.ShouldNotContain(f => f.RuleId == DebugSymbolRules.UserPath);
    }
}
