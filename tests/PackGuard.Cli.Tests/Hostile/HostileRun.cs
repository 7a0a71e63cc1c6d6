using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// Runs one hostile case through the real command line, as a child process, in a directory of its
/// own (deleted on dispose): the artifact in <c>artifact/</c>, the child's download cache, config,
/// home, temporary directory and working directory beside it. It measures what the run cost (wall
/// time, peak resident memory) and what it wrote, and kills a run that exceeds
/// <see cref="TimeLimit"/>. The assertions live in <see cref="HostileResult"/>.
/// </summary>
internal sealed class HostileRun : IDisposable
{
    /// <summary>Longest a scan of a hostile artifact may take.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ITestOutputHelper _output;
    private readonly string _case;

    public HostileRun(ITestOutputHelper output, string caseName)
    {
        _output = output;
        _case = caseName;
        Root = Directory.CreateTempSubdirectory("packguard-hostile-").FullName;
        ArtifactDirectory = Create("artifact");
        Cache = Create("cache");
        Config = Create("config");
        Temp = Create("tmp");
        Home = Create("home");
        Work = Create("work");
    }

    /// <summary>The case's own directory; everything the run may touch lies below it.</summary>
    public string Root { get; }

    /// <summary>Where the artifact is written; the scan must add nothing here.</summary>
    public string ArtifactDirectory { get; }

    /// <summary>The child's <c>PACKGUARD_CACHE_DIR</c>: the one place it may write.</summary>
    public string Cache { get; }

    /// <summary>The child's <c>PACKGUARD_CONFIG_DIR</c>: it keeps its secret fingerprint key here.</summary>
    public string Config { get; }

    /// <summary>The child's <c>TMPDIR</c>, empty before the run and expected to stay so.</summary>
    public string Temp { get; }

    /// <summary>The child's <c>HOME</c>.</summary>
    public string Home { get; }

    /// <summary>The child's working directory.</summary>
    public string Work { get; }

    /// <summary>
    /// Writes the artifact by streaming it to a file in <see cref="ArtifactDirectory"/>, and says
    /// how long that took and how large the file is.
    /// </summary>
    public string Artifact(string fileName, Action<Stream> write)
    {
        var path = Path.Combine(ArtifactDirectory, fileName);
        var clock = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            write(file);
        _output.WriteLine($"{_case}: generated {fileName} ({new FileInfo(path).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:0.00} s");
        return path;
    }

    /// <summary>Writes an artifact held in memory.</summary>
    public string Artifact(string fileName, byte[] bytes) => Artifact(fileName, stream => stream.Write(bytes));

    /// <summary>Runs <c>packguard scan &lt;artifact&gt; --format json</c> and reports what it cost.</summary>
    public HostileResult Scan(string artifactPath, params string[] extraArguments) =>
        Run(["scan", artifactPath, "--format", "json", .. extraArguments]);

    /// <summary>Runs <c>packguard</c> with the given arguments as a child process.</summary>
    public HostileResult Run(string[] arguments)
    {
        var before = Snapshot();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Isolate(start.Environment);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var timedOut = false;
        while (!process.WaitForExit(PollInterval))
        {
            // VmHWM is the kernel's high-water mark of resident memory, so sampling misses no peak.
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            if (clock.Elapsed > TimeLimit)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                break;
            }
        }
        process.WaitForExit(); // the redirected streams are complete only after this
        var elapsed = clock.Elapsed;

        var result = new HostileResult(_case, timedOut ? -1 : process.ExitCode, stdout.Result, stderr.Result,
            elapsed, peak, timedOut, NewFiles(before));
        _output.WriteLine(result.Summary());
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process killed at the time limit may still hold a file for a moment.
        }
    }

    private string Create(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    /// <summary>
    /// The child sees the machine's environment minus anything that would point PackGuard
    /// elsewhere (its own variables, XDG directories, CI), plus the case's own directories.
    /// </summary>
    private void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var key in environment.Keys.Where(k => k.StartsWith("PACKGUARD_", StringComparison.Ordinal)
                     || k.StartsWith("XDG_", StringComparison.Ordinal) || k is "CI" or "NO_COLOR").ToList())
            environment.Remove(key);
        environment["PACKGUARD_CACHE_DIR"] = Cache;
        environment["PACKGUARD_CONFIG_DIR"] = Config;
        // A scan records itself in the ledger by default; these runs must write nothing but the cache and the key.
        environment["PACKGUARD_LEDGER"] = "off";
        environment["TMPDIR"] = Temp;
        environment["HOME"] = Home;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    }

    /// <summary>Every file under the case directory except the two the child may write to.</summary>
    private HashSet<string> Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Where(p => !IsUnder(p, Cache) && !IsUnder(p, Config))];

    private List<string> NewFiles(HashSet<string> before) =>
        [.. Snapshot().Where(p => !before.Contains(p)).Select(p => Path.GetRelativePath(Root, p)).Order(StringComparer.Ordinal)];

    private static bool IsUnder(string path, string directory) =>
        path == directory || path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Peak resident set size from <c>/proc/&lt;pid&gt;/status</c>; 0 once the process is gone.</summary>
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    continue;
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    /// <summary>
    /// <c>packguard.dll</c> is copied next to this test assembly because the test project references
    /// the CLI project; running it with <c>dotnet</c> is what an installed tool does.
    /// </summary>
    private static string CliAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "packguard.dll");
        File.Exists(path).ShouldBeTrue($"the built CLI is not at {path}; build the solution first");
        return path;
    }

    /// <summary>The <c>dotnet</c> host that runs these tests: SDK-set, else the one above the runtime, else PATH's.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host in <root>.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
