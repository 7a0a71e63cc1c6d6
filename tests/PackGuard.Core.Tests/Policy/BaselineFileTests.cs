using System.Text;
using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Policy;

public sealed class BaselineFileTests : IDisposable
{
    private readonly TestSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void A_written_baseline_reads_back_with_every_field()
    {
        var created = new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero);
        var baseline = new Baseline(
            [new BaselineEntry("fp-1", "secret/aws-access-key", "package/.env", Severity.Critical, new DateOnly(2026, 4, 1))],
            created, ["npm:acme@1.0.0"]);
        var path = Path.Combine(_box.Root, "b.json");
        using (var file = File.Create(path))
            BaselineFile.Write(baseline, file);

        var text = File.ReadAllText(path);
        text.ShouldBe("""
            {
              "kind": "packguard-baseline",
              "schemaVersion": "1",
              "created": "2026-04-01T09:30:00+00:00",
              "targets": [
                "npm:acme@1.0.0"
              ],
              "findings": [
                {
                  "fingerprint": "fp-1",
                  "ruleId": "secret/aws-access-key",
                  "path": "package/.env",
                  "severity": "critical",
                  "date": "2026-04-01"
                }
              ]
            }

            """.ReplaceLineEndings("\n"));
        var read = BaselineFile.Read(path, "b.json");
        read.Source.ShouldBe("b.json");
        read.Created.ShouldBe(created);
        read.Targets.ShouldBe(["npm:acme@1.0.0"]);
        read.Entries.ShouldBe(baseline.Entries);
        read.Contains("fp-1").ShouldBeTrue();
        read.Contains("fp-2").ShouldBeFalse();
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "neither a PackGuard baseline (no \"kind\": \"packguard-baseline\") nor a PackGuard JSON report")]
    [InlineData("{ \"kind\": \"sarif\" }", "neither a PackGuard baseline (no \"kind\": \"packguard-baseline\") nor a PackGuard JSON report")]
    [InlineData("{ \"kind\": \"packguard-baseline\", \"schemaVersion\": \"2\", \"findings\": [] }", "schemaVersion must be \"1\"")]
    [InlineData("{ \"kind\": \"packguard-baseline\", \"schemaVersion\": \"1\" }", "findings must be an array")]
    [InlineData("{ \"kind\": \"packguard-baseline\", \"schemaVersion\": \"1\", \"findings\": [ { \"fingerprint\": \"a\" }, { \"ruleId\": \"x\" } ] }", "findings[1] has no fingerprint")]
    [InlineData("{ \"kind\": \"packguard-baseline\", \"schemaVersion\": \"1\", \"findings\": [ { \"fingerprint\": \"\" } ] }", "findings[0] has no fingerprint")]
    public void An_invalid_file_says_why(string content, string reason)
    {
        var path = _box.Write("bad.json", content);

        Should.Throw<BaselineException>(() => BaselineFile.Read(path, "bad.json")).Message.ShouldBe($"baseline bad.json: {reason}");
    }

    [Fact]
    public void A_missing_file_says_how_to_make_one()
    {
        Should.Throw<BaselineException>(() => BaselineFile.Read(Path.Combine(_box.Root, "none.json"), "none.json"))
            .Message.ShouldBe("baseline none.json: no such file (create one with packguard baseline create <target>...)");
    }

    [Fact]
    public void Readable_but_odd_descriptive_fields_do_not_stop_the_fingerprints_being_used()
    {
        var path = _box.Write("odd.json", """{ "kind": "packguard-baseline", "schemaVersion": "1", "findings": [ { "fingerprint": "a", "severity": "dire", "date": 5, "path": null } ] }""");

        var read = BaselineFile.Read(path, "odd.json");

        read.Contains("a").ShouldBeTrue();
        read.Entries.ShouldHaveSingleItem().ShouldBe(new BaselineEntry("a", "", "", Severity.Info, default));
    }

    [Fact]
    public void Hostile_bytes_are_a_reason_not_a_crash()
    {
        var random = new Random(8);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var prefix = Encoding.UTF8.GetBytes("{ \"kind\": \"packguard-baseline\", \"schemaVersion\": \"1\", \"findings\": [");
            var path = Path.Combine(_box.Root, "fuzz.json");
            File.WriteAllBytes(path, i % 2 == 0 ? bytes : [.. prefix, .. bytes]);
            try
            {
                BaselineFile.Read(path, "fuzz.json");
            }
            catch (BaselineException)
            {
            }
        }
    }

    [Fact]
    public void The_json_report_of_several_targets_reads_as_a_baseline_of_all_their_findings()
    {
        var path = _box.Write("report.json", """
            [
              { "schemaVersion": "1", "tool": { "name": "packguard", "version": "0.1.0" }, "target": { "spec": "a.tgz" },
                "findings": [ { "ruleId": "source-map/paths-only", "severity": "low", "location": { "path": "package/a.js.map" },
                                "fingerprint": "fp-a", "properties": { "topDirectories": [ { "path": "src", "files": 3 } ] } } ] },
              { "schemaVersion": "1", "tool": { "name": "packguard", "version": "0.1.0" }, "target": { "spec": "b.tgz" },
                "findings": [ { "ruleId": "dependency/typosquat", "severity": "high", "location": { "path": "package-lock.json", "line": 3 },
                                "fingerprint": "fp-b", "properties": {} } ] }
            ]
            """);

        var baseline = BaselineFile.Read(path, "report.json");

        baseline.Entries.Select(e => (e.Fingerprint, e.RuleId, e.Path, e.Severity)).ShouldBe(
            [("fp-a", "source-map/paths-only", "package/a.js.map", Severity.Low), ("fp-b", "dependency/typosquat", "package-lock.json", Severity.High)]);
        baseline.Targets.ShouldBe(["a.tgz", "b.tgz"]);
    }
}
