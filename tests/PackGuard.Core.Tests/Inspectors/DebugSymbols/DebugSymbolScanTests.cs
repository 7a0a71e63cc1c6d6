using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.DebugSymbols.Samples;
using PackGuard.Policy;
using PackGuard.Rules;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

/// <summary>The debug-symbol inspector through the real scanner: limits, nesting and what the report carries.</summary>
public sealed class DebugSymbolScanTests
{
    private static readonly SampleDocument[] Documents =
    [
        new("/_/src/Acme/Pricing.cs", string.Concat(Enumerable.Repeat("// pricing rules, line after line\n", 100))),
        new("/_/src/Acme/Engine.cs", "class Engine { }\n"),
    ];

    private static TestFile Nuspec => TestFile.Text("Acme.Secret.nuspec", SymbolSampleFiles.ProprietaryNuspec);

    [Fact]
    public void A_pdb_over_the_symbol_size_limit_is_reported_unread_and_says_why()
    {
        var nupkg = TestArchive.Zip([Nuspec, new TestFile("lib/net8.0/Acme.Secret.pdb", PdbSamples.PortablePdb(Documents))]);

        var result = ScanFixture.ScanBytes(nupkg, "Acme.Secret.1.0.0.nupkg", ArtifactLimits.Default with { MaxSymbolSize = 256 });

        var finding = result.Single(DebugSymbolRules.PortablePdb);
        finding.Message.ShouldContain("could not be read");
        finding.Message.ShouldContain("larger than the symbol size limit (256 bytes)");
        finding.Properties["complete"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void An_embedded_pdb_over_the_limit_is_reported_unread()
    {
        var nupkg = TestArchive.Zip([Nuspec, new TestFile("lib/net8.0/Acme.Secret.dll", PdbSamples.Dll("/_/obj/Acme.Secret.pdb", Documents))]);

        var result = ScanFixture.ScanBytes(nupkg, "Acme.Secret.1.0.0.nupkg", ArtifactLimits.Default with { MaxSymbolSize = 256 });

        var finding = result.Single(DebugSymbolRules.PortablePdb);
        finding.Location.Path.ShouldBe("lib/net8.0/Acme.Secret.dll");
        finding.Message.ShouldContain("larger than the symbol size limit");
    }

    [Fact]
    public void The_entry_size_limit_bounds_the_symbols_too()
    {
        var nupkg = TestArchive.Zip([Nuspec, new TestFile("lib/net8.0/Acme.Secret.pdb", PdbSamples.PortablePdb(Documents))]);

        var result = ScanFixture.ScanBytes(nupkg, "Acme.Secret.1.0.0.nupkg", ArtifactLimits.Default with { MaxEntrySize = 300 });

        result.Findings.ShouldContain(f => f.RuleId == ArchiveRules.LimitsExceeded);
        result.Single(DebugSymbolRules.PortablePdb).Properties["complete"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void A_snupkg_inside_a_package_is_walked_and_its_pdb_judged_as_symbols()
    {
        var snupkg = TestArchive.Zip([TestFile.Text("Acme.Secret.nuspec", SymbolSampleFiles.SymbolsNuspec), new TestFile("lib/net8.0/Acme.Secret.pdb", PdbSamples.PortablePdb([new("/_/src/Acme/Pricing.cs")]))]);
        var tgz = TestArchive.TarGz([TestFile.Text("package/package.json", SymbolSampleFiles.ProprietaryNpm), new TestFile("package/symbols/Acme.Secret.1.0.0.snupkg", snupkg)]);

        var result = ScanFixture.ScanBytes(tgz, "acme.tgz");

        var finding = result.Single(DebugSymbolRules.PortablePdb);
        finding.Location.Path.ShouldBe("package/symbols/Acme.Secret.1.0.0.snupkg!lib/net8.0/Acme.Secret.pdb");
        finding.Severity.ShouldBe(Severity.Info);
        finding.Properties["symbolsPackage"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void A_user_path_names_the_user_and_the_fingerprint_does_not_depend_on_the_scanning_machine()
    {
        var nupkg = TestArchive.Zip([Nuspec, new TestFile("lib/net8.0/Acme.Secret.dll", PdbSamples.Dll(@"C:\Users\jdoe\src\Acme\obj\Acme.Secret.pdb"))]);

        var first = ScanFixture.ScanBytes(nupkg, "a.nupkg").Single(DebugSymbolRules.UserPath);
        var second = ScanFixture.ScanBytes(nupkg, "b.nupkg").Single(DebugSymbolRules.UserPath);

        first.Severity.ShouldBe(Severity.Medium);
        first.Message.ShouldContain("jdoe");
        first.Properties["users"]!.AsArray().Single()!["user"]!.GetValue<string>().ShouldBe("jdoe");
        second.Fingerprint.ShouldBe(first.Fingerprint);
    }

    [Fact]
    public void The_symbol_size_limit_is_configurable()
    {
        using var sandbox = new TestSandbox();
        var path = Path.Combine(sandbox.Root, "packguard.json");
        File.WriteAllText(path, """{ "limits": { "maxSymbolSize": "64MiB" } }""");

        PolicyConfigLoader.Load(path, RuleCatalog.Default).Limits.MaxSymbolSize.ShouldBe(64L * 1024 * 1024);
        ArtifactLimits.Default.MaxSymbolSize.ShouldBe(256L * 1024 * 1024);
    }
}
