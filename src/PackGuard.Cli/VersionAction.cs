using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace PackGuard.Cli;

/// <summary>
/// <c>--version</c>: PackGuard's version as its reports name it, without the <c>+commit</c>
/// build metadata, so that <c>packguard --version</c> and <c>tool.version</c> in JSON agree.
/// </summary>
internal sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    public static string Version { get; } =
        (typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(Version);
        return ExitCodes.Pass;
    }
}
