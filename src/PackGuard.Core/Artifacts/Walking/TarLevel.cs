using System.Formats.Tar;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Walks a tar stream strictly in order (ustar, pax and GNU long names alike): every entry's data
/// is read, or drained, before the next header, so a gzip-compressed tar is never buffered.
/// Headers with base-256 numbers, which the BCL reader cannot parse, are repaired on the way
/// (<see cref="TarHeaderRepairStream"/>).
/// </summary>
internal static class TarLevel
{
    private const UnixFileMode ExecuteBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static void Walk(WalkContext context, Stream archive, string prefix, int depth)
    {
        using var reader = new TarReader(new TarHeaderRepairStream(archive), leaveOpen: true);
        string? last = null;
        while (!context.Stopped)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            TarEntry? tar;
            try
            {
                tar = reader.GetNextEntry(copyData: false);
            }
            catch (Exception e) when (ArchiveDamageException.IsDamage(e) || e is InvalidOperationException)
            {
                // TarReader also throws InvalidOperationException on input: for a pax header whose
                // size field is larger than it will read. Here, from the reader, that is damage too.
                // The reader's own words name a symptom ("unable to parse number", "arithmetic
                // operation resulted in an overflow"); say that it is a header that is wrong.
                throw e switch
                {
                    EndOfStreamException or CorruptDataException => ArchiveDamageException.From(e, depth, last),
                    OverflowException => new ArchiveDamageException(depth, last, "a tar header holds a number too large to read", e),
                    _ => ArchiveDamageException.From(e, depth, last, "a tar header is malformed"),
                };
            }
            if (tar is null)
                return;
            if (tar.EntryType == TarEntryType.GlobalExtendedAttributes)
                continue;

            var kind = KindOf(tar.EntryType);
            var name = EntryPaths.Normalize(tar.Name, kind == EntryKind.Directory);
            if (name.Length == 0 && kind == EntryKind.Directory)
                continue; // "./", the archive's own root
            var link = kind is EntryKind.SymbolicLink or EntryKind.HardLink ? tar.LinkName : null;
            var entry = new ArtifactEntry(prefix + name, kind, kind == EntryKind.File ? tar.Length : null, link, depth)
            {
                Executable = kind == EntryKind.File && (tar.Mode & ExecuteBits) != 0,
            };
            last = entry.Path;
            if (!context.Admit(entry, name))
                return;
            if (kind == EntryKind.File)
                EntryReader.ReadFile(context, entry, tar.DataStream ?? Stream.Null, SkipMode.Drain);
            else
                context.Visitor.OnEntry(entry, ReadOnlySpan<byte>.Empty); // any data (sparse, devices) is skipped by the reader
        }
    }

    private static EntryKind KindOf(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => EntryKind.File,
        TarEntryType.Directory => EntryKind.Directory,
        TarEntryType.SymbolicLink => EntryKind.SymbolicLink,
        TarEntryType.HardLink => EntryKind.HardLink,
        _ => EntryKind.Other,
    };
}
