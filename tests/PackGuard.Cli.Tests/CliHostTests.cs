using PackGuard.Sources;
using Spectre.Console;

namespace PackGuard.Cli.Tests;

/// <summary>The host's decisions about the terminal: colour only where people read it, and never with NO_COLOR.</summary>
public sealed class CliHostTests
{
    private static SourceEnvironment With(string? noColor) =>
        new("/work", "/home/user", name => name == "NO_COLOR" ? noColor : null);

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "1", false)]
    [InlineData(true, "true", false)]
    [InlineData(true, "0", false)] // any value counts, even one that reads as "off"
    [InlineData(true, "", true)] // no-color.org: an empty value does not disable colour
    [InlineData(false, null, false)]
    [InlineData(false, "1", false)]
    public void Colour_is_used_only_on_a_terminal_without_NO_COLOR(bool terminal, string? noColor, bool expected)
    {
        CliHost.UseColour(terminal, With(noColor)).ShouldBe(expected);
    }

    [Fact]
    public void The_plain_console_drops_markup_and_writes_no_escape_codes()
    {
        using var writer = new StringWriter();

        CliHost.PlainConsole(writer).Markup("[white on red bold] FAIL [/] [link=https://example.com]x[/]");

        writer.ToString().ShouldBe(" FAIL  x");
    }

    [Fact]
    public void The_plain_console_never_wraps_a_line_itself()
    {
        using var writer = new StringWriter();
        var line = string.Join(' ', Enumerable.Repeat("word", 300));

        CliHost.PlainConsole(writer).WriteLine(line);

        writer.ToString().ShouldBe(line + Environment.NewLine);
    }
}
