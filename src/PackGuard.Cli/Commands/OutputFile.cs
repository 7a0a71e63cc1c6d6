using PackGuard.Policy;

namespace PackGuard.Cli.Commands;

/// <summary>
/// Writes <c>--output</c> safely: into a temporary file beside the target, then moved over it, so
/// an interrupted run never leaves a half-written report in place of a good one.
/// </summary>
internal static class OutputFile
{
    /// <summary>Checks the path before any work is done, so a typo fails fast with exit code 2.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="localTargets">The local targets being scanned, as given.</param>
    /// <param name="workingDirectory">What relative paths are relative to (the host's, as for targets).</param>
    /// <returns>The full path to write.</returns>
    public static string Validate(string path, IEnumerable<string> localTargets, string workingDirectory)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (Directory.Exists(full))
            throw new ConfigurationException($"--output {path}: is a directory; name a file");
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
            throw new ConfigurationException($"--output {path}: the directory {directory} does not exist");
        if (localTargets.Any(t => string.Equals(Path.GetFullPath(t, workingDirectory), full, StringComparison.Ordinal)))
            throw new ConfigurationException($"--output {path}: that is a target being scanned; refusing to overwrite it");
        return full;
    }

    /// <summary>Writes the file through <paramref name="write"/>, atomically.</summary>
    /// <exception cref="ConfigurationException">The file cannot be written (permissions, a full disk).</exception>
    public static void Write(string fullPath, Action<Stream> write)
    {
        // A name no other run can hold: a run that was killed leaves its temporary file behind, and
        // process ids repeat (a container's packguard is often the same pid every time).
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                write(stream);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"--output {fullPath}: cannot write the report: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
