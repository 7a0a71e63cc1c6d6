using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

public sealed class OsvReaderTests
{
    [Fact]
    public void Reads_a_malicious_packages_record()
    {
        var record = Read("osv/malicious/npm/plain-crypto-js/MAL-2026-2306.json");

        record.Id.ShouldBe("MAL-2026-2306");
        record.Summary.ShouldBe("Malicious code in plain-crypto-js (npm)");
        record.Details.ShouldBe("The package plain-crypto-js was found to contain malicious code.");
        record.Malicious.ShouldBeTrue();
        record.Published.ShouldBe(new DateTimeOffset(2026, 3, 31, 2, 7, 58, TimeSpan.Zero));
        record.Modified.ShouldBe(record.Published);
        record.Withdrawn.ShouldBeNull();
        record.Aliases.ShouldBeEmpty();
        var affected = record.Affected.ShouldHaveSingleItem();
        affected.Ecosystem.ShouldBe(Ecosystems.Npm);
        affected.Name.ShouldBe("plain-crypto-js");
        affected.Ranges.ShouldBeEmpty();
        affected.Versions.ShouldBe(["4.2.1"]);
    }

    [Fact]
    public void A_record_awaiting_its_id_is_named_by_its_file()
    {
        var record = Read("osv/malicious/npm/plain-crypto-js/MAL-0000-ghsa-malware-4dfdc3dd18fb6fe8.json");

        record.Id.ShouldBe("MAL-0000-ghsa-malware-4dfdc3dd18fb6fe8");
        record.Aliases.ShouldBe(["GHSA-2x9r-6wxq-hrr7"]);
        record.Summary.ShouldBe("Malware in plain-crypto-js");
        var range = record.Affected.ShouldHaveSingleItem().Ranges.ShouldHaveSingleItem();
        range.Type.ShouldBe("SEMVER");
        range.Events.ShouldBe([new OsvEvent(OsvEventKind.Introduced, "0")]);
    }

    [Fact]
    public void Reads_NuGet_PyPI_and_withdrawn_records()
    {
        var nuget = Read("osv/malicious/nuget/algotrading.net/MAL-2024-3999.json");
        nuget.Affected.ShouldHaveSingleItem().Ecosystem.ShouldBe(Ecosystems.NuGet);
        nuget.Affected[0].Key.ShouldBe("algotrading.net");
        nuget.Affected[0].Versions.Count.ShouldBe(66);
        nuget.Details.ShouldBe("");
        nuget.Summary.ShouldBe("Malicious code in AlgoTrading.Net (NuGet)");

        var pypi = Read("osv/malicious/pypi/colourama/MAL-2099-0101.json");
        pypi.Affected.ShouldHaveSingleItem().Ecosystem.ShouldBe(Ecosystems.PyPI);
        pypi.Details.ShouldBe("The package colourama imitates colorama and replaces cryptocurrency addresses on the clipboard.");

        var withdrawn = Read("osv/withdrawn/npm/@ctrl/plex/MAL-2026-4377.json");
        withdrawn.Withdrawn.ShouldBe(new DateTimeOffset(2026, 5, 26, 17, 12, 48, TimeSpan.Zero));
        withdrawn.Details.ShouldStartWith("The @ctrl/* npm scope was compromised");
    }

    [Fact]
    public void An_ordinary_vulnerability_is_not_malicious()
    {
        var record = Read("vulns/npm/lodash/GHSA-p6mc-m468-83gw.json");

        record.Malicious.ShouldBeFalse();
        record.Aliases.ShouldBe(["CVE-2020-8203"]);
        record.Details.ShouldStartWith("Versions of lodash prior to 4.17.19");
        record.Affected.ShouldHaveSingleItem().Ranges.ShouldHaveSingleItem().Events.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("GHSA-xxxx", "Malware in evil", "", false, true)]
    [InlineData("GHSA-xxxx", "Embedded malicious code", "", true, true)]
    [InlineData("OSV-2099-1", "", "Malicious code in evil (npm)", false, true)]
    [InlineData("GHSA-xxxx", "Prototype pollution", "A malicious user can pollute the prototype.", false, false)]
    [InlineData("mal-2099-1", "", "", false, true)]
    public void Knows_a_malicious_record_by_its_id_text_or_weakness(string id, string summary, string details, bool cwe506, bool malicious)
    {
        var json = $$$"""
            {"id": "{{{id}}}", "summary": "{{{summary}}}", "details": "{{{details}}}",
             "affected": [{"package": {"ecosystem": "npm", "name": "evil"}, "versions": ["1.0.0"]}],
             "database_specific": {"cwe_ids": ["{{{(cwe506 ? "CWE-506" : "CWE-79")}}}"], "severity": "CRITICAL"}}
            """;

        Read(json, "x.json").Malicious.ShouldBe(malicious);
    }

    [Fact]
    public void Keeps_only_the_packages_of_audited_ecosystems_and_drops_GIT_ranges()
    {
        var record = Read("""
            {"id": "OSV-1", "modified": "2024-01-01T00:00:00Z",
             "affected": [
               {"package": {"ecosystem": "crates.io", "name": "x"}, "versions": ["1.0.0"]},
               {"package": {"ecosystem": "Go", "name": "example.com/x"}},
               {"package": {"ecosystem": "pypi", "name": "Flask_Login"},
                "ranges": [{"type": "GIT", "repo": "https://example.com/x", "events": [{"introduced": "0"}, {"fixed": "abc"}]},
                           {"type": "ECOSYSTEM", "events": [{"introduced": "1.0"}, {"fixed": "1.2"}]},
                           {"type": "SEMVER", "events": [{"fixed": "3.0.0"}]}]},
               {"package": {"ecosystem": "npm", "name": "", "purl": "pkg:npm/%40acme/evil"}, "versions": ["2.0.0"]},
               {"package": {"ecosystem": "NuGet"}}
             ]}
            """, "OSV-1.json");

        record.SkippedAffected.ShouldBe(3);
        record.Affected.Count.ShouldBe(2);
        record.Affected[0].Key.ShouldBe("flask-login");
        record.Affected[0].Ranges.ShouldHaveSingleItem().Type.ShouldBe("ECOSYSTEM");
        record.Affected[1].Name.ShouldBe("@acme/evil");
    }

    [Theory]
    [InlineData("{\"id\": \"MAL-1\", \"summary\": \"trunc", "not JSON")]
    [InlineData("[1, 2, 3]", "not an OSV record: the JSON is not an object")]
    [InlineData("{\"name\": \"left-pad\", \"version\": \"1.0.0\"}", "not an OSV record: no id and no affected packages")]
    [InlineData("{\"id\": \"\", \"affected\": []}", "not an OSV record: no id")]
    [InlineData("{\"id\": \"MAL-1\", \"summary\": \"\\ud800\"}", "not a readable OSV record")]
    [InlineData("", "not JSON")]
    public void Says_why_a_file_is_not_a_record(string json, string reason)
    {
        var (record, problem) = OsvReader.Read(AdvisoryRecords.Utf8(json), "file.json");

        record.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith(reason);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_crash()
    {
        var json = "{\"id\": \"MAL-1\", \"database_specific\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        OsvReader.Read(AdvisoryRecords.Utf8(json), "x.json").Problem.ShouldNotBeNull().ShouldStartWith("not JSON");
    }

    [Fact]
    public void Fields_of_the_wrong_type_are_ignored()
    {
        var record = Read("""
            {"id": "MAL-2", "summary": 5, "details": ["x"], "aliases": "GHSA-1", "modified": "yesterday", "published": 7,
             "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "ranges": {"type": "SEMVER"}, "versions": [1, "1.0.0", null]},
                          "junk", 3,
                          {"package": {"ecosystem": "npm", "name": "y"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": 0}, {"introduced": "0", "fixed": "1.0.0"}, "x"]}]}]}
            """, "x.json");

        record.Summary.ShouldBe("");
        record.Modified.ShouldBeNull();
        record.Aliases.ShouldBeEmpty();
        record.Affected[0].Versions.ShouldBe(["1.0.0"]);
        record.Affected[0].Ranges.ShouldBeEmpty();
        record.Affected[1].Ranges.ShouldHaveSingleItem().Events.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("\n---\n_-= Per source details. Do not edit below this line.=-_\n", "")]
    [InlineData("## Source: x (abc)\n> The package x was found to contain malicious code.\n", "The package x was found to contain malicious code.")]
    [InlineData("***\nFirst line\nSecond line", "First line")]
    public void Keeps_the_first_meaningful_line_of_the_details(string details, string line) =>
        OsvReader.FirstMeaningfulLine(details).ShouldBe(line);

    private static OsvRecord Read(string relativePath)
    {
        var (record, problem) = OsvReader.Read(AdvisoryRecords.Bytes(relativePath), Path.GetFileName(relativePath));
        problem.ShouldBeNull();
        return record.ShouldNotBeNull();
    }

    private static OsvRecord Read(string json, string fileName)
    {
        var (record, problem) = OsvReader.Read(AdvisoryRecords.Utf8(json), fileName);
        problem.ShouldBeNull();
        return record.ShouldNotBeNull();
    }
}
