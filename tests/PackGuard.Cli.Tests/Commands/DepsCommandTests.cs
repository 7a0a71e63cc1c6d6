using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Support;
using static PackGuard.Dependencies.Audit.ProjectSamples;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard deps</c> end to end: a project directory or a lockfile in, the report and exit code
/// out, in every format, with the contract's properties on dependency findings.
/// </summary>
public sealed class DepsCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly CliSandbox _cli = new() { Clock = new FixedClock(Now) };

    public void Dispose() => _cli.Dispose();

    private void WriteProject(string directory, params Package[] packages) =>
        _cli.WriteFile(Path.Combine(directory, "package-lock.json"), PackageLock(packages).Content);

    [Fact]
    public async Task A_project_with_a_lookalike_fails_and_the_text_report_names_the_intended_package()
    {
        WriteProject("app", Registry("crossenv", "6.1.1"), Registry("left-pad", "1.3.0"));

        var result = await _cli.RunAsync("deps", "app");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        result.Output.ShouldContain("1 file, 2 packages (2 npm)");
        result.Output.ShouldContain("package-lock.json: npm lockfile v3, 2 packages (2 direct)");
        result.Output.ShouldContain("Lookalike of a popular package · dependency/typosquat");
        result.Output.ShouldContain("crossenv@6.1.1 looks like cross-env");
        result.Output.ShouldContain("at package-lock.json:");
        result.Error.ShouldBeEmpty();
        _cli.Http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_clean_project_passes_with_nothing_to_report()
    {
        WriteProject("app", Registry("left-pad", "1.3.0"), Registry("ms", "2.1.3"));

        var result = await _cli.RunAsync("deps", "app/package-lock.json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain("Nothing to report: no lookalike names");
    }

    [Fact]
    public async Task Json_findings_carry_the_package_version_ecosystem_and_what_a_lookalike_imitates()
    {
        WriteProject("app", Registry("crossenv", "6.1.1"));

        var result = await _cli.RunAsync("deps", "app", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var report = JsonNode.Parse(result.Output)!;
        report["schemaVersion"]!.GetValue<string>().ShouldBe("1");
        report["target"]!["spec"]!.GetValue<string>().ShouldBe("app");
        report["dependencies"]!["packages"]!.GetValue<int>().ShouldBe(1);
        report["dependencies"]!["files"]![0]!["format"]!.GetValue<string>().ShouldBe("package-lock");
        var finding = report["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "dependency/typosquat")!;
        finding["location"]!["path"]!.GetValue<string>().ShouldBe("package-lock.json");
        finding["properties"]!["package"]!.GetValue<string>().ShouldBe("crossenv");
        finding["properties"]!["version"]!.GetValue<string>().ShouldBe("6.1.1");
        finding["properties"]!["ecosystem"]!.GetValue<string>().ShouldBe("npm");
        finding["properties"]!["imitates"]!.GetValue<string>().ShouldBe("cross-env");
        finding["fingerprint"]!.GetValue<string>().Length.ShouldBe(32);
    }

    [Fact]
    public async Task Sarif_validates_and_points_at_the_lockfile_line()
    {
        WriteProject("app", Registry("crossenv", "6.1.1"), Registry("left-pad", "1.3.0") with { Resolved = "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz" });

        var result = await _cli.RunAsync("deps", "app", "--format", "sarif");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var errors = JsonSchemaValidator.FromFile(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")).Validate(result.Output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var run = JsonNode.Parse(result.Output)!["runs"]![0]!;
        run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldBe(["dependency/typosquat", "lockfile/insecure-transport"], ignoreOrder: true);
        var location = run["results"]![0]!["locations"]![0]!["physicalLocation"]!;
        location["artifactLocation"]!["uri"]!.GetValue<string>().ShouldBe("package-lock.json");
        location["region"]!["startLine"]!.GetValue<int>().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task The_policy_file_declares_internal_names_and_rule_severities()
    {
        WriteProject("app", Registry("@acme/auth", "2.0.0"), Registry("esbuild", "0.24.0") with { InstallScript = true });
        _cli.WriteFile("policy.json", """
            {
              // internal names, routed nowhere: the lockfile took @acme/auth from the public registry
              "deps": { "internal": { "scopes": ["@acme"] } },
              "rules": { "dependency/install-script": { "severity": "high" } },
            }
            """);

        var result = await _cli.RunAsync("deps", "app", "--config", "policy.json", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var findings = JsonNode.Parse(result.Output)!["findings"]!.AsArray();
        findings.ShouldContain(f => f!["ruleId"]!.GetValue<string>() == "dependency/confusion" && f["severity"]!.GetValue<string>() == "critical");
        findings.ShouldContain(f => f!["ruleId"]!.GetValue<string>() == "dependency/install-script" && f["severity"]!.GetValue<string>() == "high");
    }

    [Theory]
    [InlineData("{ \"deps\": { \"internal\": { \"scopes\": [\"acme\"] } } }", "deps.internal.scopes: \"acme\" is not an npm scope (write it as @name)")]
    [InlineData("{ \"deps\": { \"internal\": { \"prefixes\": [\"a\"] } } }", "deps.internal.prefixes: \"a\" is not a name prefix of two characters or more without spaces")]
    [InlineData("{ \"deps\": { \"internal\": { \"registries\": [\"not a url/\"] } } }", "deps.internal.registries: \"not a url/\" is neither a URL nor a host name")]
    [InlineData("{ \"deps\": { \"internal\": { \"names\": [] } } }", "unknown key \"names\" in deps.internal (expected scopes, prefixes or registries)")]
    [InlineData("{ \"deps\": { \"allowedHosts\": \"registry.npmjs.org\" } }", "deps.allowedHosts must be a JSON array")]
    [InlineData("{ \"deps\": { \"cooldown\": 48 } }", "deps.cooldown must be a duration such as \"48h\", \"90m\" or \"3d\"")]
    [InlineData("{ \"deps\": { \"hosts\": [] } }", "unknown key \"hosts\" in deps (expected internal, allowedHosts or cooldown)")]
    public async Task An_invalid_deps_policy_exits_2_and_names_the_key(string json, string problem)
    {
        WriteProject("app", Registry("left-pad", "1.3.0"));
        _cli.WriteFile("policy.json", json);

        var result = await _cli.RunAsync("deps", "app", "--config", "policy.json");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldBe($"packguard: config file {Path.Combine(_cli.Work, "policy.json")}: {problem}" + Environment.NewLine);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_path_a_directory_without_lockfiles_and_a_file_of_another_kind_exit_3_with_a_plain_message()
    {
        _cli.WriteFile("empty/README.md", "# nothing to install\n");

        var missing = await _cli.RunAsync("deps", "no-such-dir");
        var empty = await _cli.RunAsync("deps", "empty");
        var other = await _cli.RunAsync("deps", "empty/README.md");

        missing.ExitCode.ShouldBe(ExitCodes.Unreadable);
        missing.Error.ShouldBe("packguard: no-such-dir: no such file or directory" + Environment.NewLine);
        empty.ExitCode.ShouldBe(ExitCodes.Unreadable);
        empty.Error.ShouldStartWith("packguard: empty: no lockfile or manifest found (PackGuard reads package-lock.json");
        other.ExitCode.ShouldBe(ExitCodes.Unreadable);
        other.Error.ShouldStartWith("packguard: empty/README.md: not a lockfile or manifest PackGuard reads");
        foreach (var result in new[] { missing, empty, other })
        {
            result.Output.ShouldBeEmpty();
            result.Error.ShouldNotContain("   at ");
        }
    }

    [Fact]
    public async Task Several_targets_give_one_report_each_and_an_unreadable_one_makes_the_exit_3()
    {
        WriteProject("a", Registry("left-pad", "1.3.0"));
        WriteProject("b", Registry("crossenv", "6.1.1"));

        var both = await _cli.RunAsync("deps", "a", "b", "--format", "json");
        var withMissing = await _cli.RunAsync("deps", "a", "missing");

        both.ExitCode.ShouldBe(ExitCodes.Fail, both.ToString());
        JsonNode.Parse(both.Output)!.AsArray().Select(r => r!["verdict"]!.GetValue<string>()).ShouldBe(["pass", "fail"]);
        withMissing.ExitCode.ShouldBe(ExitCodes.Unreadable);
        withMissing.Output.ShouldContain("1 of 2 targets could not be read");
    }

    [Fact]
    public async Task The_output_file_is_written_and_a_lockfile_is_never_overwritten()
    {
        WriteProject("app", Registry("left-pad", "1.3.0"));
        var lockfile = Path.Combine(_cli.Work, "app", "package-lock.json");
        var before = File.ReadAllText(lockfile);

        var refused = await _cli.RunAsync("deps", "app/package-lock.json", "--output", "app/package-lock.json");
        var written = await _cli.RunAsync("deps", "app", "--format", "json", "--output", "report.json");

        refused.ExitCode.ShouldBe(ExitCodes.Usage, refused.ToString());
        File.ReadAllText(lockfile).ShouldBe(before);
        written.ExitCode.ShouldBe(ExitCodes.Pass, written.ToString());
        JsonNode.Parse(File.ReadAllText(Path.Combine(_cli.Work, "report.json")))!["verdict"]!.GetValue<string>().ShouldBe("pass");
    }

    [Fact]
    public async Task Online_a_version_published_hours_ago_is_too_new_and_the_cooldown_option_changes_that()
    {
        WriteProject("app", Registry("left-pad", "1.3.0"));
        _cli.Http.Json("https://registry.npmjs.org/left-pad", $$"""
            { "name": "left-pad", "modified": "{{Now.AddHours(-5):O}}", "time": { "1.3.0": "{{Now.AddHours(-5):O}}" }, "versions": { "1.3.0": {} } }
            """);

        var result = await _cli.RunAsync("deps", "app", "--online");
        var shorter = await _cli.RunAsync("deps", "app", "--online", "--cooldown", "4h");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain("registries asked (--online)");
        result.Output.ShouldContain("left-pad@1.3.0 was published 5 hours ago");
        shorter.Output.ShouldNotContain("dependency/too-new");
        _cli.Http.Requests.ShouldAllBe(r => r.Url.Host == "registry.npmjs.org");
    }

    [Fact]
    public async Task Online_failed_look_ups_exit_3_unless_allowed_and_the_report_says_which()
    {
        WriteProject("app", Registry("left-pad", "1.3.0"));
        _cli.Http.Status("https://registry.npmjs.org/left-pad", System.Net.HttpStatusCode.InternalServerError);

        var failed = await _cli.RunAsync("deps", "app", "--online", "--format", "json");
        var allowed = await _cli.RunAsync("deps", "app", "--online", "--allow-incomplete", "--format", "json");

        failed.ExitCode.ShouldBe(ExitCodes.Unreadable, failed.ToString());
        failed.Error.ShouldContain("1 registry look-up failed");
        JsonNode.Parse(failed.Output)!["dependencies"]!["notes"]!.AsArray().ShouldContain(n => n!.GetValue<string>().Contains("registry look-ups failed", StringComparison.Ordinal) && n.GetValue<string>().Contains("left-pad", StringComparison.Ordinal));
        allowed.ExitCode.ShouldBe(ExitCodes.Pass, allowed.ToString());
    }

    [Fact]
    public async Task A_bad_cooldown_is_a_usage_error()
    {
        WriteProject("app", Registry("left-pad", "1.3.0"));

        var result = await _cli.RunAsync("deps", "app", "--online", "--cooldown", "soon");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldBe("packguard: deps: --cooldown 'soon' is not a duration (examples: 48h, 90m, 3d)." + Environment.NewLine);
    }

    [Fact]
    public async Task Imported_malicious_records_make_the_versions_they_name_critical()
    {
        _cli.Variables["PACKGUARD_DATA_DIR"] = Path.Combine(_cli.Home, "data");
        var records = Path.Combine(AppContext.BaseDirectory, "Dependencies", "Advisories", "Records", "osv");
        WriteProject("app", Registry("plain-crypto-js", "4.2.1"), Registry("flatmap-stream", "0.1.1"), Registry("crypto-js", "4.2.0"));

        var before = await _cli.RunAsync("deps", "app", "--format", "json");
        (await _cli.RunAsync("advisories", "import", records)).ExitCode.ShouldBe(ExitCodes.Pass);
        var after = await _cli.RunAsync("deps", "app", "--format", "json");

        JsonNode.Parse(before.Output)!["dependencies"]!["notes"]!.AsArray().ShouldContain(n => n!.GetValue<string>().StartsWith("No advisory store at", StringComparison.Ordinal));
        after.ExitCode.ShouldBe(ExitCodes.Fail, after.ToString());
        var report = JsonNode.Parse(after.Output)!;
        report["dependencies"]!["advisoryRecords"]!.GetValue<int>().ShouldBeGreaterThan(0);
        var malicious = report["findings"]!.AsArray().Where(f => f!["ruleId"]!.GetValue<string>() == "dependency/known-malicious").ToList();
        malicious.Select(f => f!["properties"]!["package"]!.GetValue<string>()).ShouldBe(["flatmap-stream", "plain-crypto-js"], ignoreOrder: true);
        malicious.ShouldAllBe(f => f!["severity"]!.GetValue<string>() == "critical");
        // The record and the malicious-packages placeholder it came from both name 4.2.1.
        malicious.Single(f => f!["properties"]!["package"]!.GetValue<string>() == "plain-crypto-js")!["properties"]!["advisories"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ShouldContain("MAL-2026-2306");
    }

    [Fact]
    public async Task A_named_advisory_store_that_does_not_exist_exits_3_with_how_to_make_it()
    {
        WriteProject("app", Registry("left-pad", "1.3.0"));

        var result = await _cli.RunAsync("deps", "app", "--advisories", "nope.db");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldContain("nope.db: no such file (create it with packguard advisories import");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_previous_json_report_serves_as_the_baseline_and_only_new_findings_are_reported()
    {
        WriteProject("app", Registry("crossenv", "6.1.1"), Registry("left-pad", "1.3.0") with { Resolved = "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz" });
        (await _cli.RunAsync("deps", "app", "--format", "json", "--output", "before.json")).ExitCode.ShouldBe(ExitCodes.Fail);

        var same = await _cli.RunAsync("deps", "app", "--baseline", "before.json", "--format", "json");
        WriteProject("app", Registry("crossenv", "6.1.1"), Registry("left-pad", "1.3.0") with { Resolved = "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz" }, Registry("electorn", "1.0.0"));
        var grown = await _cli.RunAsync("deps", "app", "--baseline", "before.json", "--format", "json");

        same.ExitCode.ShouldBe(ExitCodes.Pass, same.ToString());
        var report = JsonNode.Parse(same.Output)!;
        report["findings"]!.AsArray().ShouldBeEmpty();
        report["policy"]!["baselined"]!.GetValue<int>().ShouldBe(2);
        grown.ExitCode.ShouldBe(ExitCodes.Fail, grown.ToString());
        JsonNode.Parse(grown.Output)!["findings"]!.AsArray().Select(f => f!["properties"]!["package"]!.GetValue<string>()).ShouldBe(["electorn"]);
    }
}
