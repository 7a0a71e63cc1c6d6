using Microsoft.Data.Sqlite;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Advisories;
using PackGuard.Sources;

namespace PackGuard.Tests.Dependencies.Advisories;

public sealed class AdvisoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _root = Directory.CreateTempSubdirectory("packguard-advisories-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string StorePath => Path.Combine(_root, "data", "advisories.db");

    [Fact]
    public void Imports_a_checkout_of_the_malicious_packages_database()
    {
        using var store = Open();

        var result = store.Import(AdvisoryRecords.Directory, null, CancellationToken.None);

        result.Source.ShouldBe(AdvisoryRecords.Directory);
        result.Read.ShouldBe(8);
        result.Imported.ShouldBe(6);
        result.Skipped.ShouldBe(1); // crates.io
        result.Withdrawn.ShouldBe(1);
        result.Updated.ShouldBe(0);
        result.Unchanged.ShouldBe(0);
        result.BadFiles.ShouldBe(2);
        result.Problems.Select(p => p.File).ShouldBe(["bad/package.json", "bad/truncated.json"]);
        result.Problems[0].Reason.ShouldBe("not an OSV record: no id and no affected packages");
        result.Problems[1].Reason.ShouldStartWith("not JSON");
        File.Exists(StorePath).ShouldBeTrue();
    }

    [Fact]
    public void Matches_malicious_versions_by_ecosystem_name_and_version()
    {
        using var store = Imported();

        var exact = store.Match(Ecosystems.Npm, "plain-crypto-js", "4.2.1");
        exact.Select(m => m.Id).ShouldBe(["MAL-0000-ghsa-malware-4dfdc3dd18fb6fe8", "MAL-2026-2306"]);
        exact.ShouldAllBe(m => m.Malicious);
        var mal = exact[1];
        mal.Summary.ShouldBe("Malicious code in plain-crypto-js (npm)");
        mal.AffectedVersions.ShouldBe("4.2.1");
        mal.Published.ShouldBe(new DateTimeOffset(2026, 3, 31, 2, 7, 58, TimeSpan.Zero));
        exact[0].Aliases.ShouldBe(["GHSA-2x9r-6wxq-hrr7"]);
        exact[0].AffectedVersions.ShouldBe("all versions");

        // The GitHub record affects every version; the MAL record only 4.2.1.
        store.Match(Ecosystems.Npm, "plain-crypto-js", "4.2.0").Select(m => m.Id).ShouldBe(["MAL-0000-ghsa-malware-4dfdc3dd18fb6fe8"]);
        store.Match(Ecosystems.Npm, "plain-crypto-js", null).Select(m => m.Id).ShouldBe(["MAL-0000-ghsa-malware-4dfdc3dd18fb6fe8"]);
        store.Match(Ecosystems.Npm, "flatmap-stream", "0.1.1").ShouldHaveSingleItem().Id.ShouldBe("MAL-2025-20690");
        store.Match(Ecosystems.Npm, "crypto-js", "4.2.0").ShouldBeEmpty();
    }

    [Fact]
    public void Names_compare_as_each_registry_compares_them()
    {
        using var store = Imported();

        store.Match(Ecosystems.NuGet, "algotrading.net", "1.0.48").ShouldHaveSingleItem().Id.ShouldBe("MAL-2024-3999");
        store.Match(Ecosystems.NuGet, "ALGOTRADING.NET", "1.0.48.0").ShouldHaveSingleItem();
        store.Match(Ecosystems.NuGet, "AlgoTrading.Net", "1.0.69").ShouldBeEmpty();
        store.Match(Ecosystems.NuGet, "AlgoTrading.Net", null).ShouldBeEmpty();
        store.Match(Ecosystems.PyPI, "Colourama", "0.1.6").ShouldHaveSingleItem().Id.ShouldBe("MAL-2099-0101");
        store.Match(Ecosystems.PyPI, "colourama", null).ShouldHaveSingleItem();
        // npm names are case-sensitive; the same name in another ecosystem is another package.
        store.Match(Ecosystems.Npm, "Flatmap-Stream", "0.1.1").ShouldBeEmpty();
        store.Match(Ecosystems.PyPI, "flatmap-stream", "0.1.1").ShouldBeEmpty();
        store.Match("cargo", "rustdecimal", "1.23.1").ShouldBeEmpty();
    }

    [Fact]
    public void Ordinary_vulnerabilities_match_by_range_and_are_not_malicious()
    {
        using var store = Imported();

        var match = store.Match(Ecosystems.Npm, "lodash", "4.17.15").ShouldHaveSingleItem();
        match.Id.ShouldBe("GHSA-p6mc-m468-83gw");
        match.Malicious.ShouldBeFalse();
        match.AffectedVersions.ShouldBe(">=3.7.0 <4.17.19");
        match.Aliases.ShouldBe(["CVE-2020-8203"]);
        store.Match(Ecosystems.Npm, "lodash", "4.17.19").ShouldBeEmpty();
        store.Match(Ecosystems.Npm, "lodash", "3.6.0").ShouldBeEmpty();
        store.Match(Ecosystems.Npm, "lodash", null).ShouldBeEmpty();
    }

    [Fact]
    public void A_withdrawn_record_never_matches()
    {
        using var store = Imported();

        store.Match(Ecosystems.Npm, "@ctrl/plex", "6.0.0").ShouldBeEmpty();
        store.Status().Withdrawn.ShouldBe(1);
    }

    [Fact]
    public void Importing_the_same_records_again_changes_nothing()
    {
        using var store = Imported();

        var again = store.Import(AdvisoryRecords.Directory, null, CancellationToken.None);

        again.Read.ShouldBe(8);
        again.Imported.ShouldBe(0);
        again.Updated.ShouldBe(0);
        again.Unchanged.ShouldBe(6);
        again.Withdrawn.ShouldBe(1);
        store.Status().Records.ShouldBe(6);
        store.Match(Ecosystems.Npm, "plain-crypto-js", "4.2.1").Count.ShouldBe(2);
    }

    [Fact]
    public void A_newer_copy_replaces_a_record_and_an_older_one_does_not()
    {
        using var store = Open();
        ImportText(store, AdvisoryRecords.Malicious("MAL-1", "npm", "evil", "2025-01-01T00:00:00Z", "\"versions\": [\"1.0.0\"]"));

        var newer = ImportText(store, AdvisoryRecords.Malicious("MAL-1", "npm", "evil", "2025-02-01T00:00:00Z", "\"versions\": [\"1.0.0\", \"1.0.1\"]"));
        newer.Updated.ShouldBe(1);
        store.Match(Ecosystems.Npm, "evil", "1.0.1").ShouldHaveSingleItem().AffectedVersions.ShouldBe("1.0.0, 1.0.1");

        var older = ImportText(store, AdvisoryRecords.Malicious("MAL-1", "npm", "evil", "2024-12-01T00:00:00Z", "\"versions\": [\"9.9.9\"]"));
        older.Unchanged.ShouldBe(1);
        store.Match(Ecosystems.Npm, "evil", "1.0.1").ShouldHaveSingleItem();
        store.Match(Ecosystems.Npm, "evil", "9.9.9").ShouldBeEmpty();

        // A record renamed to another package leaves no match under the old name.
        ImportText(store, AdvisoryRecords.Malicious("MAL-1", "npm", "evil2", "2025-03-01T00:00:00Z"));
        store.Match(Ecosystems.Npm, "evil", "1.0.1").ShouldBeEmpty();
        store.Match(Ecosystems.Npm, "evil2", "1.0.1").ShouldHaveSingleItem();
        store.Status().Records.ShouldBe(1);
    }

    [Fact]
    public void A_withdrawal_replaces_the_live_record()
    {
        using var store = Open();
        ImportText(store, AdvisoryRecords.Malicious("MAL-1", "npm", "evil", "2025-01-01T00:00:00Z"));
        store.Match(Ecosystems.Npm, "evil", "1.0.0").ShouldHaveSingleItem();

        var result = ImportText(store, AdvisoryRecords.Malicious("MAL-1", "npm", "evil", "2025-02-01T00:00:00Z", withdrawn: "2025-02-01T00:00:00Z"));

        result.Withdrawn.ShouldBe(1);
        store.Match(Ecosystems.Npm, "evil", "1.0.0").ShouldBeEmpty();
        var status = store.Status();
        status.Records.ShouldBe(0);
        status.Withdrawn.ShouldBe(1);
    }

    [Fact]
    public void A_placeholder_the_source_no_longer_has_is_removed()
    {
        using var store = Open();
        var source = Path.Combine(_root, "checkout");
        var placeholder = Path.Combine(source, "npm", "evil", "MAL-0000-ghsa-malware-0123456789abcdef.json");
        Directory.CreateDirectory(Path.GetDirectoryName(placeholder)!);
        File.WriteAllText(placeholder, AdvisoryRecords.Malicious("", "npm", "evil"));
        store.Import(source, null, CancellationToken.None).Imported.ShouldBe(1);
        store.Match(Ecosystems.Npm, "evil", "1.0.0").ShouldHaveSingleItem().Id.ShouldBe("MAL-0000-ghsa-malware-0123456789abcdef");

        // The database assigned the record its id: the placeholder file is gone, MAL-2099-7 is there.
        File.Delete(placeholder);
        File.WriteAllText(Path.Combine(source, "npm", "evil", "MAL-2099-7.json"), AdvisoryRecords.Malicious("MAL-2099-7", "npm", "evil"));
        // Another source without the placeholder says nothing about it.
        ImportText(store, AdvisoryRecords.Malicious("MAL-2099-8", "npm", "other")).Removed.ShouldBe(0);
        store.Match(Ecosystems.Npm, "evil", "1.0.0").Count.ShouldBe(1);

        var result = store.Import(source, null, CancellationToken.None);

        result.Imported.ShouldBe(1);
        result.Removed.ShouldBe(1);
        store.Match(Ecosystems.Npm, "evil", "1.0.0").ShouldHaveSingleItem().Id.ShouldBe("MAL-2099-7");
    }

    [Fact]
    public void A_placeholder_that_is_unreadable_this_time_is_kept()
    {
        using var store = Open();
        var source = Path.Combine(_root, "checkout");
        var placeholder = Path.Combine(source, "MAL-0000-ghsa-malware-0123456789abcdef.json");
        Directory.CreateDirectory(source);
        File.WriteAllText(placeholder, AdvisoryRecords.Malicious("", "npm", "evil"));
        store.Import(source, null, CancellationToken.None);
        File.WriteAllText(placeholder, "{\"id\": \"\", \"summary\": \"cut off");

        var result = store.Import(source, null, CancellationToken.None);

        result.BadFiles.ShouldBe(1);
        result.Removed.ShouldBe(0);
        store.Match(Ecosystems.Npm, "evil", "1.0.0").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_source_cut_short_by_a_limit_removes_no_placeholder()
    {
        using var store = Open();
        var source = Path.Combine(_root, "checkout");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "MAL-0000-a-1.json"), AdvisoryRecords.Malicious("", "npm", "evil"));
        store.Import(source, null, CancellationToken.None);
        File.Delete(Path.Combine(source, "MAL-0000-a-1.json"));
        for (var i = 0; i < 3; i++)
            File.WriteAllText(Path.Combine(source, $"MAL-2099-{i}.json"), AdvisoryRecords.Malicious($"MAL-2099-{i}", "npm", $"pkg-{i}"));

        var result = store.Import(source, new AdvisoryImportLimits { MaxFiles = 2 }, null, CancellationToken.None);

        result.BadFiles.ShouldBe(1);
        result.Removed.ShouldBe(0);
        store.Match(Ecosystems.Npm, "evil", "1.0.0").ShouldHaveSingleItem();
    }

    [Fact]
    public void Reports_what_the_store_holds()
    {
        using var store = Imported();

        var status = store.Status();

        status.Exists.ShouldBeTrue();
        status.Path.ShouldBe(StorePath);
        status.Records.ShouldBe(6);
        status.Malicious.ShouldBe(5);
        status.Withdrawn.ShouldBe(1);
        status.RecordsByEcosystem.ShouldBe(new Dictionary<string, int> { ["npm"] = 4, ["nuget"] = 1, ["pypi"] = 1 });
        status.LastImport.ShouldBe(Now);
        status.LastImportSource.ShouldBe(AdvisoryRecords.Directory);
    }

    [Fact]
    public void A_store_that_does_not_exist_is_empty_and_reading_it_creates_nothing()
    {
        using var store = Open();

        store.Match(Ecosystems.Npm, "plain-crypto-js", "4.2.1").ShouldBeEmpty();
        var status = store.Status();
        status.Exists.ShouldBeFalse();
        status.Records.ShouldBe(0);
        status.LastImport.ShouldBeNull();
        Directory.Exists(Path.GetDirectoryName(StorePath)).ShouldBeFalse();
    }

    [Fact]
    public void A_zip_imports_the_same_records_as_the_directory()
    {
        var zip = Path.Combine(_root, "all.zip");
        AdvisoryRecords.WriteZip(zip);
        using var store = Open();

        var result = store.Import(zip, null, CancellationToken.None);

        result.Read.ShouldBe(8);
        result.Imported.ShouldBe(6);
        result.BadFiles.ShouldBe(2);
        result.Problems.Select(p => p.File).ShouldBe(["all.zip!package.json", "all.zip!truncated.json"]);
        store.Match(Ecosystems.Npm, "plain-crypto-js", "4.2.1").Count.ShouldBe(2);
        // The record that awaits an id is named by its entry's file name, as in the directory.
        store.Match(Ecosystems.Npm, "plain-crypto-js", "1.0.0").ShouldHaveSingleItem().Id.ShouldBe("MAL-0000-ghsa-malware-4dfdc3dd18fb6fe8");
    }

    [Fact]
    public void A_cancelled_import_writes_nothing()
    {
        using var store = Imported();
        var more = Path.Combine(_root, "more");
        Directory.CreateDirectory(more);
        for (var i = 0; i < 1200; i++)
            File.WriteAllText(Path.Combine(more, $"MAL-{i}.json"), AdvisoryRecords.Malicious($"MAL-{i}", "npm", $"evil-{i}"));
        using var cancel = new CancellationTokenSource();
        // Progress is reported every 500 records: the import is cancelled in the middle.
        var progress = new CancelAfter(cancel, 500);

        Should.Throw<OperationCanceledException>(() => store.Import(more, progress, cancel.Token));

        store.Status().Records.ShouldBe(6);
        store.Match(Ecosystems.Npm, "evil-1", "1.0.0").ShouldBeEmpty();
        store.Match(Ecosystems.Npm, "plain-crypto-js", "4.2.1").Count.ShouldBe(2);
    }

    [Fact]
    public void A_first_import_that_fails_leaves_no_store_behind()
    {
        using var store = Open();
        var zip = Path.Combine(_root, "broken.zip");
        File.WriteAllText(zip, "PK\u0003\u0004 but no zip");

        Should.Throw<AdvisorySourceException>(() => store.Import(zip, null, CancellationToken.None));

        File.Exists(StorePath).ShouldBeFalse();
        store.Status().Exists.ShouldBeFalse();
        Should.Throw<AdvisorySourceException>(() => store.Import(Path.Combine(_root, "missing"), null, CancellationToken.None));
        File.Exists(StorePath).ShouldBeFalse();
    }

    [Fact]
    public void Reports_progress_in_records_read()
    {
        using var store = Open();
        var reports = new List<int>();

        store.Import(AdvisoryRecords.Directory, new SynchronousProgress(reports.Add), CancellationToken.None);

        reports.ShouldNotBeEmpty();
        reports[^1].ShouldBe(8);
    }

    [Fact]
    public void Brings_a_store_of_an_older_schema_up_to_date()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        using (var connection = Connect())
            AdvisorySchema.Migrate(connection, StorePath, target: 1);

        using var store = Open();
        store.Import(AdvisoryRecords.Directory, null, CancellationToken.None).Imported.ShouldBe(6);

        store.Status().LastImport.ShouldBe(Now);
        SchemaVersion().ShouldBe(AdvisorySchema.Current);
    }

    [Fact]
    public void A_store_written_by_a_newer_PackGuard_is_not_touched()
    {
        using (Imported())
        {
        }
        using (var connection = Connect())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(StorePath);

        Should.Throw<AdvisoryStoreException>(() => Open()).Message.ShouldContain("written by a newer PackGuard (advisory store schema 99");
        File.ReadAllBytes(StorePath).ShouldBe(before);
    }

    [Fact]
    public void A_file_that_is_not_an_advisory_store_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, "this is not a database, but it is long enough to look like a header of one........................................");
        Should.Throw<AdvisoryStoreException>(() => Open()).Message.ShouldContain("not a readable advisory store");

        File.Delete(StorePath);
        using (var connection = Connect())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE ledger (x INTEGER)";
            command.ExecuteNonQuery();
        }
        Should.Throw<AdvisoryStoreException>(() => Open()).Message.ShouldContain("not a PackGuard advisory store");

        Should.Throw<AdvisoryStoreException>(() => AdvisoryStore.Open(_root)).Message.ShouldContain("a directory");
    }

    [Fact]
    public void An_empty_file_becomes_a_store()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllBytes(StorePath, []);

        using var store = Open();

        store.Import(AdvisoryRecords.Directory, null, CancellationToken.None).Imported.ShouldBe(6);
    }

    [Theory]
    [InlineData("/data/pg", null, "/data/pg/advisories.db")]
    [InlineData("relative/pg", null, "/work/relative/pg/advisories.db")]
    [InlineData(null, "/xdg", "/xdg/packguard/advisories.db")]
    [InlineData(null, "relative-xdg", "/home/me/.local/share/packguard/advisories.db")]
    [InlineData(null, null, "/home/me/.local/share/packguard/advisories.db")]
    [InlineData("", "", "/home/me/.local/share/packguard/advisories.db")]
    public void The_default_path_follows_the_data_directory_variables(string? dataDir, string? xdg, string expected)
    {
        var variables = new Dictionary<string, string?> { ["PACKGUARD_DATA_DIR"] = dataDir, ["XDG_DATA_HOME"] = xdg };
        var environment = new SourceEnvironment("/work", "/home/me", name => variables.GetValueOrDefault(name));

        AdvisoryStore.DefaultPath(environment).ShouldBe(expected);
    }

    private AdvisoryStore Open() => AdvisoryStore.Open(StorePath, new FixedClock(Now));

    private AdvisoryStore Imported()
    {
        var store = Open();
        store.Import(AdvisoryRecords.Directory, null, CancellationToken.None);
        return store;
    }

    private AdvisoryImportResult ImportText(AdvisoryStore store, string json)
    {
        var path = Path.Combine(_root, "single", "record.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return store.Import(path, null, CancellationToken.None);
    }

    private SqliteConnection Connect()
    {
        SQLitePCL.Batteries.Init();
        var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private long SchemaVersion()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        return (long)command.ExecuteScalar()!;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class CancelAfter(CancellationTokenSource cancel, int records) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= records)
                cancel.Cancel();
        }
    }
}
