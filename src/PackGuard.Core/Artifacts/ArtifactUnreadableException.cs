namespace PackGuard.Artifacts;

/// <summary>
/// The artifact itself cannot be read: a damaged or truncated gzip, tar or zip, a zip whose
/// central directory lies, a file that cannot be opened. The CLI turns this into exit code 3 with
/// <see cref="Exception.Message"/> as the explanation. (Damage inside a nested archive is a
/// finding instead, and the walk goes on.)
/// </summary>
public sealed class ArtifactUnreadableException : Exception
{
    /// <summary>Creates the exception; the message names the artifact, the problem and the entry.</summary>
    /// <param name="artifactPath">The file or directory that was being walked.</param>
    /// <param name="problem">What is wrong, in lower case, without a final full stop.</param>
    /// <param name="entryPath">The entry where reading stopped, when known.</param>
    /// <param name="inner">The reader's exception.</param>
    public ArtifactUnreadableException(string artifactPath, string problem, string? entryPath = null, Exception? inner = null)
        : base(Compose(artifactPath, problem, entryPath), inner)
    {
        ArtifactPath = artifactPath;
        Problem = problem;
        EntryPath = entryPath;
    }

    /// <summary>The file or directory that was being walked.</summary>
    public string ArtifactPath { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>The entry where reading stopped, when known.</summary>
    public string? EntryPath { get; }

    private static string Compose(string artifactPath, string problem, string? entryPath) =>
        entryPath is null
            ? $"Cannot read '{artifactPath}': {problem}."
            : $"Cannot read '{artifactPath}': {problem} (reading stopped at entry '{entryPath}').";
}
