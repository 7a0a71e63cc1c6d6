using Spectre.Console;

namespace PackGuard.Cli.Tests.Support;

/// <summary>Consoles for tests that need colour where the harness's plain console has none.</summary>
internal static class CliConsoles
{
    /// <summary>A console that colours whatever it is given, as on a true-colour terminal.</summary>
    public static IAnsiConsole Colour(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // As CliHost does: reports wrap themselves, so the console must never wrap again.
        console.Profile.Width = 4096;
        return console;
    }
}
