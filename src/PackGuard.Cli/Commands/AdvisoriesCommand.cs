using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PackGuard.Dependencies.Advisories;
using Spectre.Console;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard advisories import &lt;directory-or-zip&gt;</c> and <c>packguard advisories status</c>:
/// a thin adapter over <see cref="AdvisoryStore"/>, the local store of OSV advisories that
/// <c>packguard deps</c> matches dependencies against.
/// </summary>
internal static class AdvisoriesCommand
{
    private const int ShownProblems = 20;

    public static Command Create(CliHost host)
    {
        var source = new Argument<string>("directory-or-zip")
        {
            Description = "OSV records: a directory walked for *.json (a checkout of ossf/malicious-packages, or its osv/ folder), a zip of them (the OSV bucket's <ecosystem>/all.zip), or one record.",
        };
        var importStore = StoreOption();
        var import = new Command("import", "Import OSV records of npm, PyPI and NuGet packages into the advisory store, in one transaction; a record already stored is replaced by a newer copy.\nExit codes: 0 imported (bad files are listed), 2 usage error, 3 the records or the store cannot be read or written.")
        {
            source,
            importStore,
        };
        import.SetAction((parse, ct) => Task.FromResult(Import(host, parse.GetValue(source)!, parse.GetValue(importStore), ct)));

        var statusStore = StoreOption();
        var status = new Command("status", "Show what the advisory store holds and when it was last imported into.\nExit codes: 0, 2 usage error, 3 the store cannot be read.")
        {
            statusStore,
        };
        status.SetAction(parse => Status(host, parse.GetValue(statusStore)));

        return new Command("advisories", "Manage the local store of OSV advisories (known-malicious package versions) that dependency audits match against.")
        {
            import,
            status,
        };
    }

    private static Option<string?> StoreOption() => new("--store")
    {
        Description = "The advisory store file. Default: advisories.db in $PACKGUARD_DATA_DIR, else $XDG_DATA_HOME/packguard, else ~/.local/share/packguard.",
        HelpName = "FILE",
    };

    private static int Import(CliHost host, string rawSource, string? storeOption, CancellationToken ct)
    {
        var source = Path.GetFullPath(rawSource, host.Environment.WorkingDirectory);
        var storePath = StorePath(host, storeOption);
        AdvisoryImportResult result;
        AdvisoryStoreStatus status;
        var progress = host.ErrorIsTerminal ? new RecordProgress(host.Error) : null;
        try
        {
            using var store = AdvisoryStore.Open(storePath, host.Clock);
            result = store.Import(source, progress, ct);
            status = store.Status();
        }
        catch (Exception e) when (e is AdvisorySourceException or AdvisoryStoreException)
        {
            progress?.Clear();
            host.Error.WriteLine($"packguard: {e.Message}");
            return ExitCodes.Unreadable;
        }
        progress?.Clear();

        var seconds = result.Elapsed.TotalSeconds;
        var rate = seconds >= 0.001 ? string.Create(CultureInfo.InvariantCulture, $", {result.Read / seconds:N0} records/s") : "";
        var console = host.Out;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Imported {source} into {storePath} in {seconds:0.00} s{rate}.")));
        Count(console, "records read", result.Read);
        Count(console, "new", result.Imported);
        Count(console, "updated", result.Updated);
        Count(console, "unchanged", result.Unchanged);
        Count(console, "withdrawn", result.Withdrawn);
        Count(console, "other ecosystems", result.Skipped);
        Count(console, "placeholders gone", result.Removed);
        Count(console, "bad files", result.BadFiles);
        if (result.BadFiles > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Bad files[/] (not read; the rest was imported):");
            foreach (var problem in result.Problems.Take(ShownProblems))
                console.MarkupLine(Markup.Escape($"  {problem.File}: {problem.Reason}"));
            if (result.BadFiles > ShownProblems)
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  ... and {result.BadFiles - ShownProblems:N0} more")));
        }
        console.WriteLine();
        console.MarkupLine(Markup.Escape(Holds(status)));
        return ExitCodes.Pass;
    }

    private static int Status(CliHost host, string? storeOption)
    {
        var storePath = StorePath(host, storeOption);
        AdvisoryStoreStatus status;
        try
        {
            using var store = AdvisoryStore.Open(storePath, host.Clock);
            status = store.Status();
        }
        catch (AdvisoryStoreException e)
        {
            host.Error.WriteLine($"packguard: {e.Message}");
            return ExitCodes.Unreadable;
        }
        var console = host.Out;
        console.MarkupLine(Markup.Escape($"Advisory store: {status.Path}"));
        if (!status.Exists)
        {
            console.MarkupLine("Empty: nothing has been imported yet. Import OSV records with `packguard advisories import <directory-or-zip>`.");
            return ExitCodes.Pass;
        }
        Count(console, "advisories", status.Records);
        Count(console, "malicious", status.Malicious);
        foreach (var (ecosystem, records) in status.RecordsByEcosystem)
            Count(console, ecosystem, records);
        Count(console, "withdrawn", status.Withdrawn);
        if (status.LastImport is { } last)
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  {"last import",-18}{last.UtcDateTime:yyyy-MM-dd HH:mm} UTC from {status.LastImportSource}")));
        return ExitCodes.Pass;
    }

    private static string StorePath(CliHost host, string? storeOption) =>
        storeOption is { } path ? Path.GetFullPath(path, host.Environment.WorkingDirectory) : AdvisoryStore.DefaultPath(host.Environment);

    private static void Count(IAnsiConsole console, string label, int value) =>
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  {label,-18}{value,9:N0}")));

    private static string Holds(AdvisoryStoreStatus status)
    {
        var byEcosystem = string.Join(", ", status.RecordsByEcosystem.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value:N0}")));
        return string.Create(CultureInfo.InvariantCulture, $"The store holds {status.Records:N0} advisories ({status.Malicious:N0} malicious)") + (byEcosystem.Length > 0 ? $": {byEcosystem}." : ".");
    }

    /// <summary>A count of records read on standard error, redrawn at most ten times a second; only on a terminal.</summary>
    private sealed class RecordProgress(TextWriter error) : IProgress<int>
    {
        private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
        private bool _drawn;

        public void Report(int value)
        {
            if (_drawn && _sinceDraw.ElapsedMilliseconds < 100)
                return;
            _sinceDraw.Restart();
            _drawn = true;
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\rImporting advisories: {value:N0} records\u001b[K"));
            error.Flush();
        }

        public void Clear()
        {
            if (!_drawn)
                return;
            error.Write("\r\u001b[K");
            error.Flush();
        }
    }
}
