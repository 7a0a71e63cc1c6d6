using System.Text;
using PackGuard.Tests.Support;
using Spectre.Console;

namespace PackGuard.Cli.Tests.Support;

/// <summary>
/// Runs the whole command line in-process, as <c>Program.cs</c> does, over a hermetic world: its
/// own working directory, home and download cache under one temporary directory (deleted on
/// dispose), only the environment variables a test sets (so no <c>NO_COLOR</c>, <c>CI</c> or
/// user <c>.npmrc</c> leaks in from the machine), a fake registry, and in-memory streams.
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    // The working directory is inside home, so the search for packguard.json stops at the sandbox's home.
    private readonly TestSandbox _box = new(workInsideHome: true);

    public CliSandbox()
    {
        Variables["PACKGUARD_CACHE_DIR"] = _box.Cache.RootPath;
        // Runs are recorded only where a test asks for a ledger (PACKGUARD_LEDGER or --ledger).
        Variables["PACKGUARD_LEDGER"] = "off";
        // The command disposes its client; the handler belongs to the test.
        CreateHttpClient = () => new HttpClient(Http, disposeHandler: false);
    }

    /// <summary>The working directory relative targets and paths are resolved against.</summary>
    public string Work => _box.Work;

    /// <summary>The user's home directory.</summary>
    public string Home => _box.Home;

    /// <summary>The environment variables the run sees; <c>PACKGUARD_CACHE_DIR</c> points into the sandbox.</summary>
    public Dictionary<string, string> Variables => _box.Variables;

    /// <summary>The fake registry, used unless <see cref="CreateHttpClient"/> is replaced.</summary>
    public FakeHttpHandler Http => _box.Http;

    /// <summary>Creates the client registry traffic goes through: one over <see cref="Http"/> by default.</summary>
    public Func<HttpClient> CreateHttpClient { get; set; }

    /// <summary>Whether standard error is a terminal, which turns download progress bars on.</summary>
    public bool ErrorIsTerminal { get; set; }

    /// <summary>Columns text output wraps to; 100, as for a file or a CI log, unless a test sets it.</summary>
    public int Width { get; set; } = 100;

    /// <summary>The host's clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Builds the console over standard output; a plain one (redirected output) by default.</summary>
    public Func<TextWriter, IAnsiConsole> Console { get; set; } = CliHost.PlainConsole;

    /// <summary>Files left in the download cache's temporary folder.</summary>
    public string[] CacheTempFiles() => _box.TempFiles();

    /// <summary>Writes a file under the working directory and returns its full path.</summary>
    public string WriteFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(Work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes a text file under the working directory and returns its full path.</summary>
    public string WriteFile(string relativePath, string content) => WriteFile(relativePath, Utf8NoBom.GetBytes(content));

    /// <summary>Runs <c>packguard <paramref name="args"/></c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>Runs <c>packguard <paramref name="args"/></c> with a cancellation token.</summary>
    public async Task<CliResult> RunAsync(string[] args, CancellationToken ct)
    {
        using var stdout = new MemoryStream();
        // One stream under both views of standard output, as in a process, so that output order is kept.
        await using var outWriter = new StreamWriter(stdout, Utf8NoBom, leaveOpen: true) { AutoFlush = true };
        await using var error = new StringWriter();
        var host = new CliHost
        {
            Out = Console(outWriter),
            OutWriter = outWriter,
            StandardOutput = stdout,
            Error = error,
            ErrorIsTerminal = ErrorIsTerminal,
            Width = Width,
            Environment = _box.Environment,
            CreateHttpClient = CreateHttpClient,
            Clock = Clock,
        };

        var exitCode = await PackGuardCli.RunAsync(args, host, ct);

        outWriter.Flush();
        return new CliResult(exitCode, stdout.ToArray(), error.ToString());
    }

    public void Dispose() => _box.Dispose();
}
