using System.Text;
using PackGuard.Artifacts;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Per-artifact state of the unintended-files inspector. Every entry's path goes through
/// <see cref="FileClassifier"/> (and the first bytes, for formats known by magic); only the few
/// candidates whose content decides get a sink, and that sink keeps at most
/// <see cref="FileChecks.MaxBytes"/> (an SQL file is read as a stream instead). Findings are
/// grouped and worded in <see cref="Complete"/>, when the package's metadata says which files a
/// directory target would not publish and which toolchain the fix should speak of.
/// </summary>
internal sealed class FilesInspection(InspectionContext context) : IArtifactInspection
{
    private readonly List<FileObservation> _observations = [];

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.Kind != EntryKind.File || entry.NestedArchive != ArchiveFormat.None)
            return null;
        // A package's working tree has a .git folder and node_modules; neither is ever published.
        if (context.IsDirectory && entry.Depth == 0 && NpmPackRules.NeverPacked(entry.InnerPath))
            return null;
        if (FileClassifier.Classify(entry.InnerPath, head) is not { } candidate)
            return null;
        switch (candidate.Check)
        {
            case ContentCheck.None:
                _observations.Add(new FileObservation(entry.Path, entry.Size ?? head.Length, candidate, FileVerdict.Of(candidate)));
                return null;
            case ContentCheck.Sql:
                return new SqlSink(this, entry, candidate);
            default:
                return new TextSink(this, entry, candidate);
        }
    }

    public void Complete(ArtifactSummary artifact)
    {
        var observations = context.IsDirectory
            ? [.. _observations.Where(o => !NpmPackRules.IgnoredInDirectory(o.Path, artifact.Metadata))]
            : _observations;
        FileFindings.Report(context.Findings, observations, artifact.Metadata);
    }

    /// <summary>Records the judgement of a file whose content was read; if the content did not bear its name out, what the name alone makes it.</summary>
    private void Judged(ArtifactEntry entry, FileCandidate candidate, FileVerdict? verdict, long size)
    {
        if (verdict is not null)
        {
            _observations.Add(new FileObservation(entry.Path, size, candidate, verdict));
            return;
        }
        if (FileClassifier.Classify(entry.InnerPath, [], byContent: false) is { } fallback)
            _observations.Add(new FileObservation(entry.Path, size, fallback, FileVerdict.Of(fallback)));
    }

    /// <summary>Keeps the beginning of a small text file, then judges it.</summary>
    private sealed class TextSink(FilesInspection owner, ArtifactEntry entry, FileCandidate candidate) : IEntryContentSink
    {
        private readonly MemoryStream _text = new();
        private long _size;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _size += chunk.Length;
            var room = FileChecks.MaxBytes - (int)_text.Length;
            if (room > 0)
                _text.Write(chunk[..Math.Min(room, chunk.Length)]);
        }

        public void Complete(bool truncated)
        {
            var text = Encoding.UTF8.GetString(_text.GetBuffer(), 0, (int)_text.Length);
            owner.Judged(entry, candidate, FileChecks.Judge(candidate, text), entry.Size ?? _size);
        }
    }

    /// <summary>Streams an SQL file through <see cref="SqlContent"/>.</summary>
    private sealed class SqlSink(FilesInspection owner, ArtifactEntry entry, FileCandidate candidate) : IEntryContentSink
    {
        private readonly SqlContent _sql = new();
        private long _size;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _size += chunk.Length;
            _sql.Write(chunk);
        }

        public void Complete(bool truncated) =>
            owner.Judged(entry, candidate, SqlVerdict(candidate, _sql), entry.Size ?? _size);

        private static FileVerdict? SqlVerdict(FileCandidate candidate, SqlContent sql)
        {
            var tool = sql.DumpTool is { } t ? $", written by {t}" : "";
            var details = new System.Text.Json.Nodes.JsonObject { ["dataStatements"] = sql.DataStatements, ["dumpTool"] = sql.DumpTool };
            if (sql.DataStatements > 0)
                return new(candidate.Severity, $"is an SQL dump with data: {sql.DataStatements:N0} INSERT or COPY statement{(sql.DataStatements == 1 ? "" : "s")}{tool}", [], details);
            return sql.DumpTool is null ? null
                : new(Findings.Severity.Low, $"is a schema dump{tool}: no rows, but the database's structure", [], details);
        }
    }
}
