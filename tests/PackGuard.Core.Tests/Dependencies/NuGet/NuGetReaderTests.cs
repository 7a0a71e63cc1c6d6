using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies.NuGet;

public sealed class NuGetReaderTests : IDisposable
{
    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Packages_lock_json_reads_every_framework_once_per_package()
    {
        var lockfile = _fixture.Read("src/App/packages.lock.json", """
            {
              "version": 2,
              "dependencies": {
                "net8.0": {
                  "Newtonsoft.Json": {
                    "type": "Direct",
                    "requested": "[13.0.3, )",
                    "resolved": "13.0.3",
                    "contentHash": "HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ=="
                  },
                  "System.Memory": {
                    "type": "Transitive",
                    "resolved": "4.5.5",
                    "contentHash": "XIWiDvKPXaTveaB7HVganDlOCRoj03l+jrwNvcge/t8vhGYKvqV+dMv6G4SAX2NoNmN0wZfVPTAlFwZcZvVOUw=="
                  },
                  "Acme.Logging": {
                    "type": "CentralTransitive",
                    "requested": "[2.0.0, )",
                    "resolved": "2.1.0",
                    "contentHash": "abc="
                  },
                  "acme.shared": {
                    "type": "Project",
                    "dependencies": { "Newtonsoft.Json": "[13.0.3, )" }
                  }
                },
                "net8.0/linux-x64": {
                  "Newtonsoft.Json": {
                    "type": "Direct",
                    "requested": "[13.0.3, )",
                    "resolved": "13.0.3",
                    "contentHash": "HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ=="
                  },
                  "runtime.native.System": {
                    "type": "Transitive",
                    "resolved": "4.3.0",
                    "contentHash": "c/qWt2LieNZIj1jGnVNsE2Kl23Ya2aSTBuXMD6V7k9KWr6l16Tqdwq+hJScEpWER9753NWC8h96PaVNY5Ld7Jw=="
                  }
                }
              }
            }
            """);

        lockfile.Format.ShouldBe(LockfileFormats.NuGetLock);
        lockfile.FormatVersion.ShouldBe("2");
        lockfile.Ecosystem.ShouldBe("nuget");
        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Count.ShouldBe(5);

        var json = lockfile.Single("Newtonsoft.Json");
        json.Version.ShouldBe("13.0.3");
        json.Requested.ShouldBe("[13.0.3, )");
        json.Integrity.ShouldBe("sha512-HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==");
        json.Direct.ShouldBeTrue();
        json.Resolved.ShouldBeNull();
        json.Key.ShouldBe("newtonsoft.json");
        json.Location.ShouldBe(new DependencyLocation("src/App/packages.lock.json", 5));

        lockfile.Single("System.Memory").Direct.ShouldBeFalse();
        lockfile.Single("Acme.Logging").Version.ShouldBe("2.1.0");
        var project = lockfile.Single("acme.shared");
        project.Kind.ShouldBe(DependencyKind.Local);
        project.Version.ShouldBeNull();
        project.Integrity.ShouldBeNull();
    }

    [Fact]
    public void Project_files_read_references_with_attribute_and_child_versions()
    {
        var lockfile = _fixture.Read("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <SerilogVersion>3.1.1</SerilogVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageReference Include="Serilog" Version="$(SerilogVersion)" />
                <PackageReference Include="Polly">
                  <Version>8.2.0</Version>
                </PackageReference>
                <PackageReference Include="StyleCop.Analyzers" Version="1.2.0-beta.556" PrivateAssets="all" />
                <PackageReference Include="Floating" Version="1.*" />
                <PackageReference Include="Ranged" Version="[1.0,2.0)" />
                <PackageReference Include="Exact" Version="[2.0.0]" />
                <PackageReference Include="Unknown" Version="$(NotDefined)" />
                <PackageReference Update="Updated.Package" Version="4.0.0" />
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """);

        lockfile.Format.ShouldBe(LockfileFormats.MsBuild);
        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.ShouldAllBe(d => d.Direct && d.Ecosystem == "nuget");
        lockfile.Single("Newtonsoft.Json").Version.ShouldBe("13.0.3");
        lockfile.Single("Newtonsoft.Json").Location.Line.ShouldBe(7);
        lockfile.Single("Serilog").Version.ShouldBe("3.1.1");
        lockfile.Single("Polly").Version.ShouldBe("8.2.0");
        lockfile.Single("StyleCop.Analyzers").Dev.ShouldBeTrue();
        lockfile.Single("Floating").Version.ShouldBeNull();
        lockfile.Single("Floating").Requested.ShouldBe("1.*");
        lockfile.Single("Ranged").Requested.ShouldBe("[1.0,2.0)");
        lockfile.Single("Exact").Version.ShouldBe("2.0.0");
        lockfile.Single("Unknown").Version.ShouldBeNull();
        lockfile.Single("Unknown").Requested.ShouldBe("$(NotDefined)");
        lockfile.Single("Updated.Package").Version.ShouldBe("4.0.0");
    }

    [Fact]
    public void Central_package_management_takes_versions_from_the_nearest_Directory_Packages_props()
    {
        _fixture.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <XunitVersion>2.9.3</XunitVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageVersion Include="xunit" Version="$(XunitVersion)" />
                <PackageVersion Include="Polly" Version="8.2.0" />
                <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
              </ItemGroup>
            </Project>
            """);
        var project = _fixture.Read("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="newtonsoft.json" />
                <PackageReference Include="xunit" />
                <PackageReference Include="Polly" VersionOverride="8.3.0" />
              </ItemGroup>
            </Project>
            """);

        project.Problems.ShouldBeEmpty();
        project.Single("newtonsoft.json").Version.ShouldBe("13.0.3");
        project.Single("xunit").Version.ShouldBe("2.9.3");
        project.Single("Polly").Version.ShouldBe("8.3.0");
        project.Dependencies.ShouldNotContain(d => d.Name == "Nerdbank.GitVersioning");

        var central = _fixture.Read("Directory.Packages.props");
        central.Dependencies.Select(d => d.Name).ShouldBe(["Newtonsoft.Json", "xunit", "Polly", "Nerdbank.GitVersioning"]);
        central.Single("xunit").Version.ShouldBe("2.9.3");
    }

    [Fact]
    public void Packages_config_reads_packages_and_development_dependencies()
    {
        var lockfile = _fixture.Read("packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="Newtonsoft.Json" version="12.0.1" targetFramework="net472" />
              <package id="StyleCop.Analyzers" version="1.1.118" targetFramework="net472" developmentDependency="true" />
              <package version="1.0.0" />
            </packages>
            """);

        lockfile.Format.ShouldBe(LockfileFormats.PackagesConfig);
        lockfile.Single("Newtonsoft.Json").Version.ShouldBe("12.0.1");
        lockfile.Single("Newtonsoft.Json").Location.Line.ShouldBe(3);
        lockfile.Single("StyleCop.Analyzers").Dev.ShouldBeTrue();
        lockfile.Problems.ShouldHaveSingleItem().ShouldStartWith("line 5: ");
    }

    [Fact]
    public void NuGet_config_files_up_the_tree_declare_sources_and_mappings()
    {
        _fixture.Write("NuGet.Config", """
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        _fixture.Write("src/nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="acme" value="https://user:token@nuget.acme.example/v3/index.json" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="acme">
                  <package pattern="Acme.*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var lockfile = _fixture.Read("src/App/App.csproj", """<Project><ItemGroup><PackageReference Include="Acme.Core" Version="1.0.0" /></ItemGroup></Project>""");

        lockfile.Sources.ShouldContain(new PackageSource("https://nuget.acme.example/v3/index.json", PackageSourceKind.Index, new DependencyLocation("src/nuget.config", 4)) { Name = "acme" });
        lockfile.Sources.ShouldContain(s => s.Kind == PackageSourceKind.Scoped && s.Scope == "Acme.*" && s.Url == "https://nuget.acme.example/v3/index.json");
        lockfile.Sources.Count(s => s.Url == "https://api.nuget.org/v3/index.json").ShouldBe(1);
    }

    [Theory]
    [InlineData("App.csproj", "<Project><ItemGroup><PackageReference Include=\"A\"")]
    [InlineData("App.csproj", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Project>&e;</Project>")]
    [InlineData("packages.config", "not xml at all")]
    [InlineData("packages.lock.json", "{ \"version\": 1 }")]
    [InlineData("packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net8.0\": { \"A\": [] } } }")]
    public void Malformed_files_are_problems(string name, string content)
    {
        var lockfile = _fixture.Read(name, content);

        lockfile.Problems.ShouldNotBeEmpty();
        lockfile.Dependencies.ShouldBeEmpty();
    }
}
