using System.Text;
using PackGuard.Cli.Commands;
using PackGuard.Policy;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>Writing <c>--output</c> atomically: a report is either wholly replaced or left as it was.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("packguard-output-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private string[] Files() => [.. Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void A_write_that_fails_keeps_the_previous_report_and_leaves_no_temporary_file()
    {
        File.WriteAllText(PathOf("report.json"), "previous");

        var error = Should.Throw<ConfigurationException>(() => OutputFile.Write(PathOf("report.json"), stream =>
        {
            stream.Write("{\"half\":"u8);
            throw new IOException("No space left on device");
        }));

        error.Message.ShouldBe($"--output {PathOf("report.json")}: cannot write the report: No space left on device");
        File.ReadAllText(PathOf("report.json")).ShouldBe("previous");
        Files().ShouldBe(["report.json"]);
    }

    [Fact]
    public void A_writer_that_throws_something_else_still_leaves_no_temporary_file()
    {
        Should.Throw<InvalidOperationException>(() => OutputFile.Write(PathOf("report.json"), _ => throw new InvalidOperationException()));

        Files().ShouldBeEmpty();
    }

    [Fact]
    public void A_temporary_file_an_earlier_run_left_behind_does_not_block_the_write()
    {
        // A killed run leaves its temporary file; the next run may well have the same process id.
        var stale = PathOf($"report.json.{Environment.ProcessId}.tmp");
        File.WriteAllText(stale, "stale");

        OutputFile.Write(PathOf("report.json"), stream => stream.Write(Encoding.UTF8.GetBytes("fresh")));

        File.ReadAllText(PathOf("report.json")).ShouldBe("fresh");
        File.ReadAllText(stale).ShouldBe("stale");
    }

    [Fact]
    public void Validate_resolves_the_path_against_the_working_directory()
    {
        OutputFile.Validate("report.json", [], _directory).ShouldBe(PathOf("report.json"));
    }

    [Fact]
    public void Validate_refuses_a_path_that_names_a_local_target_however_it_is_written()
    {
        var error = Should.Throw<ConfigurationException>(() =>
            OutputFile.Validate("./pkg/../pkg.tgz", ["pkg.tgz"], _directory));

        error.Message.ShouldContain("that is a target being scanned");
    }
}
