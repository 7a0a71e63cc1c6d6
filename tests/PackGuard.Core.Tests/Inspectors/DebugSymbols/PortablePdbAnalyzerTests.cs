using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.DebugSymbols.Pdb;
using PackGuard.Inspectors.DebugSymbols.Samples;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

public sealed class PortablePdbAnalyzerTests
{
    private static readonly string LongSource = string.Concat(Enumerable.Range(0, 40).Select(i => $"// line {i} of a file long enough to be deflated\n"));

    [Fact]
    public void Documents_embedded_sources_stored_and_deflated_and_source_link_are_measured()
    {
        var pdb = PdbSamples.PortablePdb(
            [
                new("/home/jdoe/src/Acme/Pricing.cs", "class Pricing { }\n"),
                new("/home/jdoe/src/Acme/Engine/Rules.cs", LongSource),
                new("/home/jdoe/src/Acme/Engine/NotEmbedded.cs"),
                new("/home/jdoe/src/Acme/obj/Release/net8.0/GlobalUsings.g.cs", "global using System;\n"),
            ],
            PdbSamples.SourceLink("/home/jdoe/src/Acme/", "https://raw.githubusercontent.com/acme/acme/abc/"));
        var users = new UserPathSet();

        var m = PortablePdbAnalyzer.Analyze(pdb, 1 << 20, users, CancellationToken.None);

        m.Documents.ShouldBe(4);
        m.EmbeddedDocuments.ShouldBe(3);
        m.GeneratedEmbeddedDocuments.ShouldBe(1);
        m.FirstPartyEmbeddedDocuments.ShouldBe(2);
        m.FirstPartyLines.ShouldBe(41);
        m.FirstPartyBytes.ShouldBe(18 + LongSource.Length);
        m.GeneratedBytes.ShouldBe(21);
        m.TopDirectories.Select(d => (d.Name, d.Files)).ShouldBe([(".", 1L), ("Engine", 1L)]);
        m.SourceLink!.Repositories.ShouldBe(["github.com/acme/acme"]);
        m.Incomplete.ShouldBeNull();
        var jdoe = users.People.ShouldHaveSingleItem();
        jdoe.User.ShouldBe("jdoe");
        jdoe.Origins.ShouldBe(["document", "source-link"]);
    }

    [Fact]
    public void Deflated_sources_beyond_the_budget_are_counted_by_their_declared_size()
    {
        var pdb = PdbSamples.PortablePdb([new("/_/a.cs", LongSource)]);

        var m = PortablePdbAnalyzer.Analyze(pdb, 100, new UserPathSet(), CancellationToken.None);

        m.FirstPartyBytes.ShouldBe(LongSource.Length);
        m.FirstPartyLines.ShouldBe(0);
        m.Incomplete.ShouldNotBeNull();
    }

    [Fact]
    public void Damaged_pdbs_are_measured_as_far_as_they_read_and_never_throw()
    {
        var pdb = PdbSamples.PortablePdb([new("/_/a.cs", LongSource), new("/_/b.cs", "x\n")]);
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var damaged = (byte[])pdb.Clone();
            for (var i = 0; i < 1 + random.Next(8); i++)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            var cut = random.Next(2) == 0 ? damaged : damaged[..random.Next(damaged.Length)];

            Should.NotThrow(() => PortablePdbAnalyzer.Analyze(cut, 1 << 20, new UserPathSet(), CancellationToken.None));
        }
        PortablePdbAnalyzer.Analyze([.. "BSJB"u8], 1 << 20, new UserPathSet(), CancellationToken.None).Incomplete.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/_/src/obj/Release/net8.0/Acme.AssemblyInfo.cs", true)]
    [InlineData(@"C:\src\Acme\obj\Debug\net8.0\.NETCoreApp,Version=v8.0.AssemblyAttributes.cs", true)]
    [InlineData("/_/src/Acme/obj/Release/net8.0/System.Text.RegularExpressions.Generator/RegexGenerator.g.cs", true)]
    [InlineData("/_/src/Acme/Pricing.cs", false)]
    [InlineData("/_/src/Acme/Objects/Pricing.cs", false)]
    [InlineData("/_/src/Acme/Form1.Designer.cs", false)]
    public void Build_generated_documents_are_told_apart(string path, bool generated) =>
        DocumentClassifier.IsGenerated(path).ShouldBe(generated);
}
