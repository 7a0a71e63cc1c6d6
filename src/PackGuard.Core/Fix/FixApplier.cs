using System.Text;

namespace PackGuard.Fix;

/// <summary>
/// Applies a <see cref="FixPlan"/>'s changes to the package directory, only when asked
/// (<c>--write</c>). Every file is first checked against the bytes the diff was computed from, so
/// that nothing is written over an edit made in the meantime; then each is written to a
/// temporary file beside it and renamed over it, so that a reader never sees half a file.
/// </summary>
public static class FixApplier
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the changes.</summary>
    /// <exception cref="FixConflictException">A file changed since the plan was computed; nothing was written.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    public static void Apply(string directory, IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var path = Path.Combine(directory, change.Path);
            if (change.OldBytes is null)
            {
                if (File.Exists(path))
                    throw new FixConflictException($"{change.Path} was created since the change was computed; nothing was written. Run packguard fix again.");
                continue;
            }
            byte[] now;
            try
            {
                now = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FixConflictException($"{change.Path} cannot be read any more ({e.Message}); nothing was written.");
            }
            if (!now.AsSpan().SequenceEqual(change.OldBytes))
                throw new FixConflictException($"{change.Path} changed since the change was computed; nothing was written. Run packguard fix again.");
        }

        foreach (var change in changes)
            Write(Path.Combine(directory, change.Path), change);
    }

    private static void Write(string path, FileChange change)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.packguard-{Guid.NewGuid():N}.tmp");
        try
        {
            var body = Utf8NoBom.GetBytes(change.NewText);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (change.ByteOrderMark)
                    stream.Write(Encoding.UTF8.Preamble);
                stream.Write(body);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(path))
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}

/// <summary>A file changed between computing a fix and writing it.</summary>
public sealed class FixConflictException : Exception
{
    /// <summary>Creates the exception with a message a user can act on.</summary>
    public FixConflictException(string message) : base(message) { }
}
