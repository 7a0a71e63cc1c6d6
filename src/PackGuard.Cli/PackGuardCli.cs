using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using PackGuard.Cli.Commands;

namespace PackGuard.Cli;

/// <summary>
/// The command line: builds the command tree over a <see cref="CliHost"/>, turns parse errors
/// into exit code 2, and keeps anything unexpected from reaching the user as a stack trace.
/// </summary>
internal static class PackGuardCli
{
    public static RootCommand Build(CliHost host)
    {
        var root = new RootCommand("PackGuard: a release and supply-chain gate for packages. It tells you what a package would reveal (source maps carrying original source, unsafe archive entries) before you publish it or take it in.")
        {
            ScanCommand.Create(host),
            DiffCommand.Create(host),
            GateCommand.Create(host),
            DepsCommand.Create(host),
            BaselineCommand.Create(host),
            LedgerCommand.Create(host),
            FixCommand.Create(host),
            RulesCommand.Create(host),
            AdvisoriesCommand.Create(host),
        };
        // By default both come from the process's entry assembly, which is PackGuard only when
        // packguard is the process (not under `dotnet test` or another host).
        root.HelpName = "packguard";
        foreach (var version in root.Options.OfType<VersionOption>())
            version.Action = new VersionAction(host.OutWriter);
        return root;
    }

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
        var errors = parse.Errors.Select(e => e.Message).Concat(UnknownOptions(parse)).ToList();
        if (errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in errors)
                host.Error.WriteLine($"packguard: {error}");
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

    /// <summary>
    /// System.CommandLine hands a token that looks like an option but is none (a typo such as
    /// <c>--fial-on</c>) to the command's arguments, where <c>scan</c> would look for a file of that
    /// name and exit 3. Such a token is a usage error; a target whose name starts with a dash can
    /// follow <c>--</c> or be written <c>./-name</c>.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet(ReferenceEqualityComparer.Instance);
        return parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => t.Value.Length > 1 && t.Value[0] == '-' && !afterDoubleDash.Contains(t))
            .Select(t => $"Unrecognized option '{t.Value}'.");
    }
}
