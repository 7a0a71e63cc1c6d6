using System.IO.Compression;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard advisories import|status</c> over the hand-written OSV records of the core tests,
/// with the store in the sandbox's data directory (<c>PACKGUARD_DATA_DIR</c>) and a frozen clock.
/// </summary>
public sealed class AdvisoriesCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Records = Path.Combine(AppContext.BaseDirectory, "Dependencies", "Advisories", "Records");

    private readonly CliSandbox _cli = new() { Clock = new FrozenClock(Now) };

    public AdvisoriesCommandTests() => _cli.Variables["PACKGUARD_DATA_DIR"] = DataDirectory;

    public void Dispose() => _cli.Dispose();

    private string DataDirectory => Path.Combine(_cli.Home, "data");

    private string StorePath => Path.Combine(DataDirectory, "advisories.db");

    [Fact]
    public async Task Import_prints_the_counts_and_the_bad_files()
    {
        var result = await _cli.RunAsync("advisories", "import", Records);

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Error.ShouldBeEmpty();
        Snapshot.Match(Sandboxed(result.Output), "advisories-import.txt");
        File.Exists(StorePath).ShouldBeTrue();
    }

    [Fact]
    public async Task Importing_again_changes_nothing()
    {
        await _cli.RunAsync("advisories", "import", Records);

        var result = await _cli.RunAsync("advisories", "import", Records);

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldContain("  new                       0\n  updated                   0\n  unchanged                 6\n");
    }

    [Fact]
    public async Task Status_shows_what_the_store_holds()
    {
        await _cli.RunAsync("advisories", "import", Records);

        var result = await _cli.RunAsync("advisories", "status");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        Snapshot.Match(Sandboxed(result.Output), "advisories-status.txt");
    }

    [Fact]
    public async Task Status_of_a_store_never_imported_into_says_so_and_creates_nothing()
    {
        var result = await _cli.RunAsync("advisories", "status");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldContain("Empty: nothing has been imported yet.");
        Directory.Exists(DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task The_store_option_is_relative_to_the_working_directory()
    {
        var result = await _cli.RunAsync("advisories", "import", Records, "--store", "stores/mine.db");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        File.Exists(Path.Combine(_cli.Work, "stores", "mine.db")).ShouldBeTrue();
        File.Exists(StorePath).ShouldBeFalse();
        (await _cli.RunAsync("advisories", "status", "--store", "stores/mine.db")).Output.ShouldContain("  advisories                6\n");
    }

    [Fact]
    public async Task A_zip_is_imported_like_the_directory()
    {
        var zip = Path.Combine(_cli.Work, "all.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(Records, "*.json", SearchOption.AllDirectories))
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
        }

        var result = await _cli.RunAsync("advisories", "import", "all.zip");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        result.Output.ShouldContain("  new                       6\n");
        result.Output.ShouldContain("  all.zip!truncated.json: not JSON");
    }

    [Fact]
    public async Task A_path_that_cannot_be_read_exits_3_and_creates_no_store()
    {
        var result = await _cli.RunAsync("advisories", "import", "missing-folder");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldBe($"packguard: {Path.Combine(_cli.Work, "missing-folder")}: no such file or directory\n", StringCompareShould.IgnoreLineEndings);
        result.Output.ShouldBeEmpty();
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_that_is_not_a_store_exits_3()
    {
        var notAStore = _cli.WriteFile("notes.db", "These are notes, not an SQLite database: nothing here has its header.");

        var status = await _cli.RunAsync("advisories", "status", "--store", notAStore);
        var import = await _cli.RunAsync("advisories", "import", Records, "--store", notAStore);

        status.ExitCode.ShouldBe(ExitCodes.Unreadable);
        status.Error.ShouldContain("not a readable advisory store");
        import.ExitCode.ShouldBe(ExitCodes.Unreadable);
        File.ReadAllText(notAStore).ShouldStartWith("These are notes");
    }

    [Theory]
    [InlineData("advisories")]
    [InlineData("advisories", "import")]
    [InlineData("advisories", "import", "a", "b")]
    [InlineData("advisories", "status", "--stroe", "x")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("Run 'packguard --help' for usage.");
    }

    [Fact]
    public async Task Import_help_matches_snapshot()
    {
        var result = await _cli.RunAsync("advisories", "import", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        Snapshot.Match(result.Output, "advisories-import-help.txt");
    }

    /// <summary>The sandbox's paths differ on every run: they are shown as placeholders.</summary>
    private string Sandboxed(string output) => output.Replace(Records, "<records>", StringComparison.Ordinal).Replace(DataDirectory, "<data>", StringComparison.Ordinal);

    /// <summary>A clock whose time does not pass: imports take no time, so their output is the same on every run.</summary>
    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override long GetTimestamp() => 0;
    }
}
