using System.Net;
using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Sources.Npm;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary><c>--output FILE</c>: the report goes to the file, atomically, and nothing to standard output.</summary>
public sealed class ScanCommandOutputTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public ScanCommandOutputTests()
    {
        _cli.WriteFile("acme-cli-2.1.88.tgz", CliFixtures.ProprietaryWithExternalMap);
        _cli.WriteFile("tidy-1.0.0.tgz", CliFixtures.Clean);
    }

    public void Dispose() => _cli.Dispose();

    private string InWork(string name) => Path.Combine(_cli.Work, name);

    [Fact]
    public async Task Json_goes_to_the_file_and_nothing_to_stdout()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json", "--output", "report.json");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        result.StandardOutput.ShouldBeEmpty();
        result.Error.ShouldBeEmpty();
        var report = JsonNode.Parse(File.ReadAllText(InWork("report.json")))!;
        report["verdict"]!.GetValue<string>().ShouldBe("fail");
        report["target"]!["spec"]!.GetValue<string>().ShouldBe("acme-cli-2.1.88.tgz");
    }

    [Fact]
    public async Task An_existing_file_is_replaced_not_appended_to_or_partly_overwritten()
    {
        _cli.WriteFile("report.json", new string('x', 100_000));

        await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "--format", "json", "--output", "report.json");

        var text = File.ReadAllText(InWork("report.json"));
        // Report keys contain an x ("expiredSuppressions"), so look for a run of the old content.
        text.ShouldNotContain("xxxx");
        JsonNode.Parse(text)!["verdict"]!.GetValue<string>().ShouldBe("pass");
    }

    [Fact]
    public async Task No_temporary_file_is_left_beside_the_report()
    {
        await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "sarif", "--output", "report.sarif");

        Directory.GetFiles(_cli.Work).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["acme-cli-2.1.88.tgz", "report.sarif", "tidy-1.0.0.tgz"]);
    }

    [Fact]
    public async Task Sarif_in_a_file_validates_against_the_official_schema()
    {
        await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "tidy-1.0.0.tgz", "--format", "sarif", "--output", "report.sarif");

        var validator = JsonSchemaValidator.FromFile(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json"));
        var errors = validator.Validate(File.ReadAllText(InWork("report.sarif")));
        errors.ShouldBeEmpty(string.Join("\n", errors));
    }

    [Fact]
    public async Task A_text_report_in_a_file_is_what_stdout_shows()
    {
        var toStdout = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "tidy-1.0.0.tgz");
        var toFile = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "tidy-1.0.0.tgz", "--output", "report.txt");

        toFile.ExitCode.ShouldBe(toStdout.ExitCode);
        toFile.StandardOutput.ShouldBeEmpty();
        File.ReadAllText(InWork("report.txt")).ReplaceLineEndings("\n").ShouldBe(toStdout.Output);
    }

    [Fact]
    public async Task A_text_report_in_a_file_has_no_colour_even_when_stdout_is_a_colour_terminal()
    {
        _cli.Console = CliConsoles.Colour;

        var onTerminal = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz");
        await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--output", "report.txt");

        // The terminal run shows that the report is coloured wherever colour is allowed.
        onTerminal.Output.ShouldContain("\u001b[");
        var file = File.ReadAllText(InWork("report.txt"));
        file.ShouldNotContain("\u001b");
        file.ShouldContain(" FAIL  1 critical");
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_exits_2_and_says_why()
    {
        var reports = Directory.CreateDirectory(InWork("reports")).FullName;
        var version = NpmFixture.Version("left-pad", "1.3.0");
        NpmFixture.Publish(_cli.Http, "left-pad", new Dictionary<string, string> { ["latest"] = "1.3.0" }, version);
        var packument = NpmFixture.Packument("left-pad", new Dictionary<string, string> { ["latest"] = "1.3.0" }, version);
        // The directory checked before the scan disappears while the package downloads.
        _cli.Http.Route("https://registry.npmjs.org/left-pad", (_, _) =>
        {
            Directory.Delete(reports);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(packument) });
        });

        var result = await _cli.RunAsync("scan", "npm:left-pad", "--output", "reports/scan.txt");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldStartWith($"packguard: --output {Path.Combine(reports, "scan.txt")}: cannot write the report: ");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task No_file_is_written_when_no_target_could_be_read()
    {
        var result = await _cli.RunAsync("scan", "missing.tgz", "--format", "json", "--output", "report.json");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        File.Exists(InWork("report.json")).ShouldBeFalse();
    }
}
