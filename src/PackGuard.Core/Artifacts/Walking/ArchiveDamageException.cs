namespace PackGuard.Artifacts.Walking;

/// <summary>
/// The data of one archive level is damaged (truncated, malformed, lying about sizes). It carries
/// the <see cref="Depth"/> of the damaged archive, so that a nested archive's damage becomes an
/// <c>archive/corrupt</c> finding while damage in the outer stream that feeds it is still blamed on
/// the outer archive, and damage at depth 0 makes the artifact unreadable.
/// </summary>
internal sealed class ArchiveDamageException(int depth, string? entryPath, string problem, Exception? inner = null)
    : Exception(problem, inner)
{
    /// <summary>Depth of the damaged archive: the <see cref="ArtifactEntry.Depth"/> of its entries.</summary>
    public int Depth { get; } = depth;

    /// <summary>The entry being read when the damage was met, when there was one.</summary>
    public string? EntryPath { get; } = entryPath;

    /// <summary>What is wrong, for people.</summary>
    public string Problem { get; } = problem;

    /// <summary>
    /// Whether <paramref name="exception"/> is what the BCL readers throw on bad input. Anything
    /// else (a visitor's bug, cancellation) is not damage and must keep propagating as it is.
    /// </summary>
    public static bool IsDamage(Exception exception) => exception
        is InvalidDataException
        or IOException
        or FormatException
        or ArgumentException
        or OverflowException
        or NotSupportedException
        or UnauthorizedAccessException;

    /// <summary>Wraps a reader's exception as damage at <paramref name="depth"/>.</summary>
    /// <param name="exception">The reader's exception.</param>
    /// <param name="depth">The depth of the damaged archive.</param>
    /// <param name="entryPath">The entry being read, when there was one.</param>
    /// <param name="what">What was damaged, put before the reader's own words.</param>
    public static ArchiveDamageException From(Exception exception, int depth, string? entryPath, string? what = null) =>
        exception is Streams.CorruptDataException
            ? new(depth, entryPath, exception.Message, exception) // already the whole problem, whoever passed it on
            : new(depth, entryPath, what is null ? Describe(exception) : $"{what}: {Describe(exception)}", exception);

    private static string Describe(Exception exception)
    {
        var message = exception.Message.Trim().TrimEnd('.');
        return exception switch
        {
            EndOfStreamException => "the data ends too early (truncated)",
            _ when message.Length == 0 => exception.GetType().Name,
            _ => char.ToLowerInvariant(message[0]) + message[1..],
        };
    }
}
