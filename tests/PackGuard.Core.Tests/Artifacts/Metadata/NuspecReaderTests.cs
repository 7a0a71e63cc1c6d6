using System.Text;
using PackGuard.Artifacts.Metadata;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class NuspecReaderTests
{
    [Fact]
    public void A_modern_nuspec_is_read()
    {
        var metadata = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>Acme.Tools</id>
                <version>3.2.1</version>
                <authors>Acme</authors>
                <license type="expression">Apache-2.0</license>
                <licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>
                <projectUrl>https://acme.example/tools</projectUrl>
                <repository type="git" url="https://github.com/acme/tools.git" commit="abc" />
                <dependencies>
                  <group targetFramework="net8.0">
                    <dependency id="Newtonsoft.Json" version="13.0.3" />
                    <dependency id="Serilog" version="3.0.0" />
                  </group>
                  <group targetFramework="netstandard2.0">
                    <dependency id="Newtonsoft.Json" version="13.0.3" />
                  </group>
                </dependencies>
              </metadata>
              <files><file src="x" /></files>
            </package>
            """);

        metadata.Ecosystem.ShouldBe("nuget");
        metadata.Name.ShouldBe("Acme.Tools");
        metadata.Version.ShouldBe("3.2.1");
        metadata.License.ShouldBe("Apache-2.0");
        metadata.Repository.ShouldBe("https://github.com/acme/tools");
        metadata.DeclaredTools.ShouldBe(["Newtonsoft.Json", "Serilog"]);
        metadata.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void An_old_nuspec_falls_back_to_licence_and_project_urls()
    {
        var metadata = Read("""
            <package><metadata>
              <id>Old.Lib</id><version>1.0.0</version>
              <licenseUrl>https://opensource.org/licenses/MIT</licenseUrl>
              <projectUrl>https://github.com/old/lib</projectUrl>
              <dependencies><dependency id="Flat.Dep" version="1.0" /></dependencies>
            </metadata></package>
            """);

        metadata.License.ShouldBe("https://opensource.org/licenses/MIT");
        metadata.Repository.ShouldBe("https://github.com/old/lib");
        metadata.DeclaredTools.ShouldBe(["Flat.Dep"]);
    }

    [Fact]
    public void Package_types_are_read_so_a_symbols_package_is_known()
    {
        var metadata = Read("""
            <package><metadata><id>Acme.Secret</id><version>1.0.0</version>
              <packageTypes><packageType name="SymbolsPackage" /></packageTypes>
              <repository type="git" />
            </metadata></package>
            """);

        metadata.PackageTypes.ShouldBe(["SymbolsPackage"]);
        Read("<package><metadata><id>P</id></metadata></package>").PackageTypes.ShouldBeEmpty();
    }

    [Fact]
    public void A_licence_file_is_named_as_npm_would()
    {
        Read("""<package><metadata><id>P</id><license type="file">LICENSE.txt</license></metadata></package>""")
            .License.ShouldBe("SEE LICENSE IN LICENSE.txt");
    }

    [Fact]
    public void A_dtd_is_refused_so_entities_never_expand()
    {
        var metadata = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <package><metadata><id>&lol2;</id></metadata></package>
            """);

        metadata.Name.ShouldBeNull();
        metadata.Problems.ShouldHaveSingleItem().ShouldContain("is not valid XML");
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var metadata = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE package [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <package><metadata><id>&xxe;</id></metadata></package>
            """);

        metadata.Name.ShouldBeNull();
        metadata.Problems.ShouldNotBeEmpty();
    }

    [Fact]
    public void Malformed_xml_keeps_what_came_before()
    {
        var metadata = Read("<package><metadata><id>Broken</id><version>1.0</version><license>MIT</lic");

        metadata.Name.ShouldBe("Broken");
        metadata.Version.ShouldBe("1.0");
        metadata.Problems.ShouldHaveSingleItem().ShouldStartWith("Demo.nuspec is not valid XML (line 1");
    }

    [Fact]
    public void Tens_of_thousands_of_dependencies_are_kept_once_each_in_linear_time()
    {
        // A hostile 4 MiB .nuspec holds ~80,000 dependencies; a list lookup per dependency took 18 s.
        var ids = Enumerable.Range(0, 80_000).Select(i => $"Dep.{i:D7}").ToList();
        var xml = new StringBuilder("<package><metadata><id>Many</id><version>1.0.0</version><dependencies>");
        foreach (var id in ids.Append(ids[0]))
            xml.Append($"<dependency id=\"{id}\" version=\"1.0.0\" />");
        xml.Append("</dependencies></metadata></package>");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var metadata = Read(xml.ToString());

        metadata.DeclaredTools.ShouldBe(ids);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Dependencies_keep_their_version_once_per_id()
    {
        var metadata = Read("""
            <package><metadata><id>P</id><dependencies>
            <group targetFramework="net8.0"><dependency id="A" version="[1.0.0, )" /></group>
            <group targetFramework="netstandard2.0"><dependency id="A" version="[1.0.0, )" /><dependency id="B" /></group>
            </dependencies></metadata></package>
            """);

        metadata.Dependencies.ShouldBe(new Dictionary<string, string> { ["A"] = "[1.0.0, )", ["B"] = "" }, ignoreOrder: true);
    }

    private static PackGuard.Artifacts.Metadata.PackageMetadata Read(string xml) =>
        NuspecReader.Read(Encoding.UTF8.GetBytes(xml), "Demo.nuspec", isComplete: true);
}
