using System.IO.Compression;
using System.Reflection.PortableExecutable;
using PackGuard.Findings;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.DebugSymbols.Pdb;
using PackGuard.Policy;
using PackGuard.Tests.Scanning;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

/// <summary>
/// The acceptance case of the debug-symbol rules: a class library built and packed by the real
/// SDK with EmbedAllSources, as a portable PDB (in the .nupkg and the .snupkg) and embedded in the
/// DLL, scanned by the real scanner. Closed packages fail critically; MIT with a public repository
/// is low; the figures are those of the sources the test wrote.
/// </summary>
public sealed class SdkBuiltPackageTests(SdkPackages packages) : IClassFixture<SdkPackages>
{
    private const string Pdb = "lib/net10.0/Acme.Pricing.pdb";
    private const string Dll = "lib/net10.0/Acme.Pricing.dll";

    private static long SourceLines => SdkPackages.Sources.Values.Sum(s => s.Count(c => c == '\n'));

    private static long SourceBytes => SdkPackages.Sources.Values.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s));

    [Fact]
    public void A_closed_package_whose_pdb_embeds_all_sources_is_critical_with_the_written_figures()
    {
        var result = ScanFixture.ScanPath(packages.Package("portable-proprietary"), isDirectory: false);

        var finding = result.Findings.Single(f => f.RuleId == DebugSymbolRules.EmbeddedSource);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Location.Path.ShouldBe(Pdb);
        finding.Long("firstPartyEmbeddedDocuments").ShouldBe(SdkPackages.Sources.Count);
        finding.Long("firstPartyLines").ShouldBe(SourceLines);
        finding.Long("firstPartyBytes").ShouldBe(SourceBytes);
        finding.Long("generatedEmbeddedDocuments").ShouldBeGreaterThan(0); // AssemblyInfo, GlobalUsings
        finding.Message.ShouldContain("declares no licence");
        VerdictPolicy.Evaluate(result, FailThreshold.Default).Verdict.ShouldBe(Verdict.Fail);
        // The DLL next to it only names its PDB: nothing to report on it.
        result.Findings.ShouldNotContain(f => f.Location.Path == Dll && f.RuleId != DebugSymbolRules.UserPath);
    }

    [Fact]
    public void An_mit_package_with_a_public_repository_is_low()
    {
        var result = ScanFixture.ScanPath(packages.Package("portable-open"), isDirectory: false);

        var finding = result.Findings.Single(f => f.RuleId == DebugSymbolRules.EmbeddedSource);
        finding.Severity.ShouldBe(Severity.Low);
        finding.Long("firstPartyEmbeddedDocuments").ShouldBe(SdkPackages.Sources.Count);
        finding.Properties["packageOpenness"]!.GetValue<string>().ShouldBe("open-source");
        VerdictPolicy.Evaluate(result, FailThreshold.Default).Verdict.ShouldBe(Verdict.Pass);
    }

    [Fact]
    public void An_open_licence_without_a_repository_is_high()
    {
        var result = ScanFixture.ScanPath(packages.Package("portable-licence-only"), isDirectory: false);

        result.Findings.Single(f => f.RuleId == DebugSymbolRules.EmbeddedSource).Severity.ShouldBe(Severity.High);
    }

    [Theory]
    [InlineData("portable-proprietary", Severity.Critical)]
    [InlineData("portable-open", Severity.Low)]
    public void The_symbol_package_is_judged_by_its_repository_since_it_carries_no_licence(string variant, Severity expected)
    {
        var result = ScanFixture.ScanPath(packages.Package(variant, ".snupkg"), isDirectory: false);

        var finding = result.Findings.Single(f => f.RuleId == DebugSymbolRules.EmbeddedSource);
        finding.Severity.ShouldBe(expected);
        finding.Location.Path.ShouldBe(Pdb);
        finding.Properties["symbolsPackage"]!.GetValue<bool>().ShouldBeTrue();
        finding.Long("firstPartyLines").ShouldBe(SourceLines);
    }

    [Theory]
    [InlineData("embedded-proprietary", Severity.Critical)]
    [InlineData("embedded-open", Severity.Low)]
    public void A_pdb_embedded_in_the_dll_is_read_from_its_debug_directory(string variant, Severity expected)
    {
        var result = ScanFixture.ScanPath(packages.Package(variant), isDirectory: false);

        var finding = result.Findings.Single(f => f.RuleId == DebugSymbolRules.EmbeddedSource);
        finding.Severity.ShouldBe(expected);
        finding.Location.Path.ShouldBe(Dll);
        finding.Properties["form"]!.GetValue<string>().ShouldBe("embedded-pdb");
        finding.Long("firstPartyEmbeddedDocuments").ShouldBe(SdkPackages.Sources.Count);
        finding.Long("firstPartyLines").ShouldBe(SourceLines);
        finding.Long("firstPartyBytes").ShouldBe(SourceBytes);
    }

    /// <summary>
    /// The streaming reader against System.Reflection.Metadata's own: PEReader reads the CodeView
    /// path and the embedded PDB from the whole image, and counts the embedded documents.
    /// </summary>
    [Fact]
    public void The_streaming_reader_agrees_with_PEReader_on_the_sdk_built_dll()
    {
        var image = Entry(packages.Package("embedded-proprietary"), Dll);
        using var pe = new PEReader(new MemoryStream(image));
        var directory = pe.ReadDebugDirectory();
        var codeView = pe.ReadCodeViewDebugDirectoryData(directory.Single(d => d.Type == DebugDirectoryEntryType.CodeView));
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(directory.Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb));
        var reader = provider.GetMetadataReader();
        var embedded = reader.Documents.Count(d => reader.GetCustomDebugInformation(d)
            .Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == PortablePdbAnalyzer.EmbeddedSourceKind));

        var result = ScanFixture.ScanPath(packages.Package("embedded-proprietary"), isDirectory: false);

        var finding = result.Findings.Single(f => f.RuleId == DebugSymbolRules.EmbeddedSource);
        finding.Properties["codeViewPaths"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe([codeView.Path]);
        finding.Long("documents").ShouldBe(reader.Documents.Count);
        finding.Long("embeddedDocuments").ShouldBe(embedded);
    }

    private static byte[] Entry(string package, string path)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry(path)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
