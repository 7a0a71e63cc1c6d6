using System.ComponentModel;

namespace PackGuard.Fix.Building;

/// <summary>A package built into a temporary directory, deleted on dispose.</summary>
/// <param name="Artifact">The built file (.tgz, .nupkg).</param>
/// <param name="Command">The command that built it, as a person would type it.</param>
/// <param name="TemporaryDirectory">The directory the build wrote to.</param>
public sealed record BuiltPackage(string Artifact, string Command, string TemporaryDirectory) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(TemporaryDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is not worth failing the command over.
        }
    }
}

/// <summary>The package could not be built; the message says which command failed and how.</summary>
public sealed class PackageBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PackageBuildException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// Builds the package the way its ecosystem publishes it, into a temporary directory so that
/// nothing is written into the package directory: <c>npm pack --pack-destination</c> (with
/// <c>--ignore-scripts</c> unless the user asks for their own build to run) and
/// <c>dotnet pack -o</c>.
/// </summary>
public sealed class PackageBuilder
{
    private readonly IToolRunner _tools;

    /// <summary>Creates a builder over <paramref name="tools"/>.</summary>
    public PackageBuilder(IToolRunner tools) => _tools = tools;

    /// <summary>Packs an npm package directory.</summary>
    /// <param name="directory">The package directory.</param>
    /// <param name="runScripts">Run the package's prepack and prepare scripts (its own build) as npm publish would.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public async Task<BuiltPackage> PackNpmAsync(string directory, bool runScripts, CancellationToken cancellationToken)
    {
        var temporary = Directory.CreateTempSubdirectory("packguard-fix-").FullName;
        List<string> arguments = ["pack", "--json", "--pack-destination", temporary];
        if (!runScripts)
            arguments.Insert(1, "--ignore-scripts");
        var command = "npm " + string.Join(' ', arguments.Select(a => a == temporary ? "<temporary directory>" : a));
        var result = await RunAsync("npm", arguments, directory, command, temporary, cancellationToken);
        var tarballs = Directory.GetFiles(temporary, "*.tgz");
        if (result.ExitCode != 0 || tarballs.Length != 1)
            throw Failed(command, result, temporary);
        return new BuiltPackage(tarballs[0], command, temporary);
    }

    /// <summary>Packs a .NET project directory with <c>dotnet pack</c>.</summary>
    public async Task<BuiltPackage> PackDotNetAsync(string directory, CancellationToken cancellationToken)
    {
        var temporary = Directory.CreateTempSubdirectory("packguard-fix-").FullName;
        List<string> arguments = ["pack", "--nologo", "-c", "Release", "-o", temporary];
        var command = "dotnet pack --nologo -c Release -o <temporary directory>";
        var result = await RunAsync("dotnet", arguments, directory, command, temporary, cancellationToken);
        var packages = Directory.GetFiles(temporary, "*.nupkg");
        if (result.ExitCode != 0 || packages.Length != 1)
            throw Failed(command, result, temporary);
        return new BuiltPackage(packages[0], command, temporary);
    }

    private async Task<ToolResult> RunAsync(string tool, List<string> arguments, string directory, string command, string temporary, CancellationToken cancellationToken)
    {
        try
        {
            return await _tools.RunAsync(tool, arguments, directory, cancellationToken);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            TryDelete(temporary);
            throw new PackageBuildException($"{command} could not run: {e.Message}. Is {tool} installed and on PATH? Or pass the built package with --artifact.", e);
        }
    }

    private static PackageBuildException Failed(string command, ToolResult result, string temporary)
    {
        TryDelete(temporary);
        var detail = (result.StandardError.Trim().Length > 0 ? result.StandardError : result.StandardOutput).Trim();
        if (detail.Length > 2000)
            detail = detail[^2000..];
        return new PackageBuildException($"{command} exited {result.ExitCode}{(detail.Length > 0 ? ":\n" + detail : "")}");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort.
        }
    }
}
