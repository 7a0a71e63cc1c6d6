namespace PackGuard.Fix.Building;

/// <summary>What a finished external command left: its exit code and output.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the ecosystem's own tools (<c>npm</c>, <c>dotnet</c>); tests can replace it.</summary>
public interface IToolRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The tool is not installed.</exception>
    Task<ToolResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken);
}
