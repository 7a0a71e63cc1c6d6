using System.Text;
using PackGuard.Artifacts.Metadata;

namespace PackGuard.Tests.Artifacts.Metadata;

/// <summary>Mangled manifests must yield problems, never exceptions: they come from untrusted packages.</summary>
public sealed class ManifestFuzzTests
{
    private const string PackageJson = """
        {"name":"fuzz","version":"1.0.0","license":{"type":"MIT"},"licenses":[{"type":"ISC"}],
         "repository":{"type":"git","url":"git@github.com:a/b.git"},"private":true,"files":["dist"],
         "scripts":{"postinstall":"node x"},"dependencies":{"a":"1"},"devDependencies":{"b":"2"}}
        """;

    private const string Nuspec = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata>
        <id>Fuzz</id><version>1.0.0</version><license type="expression">MIT</license>
        <repository url="https://github.com/a/b" /><dependencies><group><dependency id="X" /></group></dependencies>
        </metadata></package>
        """;

    private const string Metadata = "Metadata-Version: 2.1\nName: fuzz\nVersion: 1.0\nLicense: MIT\nProject-URL: Source, https://github.com/a/b\nRequires-Dist: x (>=1)\n\nbody";

    [Fact]
    public void Mangled_manifests_never_throw()
    {
        var random = new Random(20261121);
        foreach (var original in new[] { PackageJson, Nuspec, Metadata }.Select(Encoding.UTF8.GetBytes))
        {
            for (var round = 0; round < 400; round++)
            {
                var mangled = Mangle(original, random);
                var complete = round % 4 != 0;
                Should.NotThrow(() => NpmManifestReader.Read(mangled, "package.json", complete));
                Should.NotThrow(() => NuspecReader.Read(mangled, "x.nuspec", complete));
                Should.NotThrow(() => WheelMetadataReader.Read(mangled, "x-1.dist-info/METADATA"));
            }
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            Should.NotThrow(() => NpmManifestReader.Read(bytes, "package.json", true));
            Should.NotThrow(() => NuspecReader.Read(bytes, "x.nuspec", true));
            Should.NotThrow(() => WheelMetadataReader.Read(bytes, "METADATA"));
        }
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><package/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-16\"?><package/>")]
    [InlineData("<package><metadata><id><b>mixed</b></id></metadata></package>")]
    public void Odd_xml_declarations_and_content_are_problems(string xml)
    {
        var metadata = NuspecReader.Read(Encoding.UTF8.GetBytes(xml), "x.nuspec", isComplete: true);

        metadata.Problems.ShouldNotBeEmpty();
    }

    private static byte[] Mangle(byte[] original, Random random)
    {
        var mangled = (byte[])original.Clone();
        switch (random.Next(3))
        {
            case 0:
                return mangled[..random.Next(0, mangled.Length)];
            case 1:
                for (var flips = random.Next(1, 6); flips > 0; flips--)
                    mangled[random.Next(mangled.Length)] = (byte)random.Next(256);
                return mangled;
            default:
                var at = random.Next(mangled.Length);
                return [.. mangled[..at], .. Encoding.UTF8.GetBytes("{[<\"\\&#x0;]]>"), .. mangled[at..]];
        }
    }
}
