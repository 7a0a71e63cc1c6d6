using System.Net;
using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// The exit codes of <c>packguard scan</c>, each from a real scan: 0 pass, 1 fail, 2 usage or
/// configuration error (nothing scanned), 3 a target could not be read.
/// </summary>
public sealed class ScanCommandExitCodeTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public ScanCommandExitCodeTests()
    {
        _cli.WriteFile("tidy-1.0.0.tgz", CliFixtures.Clean);
        _cli.WriteFile("acme-cli-2.1.88.tgz", CliFixtures.ProprietaryWithExternalMap);
        _cli.WriteFile("acme-lib-1.4.0.tgz", CliFixtures.OpenSourceWithMap);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<(CliResult Result, JsonNode Report)> ScanJson(params string[] args)
    {
        var result = await _cli.RunAsync(["scan", .. args, "--format", "json"]);
        return (result, JsonNode.Parse(result.Output)!);
    }

    private static void ShouldBeAPlainMessage(string error)
    {
        error.ShouldStartWith("packguard: ");
        error.ShouldNotContain("   at ");
        error.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_clean_package_passes_with_exit_code_0()
    {
        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain(" PASS  0 critical, 0 high, 0 medium, 0 low, 0 info");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Embedded_sources_in_an_unlicensed_package_fail_with_exit_code_1()
    {
        var (result, report) = await ScanJson("acme-cli-2.1.88.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        report["verdict"]!.GetValue<string>().ShouldBe("fail");
        report["target"]!["license"]!.GetValue<string>().ShouldBe("UNLICENSED");
        var finding = report["findings"]!.AsArray().ShouldHaveSingleItem()!;
        finding["ruleId"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
        finding["severity"]!.GetValue<string>().ShouldBe("critical");
        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "high", ExitCodes.Pass)]
    [InlineData("critical", "critical", ExitCodes.Pass)]
    [InlineData("high", "high", ExitCodes.Pass)]
    [InlineData("medium", "medium", ExitCodes.Fail)]
    [InlineData("low", "low", ExitCodes.Fail)]
    [InlineData("info", "info", ExitCodes.Fail)]
    [InlineData("none", "none", ExitCodes.Pass)]
    [InlineData("MEDIUM", "medium", ExitCodes.Fail)]
    public async Task Fail_on_decides_whether_a_medium_finding_fails(string? failOn, string reported, int exitCode)
    {
        var (result, report) = await ScanJson(failOn is null ? ["acme-lib-1.4.0.tgz"] : ["acme-lib-1.4.0.tgz", "--fail-on", failOn]);

        // The fixture must really hold one medium finding, or this test proves nothing.
        report["summary"]!["medium"]!.GetValue<int>().ShouldBe(1);
        report["failOn"]!.GetValue<string>().ShouldBe(reported);
        result.ExitCode.ShouldBe(exitCode, result.ToString());
        report["verdict"]!.GetValue<string>().ShouldBe(exitCode == ExitCodes.Fail ? "fail" : "pass");
    }

    [Fact]
    public async Task Fail_on_none_never_fails_even_on_a_critical_finding()
    {
        var (result, report) = await ScanJson("acme-cli-2.1.88.tgz", "--fail-on", "none");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        report["summary"]!["critical"]!.GetValue<int>().ShouldBe(1);
        report["verdict"]!.GetValue<string>().ShouldBe("pass");
        report["failOn"]!.GetValue<string>().ShouldBe("none");
    }

    [Fact]
    public async Task The_config_files_fail_on_applies_and_the_command_line_wins_over_it()
    {
        _cli.WriteFile("strict.json", """{ "failOn": "medium" }""");

        var (fromConfig, _) = await ScanJson("acme-lib-1.4.0.tgz", "--config", "strict.json");
        var (overridden, report) = await ScanJson("acme-lib-1.4.0.tgz", "--config", "strict.json", "--fail-on", "high");

        fromConfig.ExitCode.ShouldBe(ExitCodes.Fail, fromConfig.ToString());
        overridden.ExitCode.ShouldBe(ExitCodes.Pass, overridden.ToString());
        report["failOn"]!.GetValue<string>().ShouldBe("high");
    }

    [Fact]
    public async Task A_config_file_can_lower_a_rules_severity_below_the_fail_level()
    {
        _cli.WriteFile("lenient.json", """{ "rules": { "source-map/embedded-sources": { "severity": "low" } } }""");

        var (result, report) = await ScanJson("acme-cli-2.1.88.tgz", "--config", "lenient.json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        report["summary"]!["low"]!.GetValue<int>().ShouldBe(1);
        report["summary"]!["critical"]!.GetValue<int>().ShouldBe(0);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["npm:"], "packguard: 'npm:' names no package." },
        { ["nuget:Bad Id"], "is not a valid NuGet package id" },
        { ["https://example.com/pkg.tgz"], "is a web address; PackGuard does not download arbitrary URLs" },
        { ["pkg:gem/rails@7.0.0"], "Package URL type 'gem' is not supported" },
        { ["tidy-1.0.0.tgz", "--config", "missing.json"], "missing.json: no such file" },
        { ["tidy-1.0.0.tgz", "--output", "no/such/dir/report.json"], "--output no/such/dir/report.json: the directory" },
        { ["tidy-1.0.0.tgz", "--output", "tidy-1.0.0.tgz"], "--output tidy-1.0.0.tgz: that is a target being scanned; refusing to overwrite it" },
        { ["tidy-1.0.0.tgz", "--output", "."], "--output .: is a directory; name a file" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_bad_target_spec_config_or_output_exits_2_before_anything_is_scanned(string[] args, string message)
    {
        var result = await _cli.RunAsync(["scan", .. args]);

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain(message);
        ShouldBeAPlainMessage(result.Error);
        result.Output.ShouldBeEmpty();
        _cli.Http.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{ \"failOn\": \"medium\", }x", "not valid JSON at line 1, column 24")]
    [InlineData("[1, 2]", "the top level must be a JSON object")]
    [InlineData("{ \"failon\": \"medium\" }", "unknown key \"failon\" (expected failOn, limits, rules, gate, exposure, deps, excludes, suppressionMaxDays, suppressions, ledger)")]
    [InlineData("{ \"exposure\": { \"codenames\": \"falcon\" } }", "exposure.codenames must be a JSON array")]
    [InlineData("{ \"exposure\": { \"codenames\": [\"ok\"] } }", "exposure.codenames: \"ok\" must be 3 to 64 characters long")]
    [InlineData("{ \"exposure\": { \"codenames\": [7] } }", "exposure.codenames must hold strings")]
    [InlineData("{ \"exposure\": { \"codenames\": [\" falcon\"] } }", "exposure.codenames: \" falcon\" must not start or end with a space")]
    [InlineData("{ \"exposure\": { \"hosts\": [] } }", "unknown key \"hosts\" in exposure (expected codenames)")]
    [InlineData("{ \"failOn\": \"severe\" }", "failOn must be one of critical, high, medium, low, info, none")]
    [InlineData("{ \"rules\": { \"source-map/no-such-rule\": { \"enabled\": false } } }", "unknown rule \"source-map/no-such-rule\" (see `packguard rules list`)")]
    [InlineData("{ \"limits\": { \"maxDepth\": 99 } }", "limits.maxDepth must be a number from 0 to 32")]
    [InlineData("{ \"limits\": { \"maxSymbolSize\": \"lots\" } }", "limits.maxSymbolSize must be a positive byte count such as 536870912 or \"512MB\"")]
    [InlineData("{ \"limits\": { \"maxScanTime\": \"ten minutes\" } }", "limits.maxScanTime must be a duration from 0 to 24 hours, in seconds or as a string such as \"90s\", \"500ms\" or \"10m\"")]
    [InlineData("{ \"limits\": { \"maxEntryTime\": -1 } }", "limits.maxEntryTime must be a duration from 0 to 24 hours, in seconds or as a string such as \"90s\", \"500ms\" or \"10m\"")]
    [InlineData("{ \"gate\": { \"cooldown\": 48 } }", "gate.cooldown must be a duration such as \"48h\", \"90m\" or \"3d\"")]
    [InlineData("{ \"gate\": { \"window\": \"1h\" } }", "unknown key \"window\" in gate (expected cooldown)")]
    [InlineData("{ \"limits\": { \"maxTime\": 5 } }", "unknown limit \"maxTime\" (expected maxEntrySize, maxTotalSize, maxCompressionRatio, maxEntries, maxDepth, maxEntryTime, maxScanTime, maxSymbolSize)")]
    public async Task An_invalid_config_file_exits_2_and_names_the_problem(string json, string problem)
    {
        _cli.WriteFile("policy.json", json);

        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--config", "policy.json");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldBe($"packguard: config file {Path.Combine(_cli.Work, "policy.json")}: {problem}" + Environment.NewLine);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Codenames_declared_in_the_config_file_are_searched_for_and_fail_the_scan()
    {
        _cli.WriteFile("codenames.json", """{ "exposure": { "codenames": ["acme", "Project Osprey"] } }""");

        var (without, plain) = await ScanJson("acme-lib-1.4.0.tgz");
        var (result, report) = await ScanJson("acme-lib-1.4.0.tgz", "--config", "codenames.json");

        without.ExitCode.ShouldBe(ExitCodes.Pass, without.ToString());
        plain["findings"]!.AsArray().ShouldNotContain(f => f!["ruleId"]!.GetValue<string>() == "exposure/codename");
        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var finding = report["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "exposure/codename")!;
        finding["severity"]!.GetValue<string>().ShouldBe("high");
        finding["properties"]!["value"]!.GetValue<string>().ShouldBe("acme");
    }

    [Fact]
    public async Task Relative_config_and_output_paths_are_relative_to_the_working_directory()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Work, "reports"));
        _cli.WriteFile("strict.json", """{ "failOn": "medium" }""");

        var result = await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz", "--config", "strict.json", "--output", "reports/scan.txt");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        File.ReadAllText(Path.Combine(_cli.Work, "reports", "scan.txt")).ShouldStartWith("acme-lib-1.4.0.tgz\n");
    }

    [Theory]
    [InlineData("\"0s\"")]
    [InlineData("0")]
    public async Task A_scan_that_runs_out_of_time_exits_3_with_its_report(string budget)
    {
        _cli.WriteFile("budget.json", $$"""{ "limits": { "maxScanTime": {{budget}} } }""");

        var (result, report) = await ScanJson("tidy-1.0.0.tgz", "--config", "budget.json");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable, result.ToString());
        report["incomplete"]!.GetValue<bool>().ShouldBeTrue();
        report["findings"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).ShouldContain("scan/incomplete");
        result.Error.ShouldStartWith("packguard: tidy-1.0.0.tgz: scan incomplete: a time budget ran out");
        result.Error.ShouldContain("--allow-incomplete");
        ShouldBeAPlainMessage(result.Error);
    }

    [Fact]
    public async Task Allow_incomplete_judges_a_partial_scan_by_its_findings()
    {
        _cli.WriteFile("budget.json", """{ "limits": { "maxScanTime": "0s" } }""");

        var (result, report) = await ScanJson("tidy-1.0.0.tgz", "--config", "budget.json", "--allow-incomplete");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        report["incomplete"]!.GetValue<bool>().ShouldBeTrue();
        report["summary"]!["medium"]!.GetValue<int>().ShouldBe(1);
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_partial_scan_is_marked_in_the_text_report()
    {
        _cli.WriteFile("budget.json", """{ "limits": { "maxScanTime": "0s" } }""");

        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "--config", "budget.json");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable, result.ToString());
        result.Output.ShouldContain(" INCOMPLETE  A time budget ran out and part of the artifact was not inspected");
        result.Output.ShouldContain("Scan incomplete · scan/incomplete");
    }

    [Fact]
    public async Task A_complete_scan_says_so_in_json()
    {
        var (result, report) = await ScanJson("tidy-1.0.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        report["incomplete"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_local_file_exits_3_and_names_it()
    {
        var result = await _cli.RunAsync("scan", "missing-1.0.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldBe("packguard: missing-1.0.0.tgz: No such file or directory: missing-1.0.0.tgz" + Environment.NewLine);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_truncated_tarball_exits_3_and_says_where_reading_stopped()
    {
        _cli.WriteFile("cut-1.0.0.tgz", CliFixtures.TruncatedTarball());

        var result = await _cli.RunAsync("scan", "cut-1.0.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable, result.ToString());
        result.Error.ShouldStartWith("packguard: cut-1.0.0.tgz: Cannot read '");
        result.Error.ShouldContain("truncated");
        result.Error.ShouldContain("reading stopped at entry 'package/lib/big.js'");
        ShouldBeAPlainMessage(result.Error);
        result.Output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("broken.zip")]
    [InlineData("Broken.1.0.0.nupkg")]
    public async Task A_damaged_zip_exits_3(string name)
    {
        _cli.WriteFile(name, CliFixtures.DamagedZip());

        var result = await _cli.RunAsync("scan", name);

        result.ExitCode.ShouldBe(ExitCodes.Unreadable, result.ToString());
        result.Error.ShouldStartWith($"packguard: {name}: Cannot read '");
        result.Error.ShouldContain("central directory", Case.Insensitive);
        ShouldBeAPlainMessage(result.Error);
    }

    [Fact]
    public async Task A_package_the_registry_does_not_have_exits_3_with_not_found()
    {
        // The fake registry answers 404 to every URL it was not given.
        var result = await _cli.RunAsync("scan", "npm:left-pad@1.3.0");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldBe("packguard: npm:left-pad@1.3.0: npm package 'left-pad' was not found in https://registry.npmjs.org/." + Environment.NewLine);
        _cli.Http.CountFor("https://registry.npmjs.org/left-pad").ShouldBe(1);
    }

    [Fact]
    public async Task A_registry_that_cannot_be_resolved_exits_3_at_once()
    {
        _cli.Http.ThrowFirst("https://registry.npmjs.org/left-pad", 1,
            () => new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (registry.npmjs.org:443)"));

        var result = await _cli.RunAsync("scan", "npm:left-pad");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldStartWith("packguard: npm:left-pad: could not reach ");
        result.Error.ShouldContain("Name or service not known");
        ShouldBeAPlainMessage(result.Error);
    }

    [Fact]
    public async Task A_registry_that_keeps_refusing_connections_exits_3_after_retries()
    {
        _cli.Http.ThrowFirst("https://registry.npmjs.org/left-pad", 3,
            () => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (registry.npmjs.org:443)"));

        var result = await _cli.RunAsync("scan", "npm:left-pad");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldContain("Connection refused");
        _cli.Http.CountFor("https://registry.npmjs.org/left-pad").ShouldBe(3);
    }

    [Fact]
    public async Task A_registry_failing_with_server_errors_exits_3()
    {
        _cli.Http.FailFirst("https://registry.npmjs.org/left-pad", 3, HttpStatusCode.BadGateway);

        var result = await _cli.RunAsync("scan", "npm:left-pad");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldContain("HTTP 502");
        ShouldBeAPlainMessage(result.Error);
    }

    [Fact]
    public async Task An_unreadable_target_beside_a_clean_one_exits_3_and_the_clean_one_is_still_reported()
    {
        var result = await _cli.RunAsync("scan", "missing-1.0.0.tgz", "tidy-1.0.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldBe("packguard: missing-1.0.0.tgz: No such file or directory: missing-1.0.0.tgz" + Environment.NewLine);
        result.Output.ShouldStartWith("tidy-1.0.0.tgz\ntidy 1.0.0 (npm)");
        result.Output.ShouldContain(" PASS ");
        result.Output.ShouldEndWith("1 of 2 targets could not be read (see the errors above)\n");
    }

    [Fact]
    public async Task An_unreadable_target_outranks_a_failing_one()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "missing-1.0.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Output.ShouldContain(" FAIL ");
        result.Output.ShouldEndWith("1 of 2 targets failed; 1 could not be read (see the errors above)\n");
    }

    [Fact]
    public async Task A_failing_target_beside_a_passing_one_exits_1_and_both_are_reported()
    {
        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "acme-cli-2.1.88.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        result.Output.ShouldContain("tidy 1.0.0 (npm)");
        result.Output.ShouldContain("acme-cli 2.1.88 (npm)");
        result.Output.ShouldEndWith("1 of 2 targets failed\n");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Several_passing_targets_exit_0()
    {
        _cli.WriteFile("copy.tgz", CliFixtures.Clean);

        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "copy.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldEndWith("All 2 targets passed\n");
    }
}
