using PackGuard.Rules;
using PackGuard.Sources;
using Spectre.Console;

namespace PackGuard.Cli;

/// <summary>
/// The outside world as the commands see it: standard streams, environment, network. Tests build
/// one over in-memory writers and a fake HTTP handler; <see cref="FromProcess"/> builds the real one.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Standard output for text meant for people (colour only on a terminal).</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard output as text, for help and version output; <see cref="Out"/> writes to it too.</summary>
    public required TextWriter OutWriter { get; init; }

    /// <summary>Standard output as bytes, for JSON and SARIF.</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Standard error: messages and progress.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Whether standard error is a terminal (progress bars are drawn only there).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Working directory, home and environment variables.</summary>
    public required SourceEnvironment Environment { get; init; }

    /// <summary>Creates the HTTP client registry downloads use.</summary>
    public required Func<HttpClient> CreateHttpClient { get; init; }

    /// <summary>
    /// Columns that text output wraps to: the terminal's width, or 100 when output goes to a file
    /// or a CI log. Reports wrap themselves (see <see cref="Reports.WordWrap"/>); the consoles are
    /// built wide so that they never break a line a second time.
    /// </summary>
    public int Width { get; init; } = 100;

    /// <summary>The clock scan time budgets run on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Runs the ecosystems' own tools (<c>npm pack</c>, <c>dotnet pack</c>) for <c>packguard fix</c>.</summary>
    public Fix.Building.IToolRunner Tools { get; init; } = new Fix.Building.ProcessToolRunner();

    /// <summary>The rule catalog.</summary>
    public RuleCatalog Catalog { get; init; } = RuleCatalog.Default;

    /// <summary>The host of a real process.</summary>
    public static CliHost FromProcess()
    {
        var environment = SourceEnvironment.FromProcess();
        var stdoutIsTerminal = !Console.IsOutputRedirected;
        var colour = UseColour(stdoutIsTerminal, environment);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = UnwrappedWidth;
        return new CliHost
        {
            Out = console,
            Width = stdoutIsTerminal ? Math.Clamp(TerminalWidth(), 40, 160) : 100,
            OutWriter = Console.Out,
            StandardOutput = Console.OpenStandardOutput(),
            Error = Console.Error,
            ErrorIsTerminal = !Console.IsErrorRedirected && string.IsNullOrEmpty(environment.GetVariable("CI")),
            Environment = environment,
            CreateHttpClient = SourceHttpClientFactory.Create,
        };
    }

    /// <summary>
    /// Whether standard output may be coloured: only on a terminal, and never when <c>NO_COLOR</c>
    /// is set to anything but the empty string (https://no-color.org).
    /// </summary>
    internal static bool UseColour(bool stdoutIsTerminal, SourceEnvironment environment) =>
        stdoutIsTerminal && string.IsNullOrEmpty(environment.GetVariable("NO_COLOR"));

    /// <summary>A console that writes plain text (no colour, no markup codes) to <paramref name="writer"/>.</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = UnwrappedWidth;
        return console;
    }

    private const int UnwrappedWidth = 4096;

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
