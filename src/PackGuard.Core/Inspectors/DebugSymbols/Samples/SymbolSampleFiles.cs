using System.IO.Compression;
using PackGuard.Rules;

namespace PackGuard.Inspectors.DebugSymbols.Samples;

/// <summary>The files the debug-symbol rules' samples are made of.</summary>
internal static class SymbolSampleFiles
{
    public const string ProprietaryNuspec = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata><id>Acme.Secret</id><version>1.0.0</version><authors>Acme</authors><description>Pricing engine</description></metadata>
        </package>
        """;

    public const string OpenNuspec = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata><id>Acme.Secret</id><version>1.0.0</version><authors>Acme</authors><license type="expression">MIT</license>
            <repository type="git" url="https://github.com/acme/secret" /><description>Pricing engine</description></metadata>
        </package>
        """;

    public const string LicenceOnlyNuspec = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata><id>Acme.Secret</id><version>1.0.0</version><authors>Acme</authors><license type="expression">MIT</license><description>Pricing engine</description></metadata>
        </package>
        """;

    public const string SymbolsNuspec = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd">
          <metadata><id>Acme.Secret</id><version>1.0.0</version><description>Pricing engine</description>
            <packageTypes><packageType name="SymbolsPackage" /></packageTypes>
            <repository type="git" url="https://github.com/acme/secret" /></metadata>
        </package>
        """;

    public const string ProprietaryNpm = """{"name":"@acme/native","version":"1.0.0","license":"UNLICENSED"}""";
    public const string OpenNpm = """{"name":"acme-native","version":"1.0.0","license":"MIT","repository":"github:acme/native"}""";

    public static readonly SampleDocument[] SourceDocuments =
    [
        new("/_/src/Acme.Secret/Pricing.cs", "namespace Acme.Secret;\n\npublic static class Pricing\n{\n    // Margin agreed with the largest customers; never below 12 %.\n    public static decimal Discount(decimal list) => list * 0.88m;\n}\n"),
        new("/_/src/Acme.Secret/Licensing/KeyCheck.cs", "namespace Acme.Secret.Licensing;\n\ninternal static class KeyCheck\n{\n    internal static bool Valid(string key) => key.Length == 29 && key[5] == '-';\n}\n"),
        new("/_/src/Acme.Secret/obj/Release/net8.0/Acme.Secret.AssemblyInfo.cs", "[assembly: System.Reflection.AssemblyVersion(\"1.0.0.0\")]\n"),
    ];

    public static readonly SampleDocument[] DocumentPaths = [.. SourceDocuments.Select(d => d with { Source = null })];

    public static readonly SampleDocument[] GeneratedOnly = [DocumentPaths[0], DocumentPaths[1], SourceDocuments[2]];

    public static string Link => PdbSamples.SourceLink("/_/", "https://raw.githubusercontent.com/acme/secret/0123456789abcdef0123456789abcdef01234567/");

    public static SampleFile PdbFile(string path, IReadOnlyList<SampleDocument> documents, string? sourceLink = null) =>
        SampleFile.Binary(path, PdbSamples.PortablePdb(documents, sourceLink));

    public static SampleFile Dll(string path, string pdbPath, IReadOnlyList<SampleDocument>? embedded = null) =>
        SampleFile.Binary(path, PdbSamples.Dll(pdbPath, embedded));

    /// <summary>A <c>.snupkg</c> (a zip) holding a symbols nuspec and one PDB.</summary>
    public static SampleFile Snupkg(string path, IReadOnlyList<SampleDocument> documents)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "Acme.Secret.nuspec", System.Text.Encoding.UTF8.GetBytes(SymbolsNuspec));
            Add(zip, "lib/net8.0/Acme.Secret.pdb", PdbSamples.PortablePdb(documents, Link));
        }
        return SampleFile.Binary(path, buffer.ToArray());
    }

    public static SampleFile ElfFile(string path, params SampleSection[] sections) => SampleFile.Binary(path, NativeSamples.Elf(sections));

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(content);
    }
}
