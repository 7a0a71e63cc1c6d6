using System.Diagnostics;
using System.Text;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

/// <summary>
/// What the cloud rules' samples cannot say on their own: which matches are proven (critical)
/// and which are fakes (low), that one service-account key gives one finding, that published
/// emulator keys stay quiet, and that the anchors stay fast on hostile input.
/// </summary>
public sealed class CloudSecretsTests
{
    public static TheoryData<string> SignatureRules() =>
        [.. CloudSecrets.Rules.Where(r => r.Signatures.Count > 0).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(SignatureRules))]
    public void A_checksummed_key_is_critical_and_a_broken_checksum_is_low(string ruleId)
    {
        var rule = CloudSecrets.Rules.Single(r => r.Id == ruleId);
        var sample = rule.Positives[0];

        Findings(sample).Where(f => f.RuleId == ruleId).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Critical);

        // Flip one character of the random part: same shape, wrong checksum.
        var keyStart = sample.IndexOf(rule.Signatures[0], StringComparison.Ordinal) - 20;
        var broken = string.Concat(sample.AsSpan(0, keyStart), sample[keyStart] == 'a' ? "b" : "a", sample.AsSpan(keyStart + 1));
        Findings(broken).Where(f => f.RuleId == ruleId).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void A_service_account_key_file_gives_one_critical_finding()
    {
        var rule = CloudSecrets.Rules.Single(r => r.Id == "secret/gcp-service-account-key");
        foreach (var sample in rule.Positives)
        {
            var findings = Findings(sample).Where(f => f.RuleId.StartsWith("secret/", StringComparison.Ordinal)).ToList();
            findings.ShouldHaveSingleItem().RuleId.ShouldBe(rule.Id);
            findings[0].Severity.ShouldBe(Severity.Critical);
        }
    }

    [Fact]
    public void Published_emulator_keys_are_not_reported()
    {
        // The Azurite key, assembled from pieces so that no source file holds it whole.
        var azurite = Join("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/", "K1SZFPTOtr/KBHBeksoGMGw==");
        var connection = Join("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=", azurite, ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");

        Findings(connection).ShouldNotContain(f => f.RuleId == "secret/azure-connection-string-account-key");
    }

    [Fact]
    public void A_documented_example_key_pair_is_low()
    {
        var line = Join("accessKeyId: 'AKIAIOSFODNN7", "EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "EXAMPLEKEY'");

        Findings(line).Where(f => f.RuleId.StartsWith("secret/aws-", StringComparison.Ordinal)).ShouldAllBe(f => f.Severity == Severity.Low);
    }

    [Fact]
    public void An_expired_sas_token_is_low()
    {
        var line = Join("token: \"sp=r&st=2023-12-20T14:54:52Z&se=2023-12-20T22:54:52Z&spr=https&sv=2021-06-08&sr=c&s", "ig=", Random(41, Base62, 2990), "%2F%2B%3D\",");

        Findings(line).Where(f => f.RuleId == "secret/azure-sas-token").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Low);
    }

    [Theory]
    [InlineData("sv=2024-05-04&se=2025-06-30T12%3A00%3A00Z&sig=x", ValidationOutcome.Invalid)]
    [InlineData("se=2025-06-30&sv=2024-05-04&sig=x", ValidationOutcome.Invalid)]
    [InlineData("sv=2024-05-04&se=2025-07-01T00:00:00Z&sig=x", ValidationOutcome.NotChecked)]
    [InlineData("sv=2024-05-04&si=readers&sig=x", ValidationOutcome.NotChecked)]
    [InlineData("sv=2024-05-04&se=soon&sig=x", ValidationOutcome.NotChecked)]
    public void Sas_expiry_is_judged_by_the_day(string sas, ValidationOutcome outcome)
    {
        var validator = new AzureSasExpiry(new FixedTime(new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero)));

        validator.Validate(sas).Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void Hostile_input_around_the_anchors_scans_quickly()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 4000; i++)
        {
            text.Append("sv=2020-01-01&a=&b=&c=&sig=").Append('A', 40).Append("&sig=")
                .Append("\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----").Append('A', 60).Append('\n')
                .Append("fm2_").Append('B', 120).Append(",fm2_,fm2_,fm2_ AKIA").Append('C', 16).Append(' ').Append('D', 40).Append('\n');
        }
        var watch = Stopwatch.StartNew();
        Findings(text.ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static IReadOnlyList<Finding> Findings(string content)
    {
        var bytes = TestArchive.TarGz([new TestFile("package/lib/settings.js", Encoding.UTF8.GetBytes(content))]);
        using var artifact = new TempArtifact(bytes, "sample.tgz");
        var scanner = new Scanner(Scanner.DefaultInspectors(TestKeys.Fingerprinter), ArtifactLimits.Default);
        return scanner.Scan(new ResolvedTarget(new TargetSpec(artifact.Path, TargetKind.Local, artifact.Path, null), artifact.Path, IsDirectory: false)).Findings;
    }
}
