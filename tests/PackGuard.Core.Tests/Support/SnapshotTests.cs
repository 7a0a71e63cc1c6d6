using Xunit.Sdk;

namespace PackGuard.Tests.Support;

/// <summary>The snapshot helper, run against a throw-away "test source file" in a temporary directory.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "packguard-snapshot-" + Guid.NewGuid().ToString("N"));
    private readonly string _sourceFile;

    public SnapshotTests()
    {
        Directory.CreateDirectory(_directory);
        _sourceFile = Path.Combine(_directory, "SomeTests.cs");
        File.WriteAllText(_sourceFile, "// stands in for a test source file");
    }

    private string SnapshotPath => Path.Combine(_directory, "Snapshots", "report.json");

    private string ReceivedPath => Path.Combine(_directory, "Snapshots", "report.received.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_snapshot_fails_and_leaves_the_output_for_review()
    {
        var failure = Should.Throw<XunitException>(() => Snapshot.Match("{}\n", "report.json", _sourceFile, update: false));

        failure.Message.ShouldContain("does not exist");
        File.ReadAllText(ReceivedPath).ShouldBe("{}\n");
        File.Exists(SnapshotPath).ShouldBeFalse();
    }

    [Fact]
    public void Equal_output_passes_whatever_the_line_endings_and_clears_a_stale_received_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
        File.WriteAllText(SnapshotPath, "{\r\n  \"a\": 1\r\n}\r\n");
        File.WriteAllText(ReceivedPath, "old");

        Snapshot.Match("{\n  \"a\": 1\n}\n", "report.json", _sourceFile, update: false);

        File.Exists(ReceivedPath).ShouldBeFalse();
    }

    [Fact]
    public void Different_output_fails_naming_the_first_differing_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
        File.WriteAllText(SnapshotPath, "{\n  \"a\": 1\n}\n");

        var failure = Should.Throw<XunitException>(
            () => Snapshot.Match("{\n  \"a\": 2\n}\n", "report.json", _sourceFile, update: false));

        failure.Message.ShouldContain("line 2");
        failure.Message.ShouldContain("\"a\": 2");
        File.ReadAllText(ReceivedPath).ShouldBe("{\n  \"a\": 2\n}\n");
        File.ReadAllText(SnapshotPath).ShouldBe("{\n  \"a\": 1\n}\n");
    }

    [Fact]
    public void Update_mode_writes_the_snapshot_without_bom_and_passes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
        File.WriteAllText(SnapshotPath, "old\n");
        File.WriteAllText(ReceivedPath, "old");

        Snapshot.Match("new\r\n", "report.json", _sourceFile, update: true);

        File.ReadAllBytes(SnapshotPath).ShouldBe("new\n"u8.ToArray());
        File.Exists(ReceivedPath).ShouldBeFalse();
    }

    [Fact]
    public void A_mapped_caller_path_is_explained_rather_than_treated_as_a_missing_snapshot()
    {
        var failure = Should.Throw<InvalidOperationException>(
            () => Snapshot.Match("x", "report.json", "/_/tests/SomeTests.cs", update: false));

        failure.Message.ShouldContain("DeterministicSourcePaths");
    }
}
