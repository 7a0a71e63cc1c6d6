using System.Text;

namespace PackGuard.Cli.Tests.Support;

/// <summary>What one in-process run of <c>packguard</c> left behind.</summary>
/// <param name="ExitCode">The process exit code the run would have had.</param>
/// <param name="StandardOutput">Standard output as bytes: text, JSON and SARIF share the one stream, as in a real process.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliResult(int ExitCode, byte[] StandardOutput, string Error)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Standard output decoded as UTF-8 (invalid bytes fail the test rather than hide), with line
    /// ends normalised to <c>\n</c> so that assertions read the same on every platform.
    /// </summary>
    public string Output => StrictUtf8.GetString(StandardOutput).ReplaceLineEndings("\n");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
