using System.Runtime.CompilerServices;
using System.Text;

namespace PackGuard.Tests.Support;

/// <summary>
/// Compares what users see with a reviewed copy kept beside the test, in
/// <c>Snapshots/&lt;name&gt;</c> next to the calling source file. On a mismatch the output is
/// written to <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored) for a diff tool. With
/// <c>PACKGUARD_UPDATE_SNAPSHOTS=1</c> snapshots are (re)written and the test passes; without it a
/// missing snapshot fails, so CI never accepts output nobody reviewed.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that switches to updating snapshots.</summary>
    public const string UpdateVariable = "PACKGUARD_UPDATE_SNAPSHOTS";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Asserts that <paramref name="actual"/> equals the snapshot <paramref name="name"/>.</summary>
    /// <param name="actual">The output; line endings are normalised to LF.</param>
    /// <param name="name">File name with extension, for example <c>single-report.json</c>.</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling test's source file.</param>
    public static void Match(string actual, string name, [CallerFilePath] string sourceFile = "") =>
        Match(actual, name, sourceFile, Environment.GetEnvironmentVariable(UpdateVariable) == "1");

    /// <summary>As <see cref="Match(string, string, string)"/>, with the update mode given.</summary>
    internal static void Match(string actual, string name, string sourceFile, bool update)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!File.Exists(sourceFile))
        {
            throw new InvalidOperationException(
                $"Cannot locate snapshots: caller path '{sourceFile}' does not exist. A path like '/_/...' means the " +
                "test project was built with mapped source paths; set DeterministicSourcePaths to false in it.");
        }

        var directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        var snapshotPath = Path.Combine(directory, name);
        var receivedPath = Path.Combine(directory,
            $"{Path.GetFileNameWithoutExtension(name)}.received{Path.GetExtension(name)}");
        var received = Normalise(actual);

        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshotPath)!);
            File.WriteAllText(snapshotPath, received, Utf8NoBom);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(snapshotPath))
        {
            Write(receivedPath, received);
            Assert.Fail($"Snapshot '{name}' does not exist. The output is in {receivedPath}; review it, then rename " +
                        $"it to '{name}' or run the tests with {UpdateVariable}=1.");
        }

        var expected = Normalise(File.ReadAllText(snapshotPath, Encoding.UTF8));
        if (expected == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Write(receivedPath, received);
        Assert.Fail($"Output differs from snapshot '{name}' {FirstDifference(expected, received)}.\n" +
                    $"  diff -u '{snapshotPath}' '{receivedPath}'\n" +
                    $"If the change is intended, run the tests with {UpdateVariable}=1 and commit the snapshot.");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n");

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8NoBom);
    }

    private static string FirstDifference(string expected, string received)
    {
        var expectedLines = expected.Split('\n');
        var receivedLines = received.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, receivedLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var r = i < receivedLines.Length ? receivedLines[i] : "<end of file>";
            if (e != r)
                return $"at line {i + 1}:\n  expected: {Shorten(e)}\n  received: {Shorten(r)}";
        }
        return "(no line differs)";
    }

    private static string Shorten(string line) => line.Length <= 160 ? line : line[..157] + "...";
}
