using System.Diagnostics;
using System.Text.Json;
using PackGuard.Artifacts;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Rules;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// Decides whether the scanner handled an input. Pass: a <see cref="ScanResult"/> whose findings
/// name catalogued rules and which the JSON and SARIF writers can print, or the documented
/// <see cref="ArtifactUnreadableException"/> (exit code 3). Fail: any other exception; a scan
/// that takes longer than <see cref="Bound"/> (it is cancelled then, and a scan that ignores the
/// cancellation is a hang); or any file created, changed or removed outside the scan's own reading:
/// in the artifact's directory, in <see cref="Path.GetTempPath"/> (pointed at a private directory
/// for the run, so that nothing else writes there) and in the working directory. With
/// <c>PACKGUARD_FUZZ_WATCH_SYSTEM_TEMP=1</c> the top of the machine's real temporary directory is
/// watched too; that is off by default because other processes (parallel test runs, builds) add
/// entries there all the time, and an entry added is only blamed on the input when three more
/// scans of it each add one again.
/// </summary>
public sealed class FuzzOracle : IDisposable
{
    /// <summary>The most one input may take.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // How long after cancelling a scan is given to notice before it counts as hung.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    private readonly string _root;
    private readonly string _privateTemp;
    private readonly string _systemTemp;
    private readonly string? _savedTmpDir;
    private readonly bool _watchSystemTemp = Environment.GetEnvironmentVariable("PACKGUARD_FUZZ_WATCH_SYSTEM_TEMP") == "1";
    private readonly Dictionary<ArtifactLimits, Scanner> _scanners = [];

    /// <summary>Creates the sandbox and points <c>TMPDIR</c> (what <see cref="Path.GetTempPath"/> reads) at a private, watched directory.</summary>
    public FuzzOracle()
    {
        _systemTemp = Path.GetTempPath();
        _root = Directory.CreateTempSubdirectory("packguard-fuzz-").FullName;
        _privateTemp = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        _savedTmpDir = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", _privateTemp + Path.DirectorySeparatorChar);
        if (Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar) != _privateTemp)
            throw new InvalidOperationException($"Path.GetTempPath() does not follow TMPDIR here ({Path.GetTempPath()}); the temp-file check would watch the wrong directory.");
    }

    /// <summary>Scans one input and judges the outcome.</summary>
    public FuzzOutcome Run(FuzzInput input)
    {
        var work = Directory.CreateDirectory(Path.Combine(_root, "in", input.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        try
        {
            var path = input.Materialize(work);
            var (outcome, writes) = Watched(work, () => Scan(input, path));
            if (outcome.Hung)
                return outcome;
            // Other processes create entries in the shared temporary directory all the time (a few a
            // minute here): blame the scan only when every one of three more scans adds one again.
            for (var retry = 0; retry < 3 && writes.Count > 0 && writes.All(w => w.StartsWith("system temp", StringComparison.Ordinal)); retry++)
                writes = Watched(work, () => Scan(input, path)).Writes;
            return writes.Count == 0 ? outcome : outcome with
            {
                Verdict = FuzzVerdict.Failed,
                Detail = $"the scan changed the file system: {string.Join(", ", writes.Take(10))}" + (outcome.Detail is null ? "" : "\n" + outcome.Detail),
            };
        }
        finally
        {
            TryDelete(work);
        }
    }

    private (FuzzOutcome Outcome, List<string> Writes) Watched(string work, Func<FuzzOutcome> scan)
    {
        var artifactBefore = FileSystemSnapshot.Of(work);
        var tempBefore = FileSystemSnapshot.Of(_privateTemp);
        var cwdBefore = FileSystemSnapshot.Of(Environment.CurrentDirectory, depth: 1);
        var systemBefore = _watchSystemTemp ? Names(_systemTemp) : []; // names only, taken last and first: the shorter the window, the fewer strangers in it
        var outcome = scan();
        var systemAdded = _watchSystemTemp ? Names(_systemTemp).Except(systemBefore).ToList() : [];
        var writes = new List<string>();
        if (outcome.Hung)
            return (outcome, writes);
        writes.AddRange(FileSystemSnapshot.Of(work).ChangesSince(artifactBefore).Select(c => "artifact directory: " + c));
        writes.AddRange(FileSystemSnapshot.Of(_privateTemp).ChangesSince(tempBefore).Select(c => "Path.GetTempPath(): " + c));
        writes.AddRange(FileSystemSnapshot.Of(Environment.CurrentDirectory, depth: 1).ChangesSince(cwdBefore).Select(c => "working directory: " + c));
        writes.AddRange(systemAdded.Select(name => $"system temp {_systemTemp}: added {name}"));
        return (outcome, writes);
    }

    private static HashSet<string> Names(string directory) => [.. Directory.EnumerateFileSystemEntries(directory)];

    private FuzzOutcome Scan(FuzzInput input, string path)
    {
        var scanner = ScannerFor(input.Limits);
        var spec = new TargetSpec(path, TargetKind.Local, path, null);
        var target = new ResolvedTarget(spec, path, input.IsDirectory);
        using var cancellation = new CancellationTokenSource(Bound);
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() => scanner.Scan(target, cancellation.Token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            finished = task.Wait(Bound + Grace);
        }
        catch (AggregateException)
        {
            finished = true;
        }
        var elapsed = clock.Elapsed;
        if (!finished)
            return new FuzzOutcome(FuzzVerdict.Failed, elapsed, $"hang: the scan ignored cancellation and was still running {elapsed.TotalSeconds:0} s after it started", Hung: true);
        if (task.IsFaulted)
        {
            var error = task.Exception!.InnerException!;
            return error switch
            {
                ArtifactUnreadableException unreadable when OwnBug(unreadable) is { } site =>
                    new FuzzOutcome(FuzzVerdict.Failed, elapsed, $"a bug in PackGuard ({site}) was reported as damage: {unreadable}"),
                ArtifactUnreadableException unreadable when WellFormed(unreadable) =>
                    new FuzzOutcome(FuzzVerdict.Unreadable, elapsed, $"{unreadable.Problem}  [{Site(Root(unreadable))}]"),
                OperationCanceledException when cancellation.IsCancellationRequested =>
                    new FuzzOutcome(FuzzVerdict.Failed, elapsed, $"timeout: the scan took more than {Bound.TotalSeconds:0} s and was cancelled"),
                _ => new FuzzOutcome(FuzzVerdict.Failed, elapsed, error.ToString()),
            };
        }
        if (elapsed > Bound)
            return new FuzzOutcome(FuzzVerdict.Failed, elapsed, $"timeout: the scan took {elapsed.TotalSeconds:0.0} s, more than {Bound.TotalSeconds:0} s");
        return Check(task.Result, elapsed);
    }

    /// <summary>
    /// The walker turns the readers' exceptions into damage, argument and overflow errors among
    /// them, since the BCL readers throw those on bad input. The same types thrown by PackGuard's
    /// own code are its bugs (an index computed from a hostile header), not damage.
    /// </summary>
    private static string? OwnBug(ArtifactUnreadableException error)
    {
        var root = Root(error);
        var site = Site(root);
        return root is ArgumentException or OverflowException or IndexOutOfRangeException or NullReferenceException
                or InvalidOperationException or InvalidCastException or DivideByZeroException
            && site.StartsWith("PackGuard.", StringComparison.Ordinal) ? site : null;
    }

    private static Exception Root(Exception error)
    {
        while (error.InnerException is { } inner)
            error = inner;
        return error;
    }

    /// <summary>The exception's type and the method that threw it (or called the CoreLib method that did).</summary>
    private static string Site(Exception error)
    {
        // The first frame outside CoreLib: int.Parse, spans and throw helpers are not where the
        // mistake is, their caller (a BCL reader, or PackGuard) is.
        var method = new StackTrace(error).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Assembly != typeof(object).Assembly);
        return $"{error.GetType().Name} at {method?.DeclaringType?.FullName}.{method?.Name}";
    }

    /// <summary>The exception's message must name the artifact and a problem a person can read.</summary>
    private static bool WellFormed(ArtifactUnreadableException error) =>
        error.Message.StartsWith("Cannot read '", StringComparison.Ordinal) && error.Problem.Trim().Length > 0;

    /// <summary>A result must hold catalogued rules and survive the report writers.</summary>
    private static FuzzOutcome Check(ScanResult result, TimeSpan elapsed)
    {
        try
        {
            var unknown = result.Findings.Where(f => RuleCatalog.Default.Find(f.RuleId) is null).Select(f => f.RuleId).ToList();
            if (unknown.Count > 0)
                return new FuzzOutcome(FuzzVerdict.Failed, elapsed, "findings name rules missing from the catalog: " + string.Join(", ", unknown.Distinct()));
            var report = VerdictPolicy.Evaluate(result, FailThreshold.Default);
            using var json = new MemoryStream();
            new JsonReportWriter().Write([report], json);
            JsonDocument.Parse(json.ToArray()).Dispose();
            using var sarif = new MemoryStream();
            new SarifReportWriter(RuleCatalog.Default).Write([report], sarif);
            JsonDocument.Parse(sarif.ToArray()).Dispose();
        }
        catch (Exception e)
        {
            return new FuzzOutcome(FuzzVerdict.Failed, elapsed, "writing the reports failed: " + e);
        }
        return new FuzzOutcome(FuzzVerdict.Scanned, elapsed);
    }

    private Scanner ScannerFor(ArtifactLimits limits)
    {
        if (!_scanners.TryGetValue(limits, out var scanner))
            _scanners[limits] = scanner = new Scanner(Scanner.DefaultInspectors(TestKeys.Fingerprinter), limits);
        return scanner;
    }

    /// <summary>Deletes a directory tree, unlinking links rather than following them (a fuzzed directory holds links to <c>/</c>).</summary>
    public static void TryDelete(string directory)
    {
        try
        {
            foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                if (info.LinkTarget is not null)
                    File.Delete(info.FullName); // unlink(2): removes the link, never its target
                else if (info is DirectoryInfo child)
                    TryDelete(child.FullName);
                else
                    info.Delete();
            }
            Directory.Delete(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Restores <c>TMPDIR</c> and removes the sandbox.</summary>
    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TMPDIR", _savedTmpDir);
        TryDelete(_root);
    }
}
