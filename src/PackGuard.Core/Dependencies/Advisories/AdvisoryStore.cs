using Microsoft.Data.Sqlite;
using PackGuard.Sources;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// The local store of OSV advisories that <c>packguard deps</c> matches dependencies against:
/// one SQLite file, <c>advisories.db</c>, in PackGuard's data directory. <see cref="Import(string, IProgress{int}, CancellationToken)"/>
/// reads OSV records (<see cref="OsvFiles"/>, <see cref="OsvReader"/>) into it in one
/// transaction; <see cref="Match"/> finds the records that affect a package version, evaluated
/// by <see cref="OsvEvaluator"/> in the ecosystem's <see cref="VersionScheme"/>. A store whose
/// file does not exist is empty: reading it creates nothing, the first import creates it.
/// An instance is not safe for use by several threads at once.
/// </summary>
public sealed class AdvisoryStore : IDisposable
{
    /// <summary>The store's file name in the data directory (a ledger will live beside it).</summary>
    public const string FileName = "advisories.db";

    private static readonly Lazy<bool> SqliteReady = new(() =>
    {
        SQLitePCL.Batteries.Init();
        return true;
    });

    private readonly string _path;
    private readonly TimeProvider _clock;
    private SqliteConnection? _connection;
    private SqliteCommand? _match;

    private AdvisoryStore(string path, TimeProvider clock, SqliteConnection? connection)
    {
        _path = path;
        _clock = clock;
        _connection = connection;
    }

    /// <summary>
    /// Where the store lives: <c>advisories.db</c> in <c>PACKGUARD_DATA_DIR</c> when set, else in
    /// <c>$XDG_DATA_HOME/packguard</c> (an absolute <c>XDG_DATA_HOME</c> only, as the XDG
    /// specification says), else in <c>~/.local/share/packguard</c>.
    /// </summary>
    public static string DefaultPath(SourceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.Combine(DataDirectory.Resolve(environment), FileName);
    }

    /// <summary>Opens the store at <paramref name="path"/> for matching and importing; a file that does not exist is an empty store and is not created.</summary>
    /// <exception cref="AdvisoryStoreException">The file is not an advisory store, was written by a newer PackGuard, or cannot be opened.</exception>
    public static AdvisoryStore Open(string path) => Open(path, TimeProvider.System);

    /// <summary>Opens the store with the clock that stamps and times imports (tests fix it).</summary>
    /// <exception cref="AdvisoryStoreException">The file is not an advisory store, was written by a newer PackGuard, or cannot be opened.</exception>
    public static AdvisoryStore Open(string path, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(clock);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new AdvisoryStoreException($"{full}: a directory, not an advisory store file");
        return new AdvisoryStore(full, clock, File.Exists(full) ? Connect(full, create: false) : null);
    }

    /// <summary>The store's file, as a full path.</summary>
    public string FilePath => _path;

    /// <summary>
    /// Reads every OSV record of <paramref name="directoryOrZip"/> (a directory walked for
    /// <c>*.json</c>, a zip of them, or one JSON file) into the store, in one transaction: on any
    /// error or cancellation nothing is written. A record already stored (same id) is replaced by
    /// a copy with a newer <c>modified</c> time, or a different copy of the same time.
    /// <paramref name="progress"/> hears the number of records read so far.
    /// </summary>
    /// <exception cref="AdvisorySourceException"><paramref name="directoryOrZip"/> cannot be read.</exception>
    /// <exception cref="AdvisoryStoreException">The store cannot be created or written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; the store is unchanged.</exception>
    public AdvisoryImportResult Import(string directoryOrZip, IProgress<int>? progress, CancellationToken ct) =>
        Import(directoryOrZip, AdvisoryImportLimits.Default, progress, ct);

    internal AdvisoryImportResult Import(string directoryOrZip, AdvisoryImportLimits limits, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directoryOrZip);
        var source = Path.GetFullPath(directoryOrZip);
        // Check the source before creating anything: a path that cannot be read leaves no store behind.
        var files = OsvFiles.Read(source, limits, ct);
        var created = false;
        if (_connection is null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new AdvisoryStoreException($"{_path}: cannot create the store's directory: {e.Message}", e);
            }
            _connection = Connect(_path, create: true);
            created = true;
        }
        try
        {
            return new AdvisoryImporter(_connection, _clock).Run(source, files, progress, ct);
        }
        catch (Exception e)
        {
            if (created)
            {
                // A first import that failed leaves no empty store behind.
                DisposeConnection();
                TryDelete(_path);
            }
            if (e is SqliteException sqlite)
                throw new AdvisoryStoreException($"{_path}: the import could not be written; nothing was changed: {sqlite.Message}", sqlite);
            throw;
        }
    }

    /// <summary>
    /// The live records that affect <paramref name="version"/> of the package, malicious ones
    /// first. <paramref name="version"/> is <see langword="null"/> when only a range was declared:
    /// then only records that affect every version match. Names compare as the registry compares
    /// them (<see cref="PackageNames.Key"/>).
    /// </summary>
    /// <param name="ecosystem">One of <see cref="Ecosystems"/>; any other matches nothing.</param>
    /// <param name="name">The package name.</param>
    /// <param name="version">The exact version, or <see langword="null"/>.</param>
    public IReadOnlyList<AdvisoryMatch> Match(string ecosystem, string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(name);
        if (_connection is null || VersionScheme.For(ecosystem) is not { } scheme)
            return [];
        _match ??= PrepareMatch(_connection);
        _match.Parameters["$ecosystem"].Value = ecosystem;
        _match.Parameters["$key"].Value = PackageNames.Key(ecosystem, name);
        var found = new List<(AdvisoryMatch Match, List<string> Descriptions)>();
        try
        {
            using var reader = _match.ExecuteReader();
            while (reader.Read())
            {
                var everyVersion = reader.GetInt64(5) != 0;
                if (!everyVersion && !OsvEvaluator.Affects(StoredJson.ReadRanges(reader.GetString(6)), ListedVersions.Stored(reader.GetString(7), reader.GetString(8)), scheme, version))
                    continue;
                var id = reader.GetString(0);
                var description = reader.GetString(9);
                var existing = found.FindIndex(f => f.Match.Id == id);
                if (existing >= 0)
                {
                    if (!found[existing].Descriptions.Contains(description))
                        found[existing].Descriptions.Add(description);
                    continue;
                }
                var match = new AdvisoryMatch(
                    id,
                    reader.GetString(1),
                    reader.GetInt64(2) != 0,
                    StoredJson.ReadStrings(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                    description);
                found.Add((match, [description]));
            }
        }
        catch (SqliteException e)
        {
            throw new AdvisoryStoreException($"{_path}: cannot be read: {e.Message}", e);
        }
        return [.. found
            .Select(f => f.Descriptions.Count == 1 ? f.Match : f.Match with { AffectedVersions = string.Join("; ", f.Descriptions) })
            .OrderByDescending(m => m.Malicious)
            .ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>What the store holds and when it was last imported into.</summary>
    public AdvisoryStoreStatus Status()
    {
        if (_connection is null)
            return new AdvisoryStoreStatus(_path, false, 0, 0, 0, new Dictionary<string, int>(), null, null);
        try
        {
            var byEcosystem = new SortedDictionary<string, int>(StringComparer.Ordinal);
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = "SELECT ecosystem, COUNT(DISTINCT advisory) FROM affected GROUP BY ecosystem";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    byEcosystem[reader.GetString(0)] = reader.GetInt32(1);
            }
            DateTimeOffset? lastImport = null;
            string? lastSource = null;
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = "SELECT time, source FROM imports ORDER BY rowid DESC LIMIT 1";
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    lastImport = new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero);
                    lastSource = reader.GetString(1);
                }
            }
            return new AdvisoryStoreStatus(
                _path,
                true,
                Count("withdrawn IS NULL"),
                Count("withdrawn IS NULL AND malicious = 1"),
                Count("withdrawn IS NOT NULL"),
                byEcosystem,
                lastImport,
                lastSource);
        }
        catch (SqliteException e)
        {
            throw new AdvisoryStoreException($"{_path}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Closes the store's file.</summary>
    public void Dispose() => DisposeConnection();

    private int Count(string condition)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM advisories WHERE " + condition;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteCommand PrepareMatch(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.summary, a.malicious, a.aliases, a.published, f.every_version, f.ranges, f.versions, f.canonical_versions, f.description
            FROM affected f JOIN advisories a ON a.rowid = f.advisory
            WHERE f.ecosystem = $ecosystem AND f.name_key = $key AND a.withdrawn IS NULL
            """;
        command.Parameters.Add("$ecosystem", SqliteType.Text);
        command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private static SqliteConnection Connect(string path, bool create)
    {
        _ = SqliteReady.Value;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            Cache = SqliteCacheMode.Private,
        }.ToString());
        try
        {
            connection.Open();
            AdvisorySchema.Migrate(connection, path);
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new AdvisoryStoreException($"{path}: not a readable advisory store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void DisposeConnection()
    {
        _match?.Dispose();
        _match = null;
        _connection?.Dispose();
        _connection = null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            File.Delete(path + "-journal");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
