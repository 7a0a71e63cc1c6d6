using PackGuard.Findings;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Inspectors.Secrets.Engine.EngineFixture;
using static PackGuard.Tests.Scanning.ScanFixture;

namespace PackGuard.Tests.Inspectors.Secrets;

public sealed class SecretScanTests
{
    private const string GitHubRule = "secret/github-pat-classic";

    [Fact]
    public void Reports_a_secret_in_embedded_sources_at_the_original_file_and_line()
    {
        var token = GitHubToken(21);
        var map = Map(
            ("../src/index.ts", "import { client } from './client';\n"),
            ("../src/config/client.ts", $"// internal service client\nexport const client = {{\n  token: \"{token}\",\n}};\n"));

        var result = ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/cli.js", "x();\n"),
            TestFile.Text("package/cli.js.map", map));

        var finding = result.Findings.Single(f => f.RuleId == GitHubRule);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Location.Path.ShouldBe("package/cli.js.map");
        finding.Location.OriginalPath.ShouldBe("src/config/client.ts");
        finding.Location.Line.ShouldBe(3);
        finding.Message.ShouldContain("src/config/client.ts line 3");
        finding.Message.ShouldContain("package/cli.js.map");
        result.Findings.ShouldNotContain(f => f.RuleId == "secret/generic-assignment" && f.Location.Line == 3);
    }

    [Fact]
    public void Never_puts_the_secret_in_a_finding()
    {
        var token = GitHubToken(22);
        var result = ScanTarGz(TestFile.Text("package/index.js", $"const t = \"{token}\";\n"));

        var finding = result.Findings.Single(f => f.RuleId == GitHubRule);
        var everything = finding.Message + finding.Fix + finding.Title + finding.Properties.ToJsonString() + finding.Fingerprint;
        everything.ShouldNotContain(token);
        everything.ShouldNotContain(token[4..12]);
        finding.Properties["preview"]!.GetValue<string>().ShouldBe($"ghp_{token[4..8]}… (40 chars)");
        finding.Properties["confidence"]!.GetValue<string>().ShouldBe("validated");
        finding.Properties["length"]!.GetValue<int>().ShouldBe(40);
    }

    [Fact]
    public void The_same_secret_has_the_same_fingerprint_here_and_another_elsewhere()
    {
        var token = GitHubToken(23);
        string SecretFingerprint(PackGuard.Inspectors.Secrets.SecretFingerprinter fingerprinter) =>
            Run(fingerprinter, $"a = \"{token}\"").Properties["secretFingerprint"]!.GetValue<string>();

        var here = SecretFingerprint(TestKeys.Fingerprinter);
        SecretFingerprint(TestKeys.Fingerprinter).ShouldBe(here);
        SecretFingerprint(PackGuard.Inspectors.Secrets.SecretFingerprinter.Ephemeral()).ShouldNotBe(here);
        here.Length.ShouldBe(32);
    }

    [Theory]
    [InlineData("package/test/fixtures/config.js")]
    [InlineData("package/docs/setup.md")]
    [InlineData("package/src/auth.spec.ts")]
    [InlineData("package/README.md")]
    [InlineData("package/guide.rst")]
    [InlineData("package/CHANGELOG")]
    public void Secrets_in_tests_examples_and_docs_stay_low(string path)
    {
        var result = ScanTarGz(TestFile.Text(path, $"const t = \"{GitHubToken(24)}\";\n"));

        result.Findings.Single(f => f.RuleId == GitHubRule).Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void A_token_with_a_wrong_checksum_is_low()
    {
        var token = GitHubToken(25);
        var broken = token[..20] + (token[20] == 'Q' ? 'R' : 'Q') + token[21..];
        var finding = ScanTarGz(TestFile.Text("package/index.js", $"t = \"{broken}\"\n")).Findings.Single(f => f.RuleId == GitHubRule);

        finding.Severity.ShouldBe(Severity.Low);
        finding.Properties["confidence"]!.GetValue<string>().ShouldBe("low");
    }

    [Fact]
    public void Finds_secrets_in_binaries_with_their_offset()
    {
        var token = GitHubToken(26);
        var binary = new byte[4096];
        new Random(3).NextBytes(binary);
        for (var i = 0; i < binary.Length; i++)
            binary[i] = (byte)(binary[i] % 16);
        System.Text.Encoding.ASCII.GetBytes(token).CopyTo(binary, 1000);

        var finding = ScanTarGz(new TestFile("package/build/Release/addon.node", binary)).Findings.Single(f => f.RuleId == GitHubRule);

        finding.Location.Line.ShouldBeNull();
        finding.Properties["offset"]!.GetValue<long>().ShouldBe(1000);
        finding.Properties["encoding"]!.GetValue<string>().ShouldBe("binary-string");
    }

    private static Finding Run(PackGuard.Inspectors.Secrets.SecretFingerprinter fingerprinter, string text)
    {
        var bytes = TestArchive.TarGz([TestFile.Text("package/index.js", text)]);
        using var artifact = new TempArtifact(bytes, "pkg.tgz");
        var scanner = new PackGuard.Scanning.Scanner(PackGuard.Scanning.Scanner.DefaultInspectors(fingerprinter), PackGuard.Artifacts.ArtifactLimits.Default);
        var spec = new PackGuard.Sources.TargetSpec(artifact.Path, PackGuard.Sources.TargetKind.Local, artifact.Path, null);
        return scanner.Scan(new PackGuard.Sources.ResolvedTarget(spec, artifact.Path, false)).Findings.Single(f => f.RuleId == GitHubRule);
    }
}
