using System.CommandLine;
using System.CommandLine.Help;
using PackGuard.Cli.Commands;

namespace PackGuard.Cli;

/// <summary>
/// The command line: builds the command tree over a <see cref="CliHost"/>, turns parse errors
/// into exit code 2, and keeps anything unexpected from reaching the user as a stack trace.
/// </summary>
internal static class PackGuardCli
{
    public static RootCommand Build(CliHost host) =>
        new("PackGuard: a release and supply-chain gate for packages. It tells you what a package would reveal (source maps carrying original source, unsafe archive entries) before you publish it or take it in.")
        {
            ScanCommand.Create(host),
            RulesCommand.Create(host),
        };

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken ct = default)
    {
        var root = Build(host);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = host.OutWriter,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
                host.Error.WriteLine($"packguard: {error.Message}");
            host.Error.WriteLine("Run 'packguard --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(invocation, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            host.Error.WriteLine("packguard: cancelled");
            return ExitCodes.Unreadable;
        }
        catch (Exception e)
        {
            // Hostile input must never surface as a stack trace; say what happened and that it is a bug.
            host.Error.WriteLine($"packguard: unexpected error: {e.GetType().Name}: {e.Message}");
            host.Error.WriteLine("This is a bug in PackGuard; please report it with the command line that caused it.");
            return ExitCodes.Unreadable;
        }
    }
}
