using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// One import into the store: every file read, every record upserted by id, in one transaction
/// that is committed only when the whole source was read. Prepared statements are reused for
/// every record.
/// </summary>
internal sealed class AdvisoryImporter
{
    private const int MaxProblems = 1000;
    private const int ProgressEvery = 500;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    public AdvisoryImporter(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    public AdvisoryImportResult Run(string source, IEnumerable<OsvFile> files, IProgress<int>? progress, CancellationToken ct)
    {
        var started = _clock.GetTimestamp();
        var counts = new Counts();
        var problems = new List<AdvisoryImportProblem>();
        using var transaction = _connection.BeginTransaction();
        using var statements = new Statements(_connection, transaction, source);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            complete &= !file.EndsRead;
            var (record, problem) = file.Problem is null ? OsvReader.Read(file.Content, file.Name) : (null, file.Problem);
            if (record is null)
            {
                // A placeholder that cannot be read this time is not gone: its stored copy stays.
                seen.Add(Path.GetFileNameWithoutExtension(file.Name[(file.Name.LastIndexOf('!') + 1)..]));
                counts.Bad++;
                if (problems.Count < MaxProblems)
                    problems.Add(new AdvisoryImportProblem(file.Name, problem ?? "unreadable"));
                continue;
            }
            counts.Read++;
            seen.Add(record.Id);
            if (record.Affected.Count == 0)
                counts.Skipped++;
            else
                Store(statements, record, file, counts);
            if (counts.Read % ProgressEvery == 0)
                progress?.Report(counts.Read);
        }
        progress?.Report(counts.Read);
        ct.ThrowIfCancellationRequested();
        // Only a source read to its end says which placeholders it no longer has.
        var removed = complete ? statements.RemovePlaceholdersNotIn(seen) : 0;

        var result = new AdvisoryImportResult(source, counts.Read, counts.Imported, counts.Updated, counts.Unchanged, counts.Skipped, counts.Withdrawn, removed, counts.Bad, problems, _clock.GetElapsedTime(started));
        statements.LogImport(_clock.GetUtcNow(), result);
        transaction.Commit();
        return result;
    }

    private static void Store(Statements statements, OsvRecord record, OsvFile file, Counts counts)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span));
        var existing = statements.Find(record.Id);
        if (record.Withdrawn is not null)
            counts.Withdrawn++;
        if (existing is { } stored)
        {
            // Keep the newer copy; the same copy read again changes nothing.
            var older = record.Modified is { } modified && stored.Modified is { } storedModified && modified.UtcTicks < storedModified;
            if (older || stored.Hash == hash)
            {
                if (record.Withdrawn is null)
                    counts.Unchanged++;
                return;
            }
            statements.Update(stored.Row, record, hash, file.Name);
            if (record.Withdrawn is null)
                counts.Updated++;
        }
        else
        {
            statements.Insert(record, hash, file.Name);
            if (record.Withdrawn is null)
                counts.Imported++;
        }
    }

    private sealed class Counts
    {
        public int Read;
        public int Imported;
        public int Updated;
        public int Unchanged;
        public int Skipped;
        public int Withdrawn;
        public int Bad;
    }

    /// <summary>The import's prepared statements.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteCommand _find;
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _lastRow;
        private readonly SqliteCommand _deleteAffected;
        private readonly SqliteCommand _insertAffected;
        private readonly SqliteCommand _logImport;
        private readonly SqliteCommand _placeholders;
        private readonly SqliteCommand _deleteAdvisory;
        private readonly string _source;

        public Statements(SqliteConnection connection, SqliteTransaction transaction, string source)
        {
            _source = source;
            _find = Prepare(connection, transaction, "SELECT rowid, modified, content_hash FROM advisories WHERE id = $id", "$id");
            const string Columns = "$summary, $details, $aliases, $malicious, $published, $modified, $withdrawn, $hash, $source, $file";
            _insert = Prepare(connection, transaction,
                "INSERT INTO advisories (id, summary, details, aliases, malicious, published, modified, withdrawn, content_hash, source, file) VALUES ($id, " + Columns + ")",
                ["$id", .. Columns.Split(", ")]);
            _update = Prepare(connection, transaction,
                "UPDATE advisories SET summary = $summary, details = $details, aliases = $aliases, malicious = $malicious, published = $published, modified = $modified, withdrawn = $withdrawn, content_hash = $hash, source = $source, file = $file WHERE rowid = $row",
                ["$row", .. Columns.Split(", ")]);
            _placeholders = Prepare(connection, transaction, "SELECT rowid, id FROM advisories WHERE source = $source AND id LIKE 'MAL-0000-%'", "$source");
            _deleteAdvisory = Prepare(connection, transaction, "DELETE FROM advisories WHERE rowid = $row", "$row");
            _lastRow = Prepare(connection, transaction, "SELECT last_insert_rowid()");
            _deleteAffected = Prepare(connection, transaction, "DELETE FROM affected WHERE advisory = $row", "$row");
            _insertAffected = Prepare(connection, transaction,
                "INSERT INTO affected (advisory, ecosystem, name_key, name, every_version, ranges, versions, canonical_versions, description) VALUES ($row, $ecosystem, $key, $name, $every, $ranges, $versions, $canonical, $description)",
                "$row", "$ecosystem", "$key", "$name", "$every", "$ranges", "$versions", "$canonical", "$description");
            _logImport = Prepare(connection, transaction,
                "INSERT INTO imports (time, source, read, imported, updated, unchanged, skipped, withdrawn, bad_files) VALUES ($time, $source, $read, $imported, $updated, $unchanged, $skipped, $withdrawn, $bad)",
                "$time", "$source", "$read", "$imported", "$updated", "$unchanged", "$skipped", "$withdrawn", "$bad");
        }

        public (long Row, long? Modified, string Hash)? Find(string id)
        {
            _find.Parameters["$id"].Value = id;
            using var reader = _find.ExecuteReader();
            if (!reader.Read())
                return null;
            return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2));
        }

        public void Insert(OsvRecord record, string hash, string file)
        {
            _insert.Parameters["$id"].Value = record.Id;
            SetColumns(_insert, record, hash, file);
            _insert.ExecuteNonQuery();
            InsertAffected((long)_lastRow.ExecuteScalar()!, record);
        }

        public void Update(long row, OsvRecord record, string hash, string file)
        {
            _update.Parameters["$row"].Value = row;
            SetColumns(_update, record, hash, file);
            _update.ExecuteNonQuery();
            _deleteAffected.Parameters["$row"].Value = row;
            _deleteAffected.ExecuteNonQuery();
            InsertAffected(row, record);
        }

        /// <summary>Deletes the placeholder records this source stored before and no longer has; returns how many.</summary>
        public int RemovePlaceholdersNotIn(HashSet<string> seen)
        {
            _placeholders.Parameters["$source"].Value = _source;
            var gone = new List<long>();
            using (var reader = _placeholders.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (!seen.Contains(reader.GetString(1)))
                        gone.Add(reader.GetInt64(0));
                }
            }
            foreach (var row in gone)
            {
                _deleteAffected.Parameters["$row"].Value = row;
                _deleteAffected.ExecuteNonQuery();
                _deleteAdvisory.Parameters["$row"].Value = row;
                _deleteAdvisory.ExecuteNonQuery();
            }
            return gone.Count;
        }

        public void LogImport(DateTimeOffset time, AdvisoryImportResult result)
        {
            var p = _logImport.Parameters;
            p["$time"].Value = time.UtcTicks;
            p["$source"].Value = result.Source;
            p["$read"].Value = result.Read;
            p["$imported"].Value = result.Imported;
            p["$updated"].Value = result.Updated;
            p["$unchanged"].Value = result.Unchanged;
            p["$skipped"].Value = result.Skipped;
            p["$withdrawn"].Value = result.Withdrawn;
            p["$bad"].Value = result.BadFiles;
            _logImport.ExecuteNonQuery();
        }

        /// <summary>The packages a withdrawn record affects are not stored: it must never match.</summary>
        private void InsertAffected(long row, OsvRecord record)
        {
            if (record.Withdrawn is not null)
                return;
            foreach (var affected in record.Affected)
            {
                var scheme = VersionScheme.For(affected.Ecosystem)!;
                var p = _insertAffected.Parameters;
                p["$row"].Value = row;
                p["$ecosystem"].Value = affected.Ecosystem;
                p["$key"].Value = affected.Key;
                p["$name"].Value = affected.Name;
                p["$every"].Value = OsvEvaluator.AffectsEveryVersion(affected) ? 1 : 0;
                p["$ranges"].Value = StoredJson.Ranges(affected.Ranges);
                var listed = ListedVersions.From(affected.Versions, scheme);
                p["$versions"].Value = listed.Written;
                p["$canonical"].Value = listed.Canonical;
                p["$description"].Value = OsvEvaluator.Describe(affected, scheme);
                _insertAffected.ExecuteNonQuery();
            }
        }

        private void SetColumns(SqliteCommand command, OsvRecord record, string hash, string file)
        {
            var p = command.Parameters;
            p["$source"].Value = _source;
            p["$summary"].Value = record.Summary;
            p["$details"].Value = record.Details;
            p["$aliases"].Value = StoredJson.Strings(record.Aliases);
            p["$malicious"].Value = record.Malicious ? 1 : 0;
            p["$published"].Value = (object?)record.Published?.UtcTicks ?? DBNull.Value;
            p["$modified"].Value = (object?)record.Modified?.UtcTicks ?? DBNull.Value;
            p["$withdrawn"].Value = (object?)record.Withdrawn?.UtcTicks ?? DBNull.Value;
            p["$hash"].Value = hash;
            p["$file"].Value = file;
        }

        private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
                command.Parameters.Add(new SqliteParameter(name, null));
            command.Prepare();
            return command;
        }

        public void Dispose()
        {
            _find.Dispose();
            _insert.Dispose();
            _update.Dispose();
            _lastRow.Dispose();
            _deleteAffected.Dispose();
            _insertAffected.Dispose();
            _logImport.Dispose();
            _placeholders.Dispose();
            _deleteAdvisory.Dispose();
        }
    }
}
