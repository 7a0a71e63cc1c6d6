using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PackGuard.Ledger;
using PackGuard.Ledger.Export;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard ledger stats | list | export | rotated</c>: a thin adapter over <see cref="ILedger"/>,
/// the record of every scan, gate and deps run and of the near misses among them.
/// </summary>
internal static class LedgerCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create(CliHost host)
    {
        var statsLedger = LedgerOption();
        var statsFormat = FormatOption("text", "json");
        var stats = new Command("stats", "Count runs and near misses by control, context, ecosystem and rule family, the rules that caught most, and leaked credentials against rotations.\nExit codes: 0, 2 usage error, 3 the ledger cannot be read.")
        {
            statsLedger, statsFormat,
        };
        stats.SetAction(parse => Run(host, parse.GetValue(statsLedger), ledger => Stats(host, ledger, parse.GetValue(statsFormat)!)));

        var listLedger = LedgerOption();
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first. Default 20.", DefaultValueFactory = _ => 20 };
        var nearMisses = new Option<bool>("--near-misses") { Description = "Only runs whose verdict failed." };
        var listFormat = FormatOption("text", "json");
        var list = new Command("list", "List recorded runs, newest first: time, control, context, verdict, target and the rules that fired.\nExit codes: 0, 2 usage error, 3 the ledger cannot be read.")
        {
            listLedger, limit, nearMisses, listFormat,
        };
        list.SetAction(parse => parse.GetValue(limit) < 1
            ? Fail(host, "ledger list: --limit must be at least 1.", ExitCodes.Usage)
            : Run(host, parse.GetValue(listLedger), ledger => List(host, ledger, parse.GetValue(limit), parse.GetValue(nearMisses), parse.GetValue(listFormat)!)));

        var exportLedger = LedgerOption();
        var anonymized = new Option<bool>("--anonymized") { Description = "Required: write de-identified near-miss counts (no names, versions, paths, hosts, users or fingerprints; months only; buckets of at least 5)." };
        var exportFormat = FormatOption("json", "stix");
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output (replaced atomically).", HelpName = "FILE" };
        var export = new Command("export", "Export the near misses for sharing, de-identified (--anonymized): a documented JSON or a STIX 2.1 bundle (docs/ledger.md).\nExit codes: 0, 2 usage error, 3 the ledger cannot be read.")
        {
            exportLedger, anonymized, exportFormat, output,
        };
        export.SetAction(parse => parse.GetValue(anonymized)
            ? Run(host, parse.GetValue(exportLedger), ledger => Export(host, ledger, parse.GetValue(exportFormat)!, parse.GetValue(output)))
            : Fail(host, "ledger export: only de-identified exports exist; pass --anonymized (docs/ledger.md says what it holds).", ExitCodes.Usage));

        var fingerprint = new Argument<string>("fingerprint") { Description = "The credential's secretFingerprint, as reports and credential/not-rotated findings show it." };
        var by = new Option<string>("--by") { Description = "Who rotated it.", Required = true };
        var rotatedLedger = LedgerOption();
        var rotated = new Command("rotated", "Record that a leaked credential was revoked and replaced, so that credential/not-rotated stops reporting it.\nExit codes: 0, 2 usage error or a fingerprint the ledger never saw, 3 the ledger cannot be written.")
        {
            fingerprint, by, rotatedLedger,
        };
        rotated.SetAction(parse => Run(host, parse.GetValue(rotatedLedger), ledger => Rotated(host, ledger, parse.GetValue(fingerprint)!, parse.GetValue(by)!)));

        return new Command("ledger", "The ledger of scan, gate and deps runs: near misses (blocked verdicts), what caught them, and leaked credentials until they are rotated.")
        {
            stats, list, export, rotated,
        };
    }

    /// <summary>The <c>--ledger</c> option every command that records or reads the ledger has.</summary>
    public static Option<string?> LedgerOption() => new("--ledger")
    {
        Description = "The ledger: a PostgreSQL URL (postgres://user@host/db), an SQLite file, or off. Default: $PACKGUARD_LEDGER, else ledger.db in $PACKGUARD_DATA_DIR, $XDG_DATA_HOME/packguard or ~/.local/share/packguard.",
        HelpName = "URL|FILE|off",
    };

    private static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format", "-f") { Description = $"Output format: {string.Join(" or ", formats)}.", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static int Run(CliHost host, string? location, Func<ILedger, int> action)
    {
        string? configured;
        try
        {
            // The same ledger the runs were recorded in: a team's packguard.json may name it.
            configured = CommandSetup.LoadPolicy(host, null).Ledger;
        }
        catch (Policy.ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }
        var named = LedgerSetup.Named(host, location, configured);
        if (string.Equals(named, "off", StringComparison.OrdinalIgnoreCase))
            return Fail(host, "ledger: the ledger is off (--ledger or PACKGUARD_LEDGER); name one to read.", ExitCodes.Usage);
        try
        {
            var target = named is null ? LedgerStore.DefaultSqlitePath(host.Environment) : LedgerSetup.Target(host, named);
            using var ledger = LedgerStore.Open(target, host.Clock);
            return action(ledger);
        }
        catch (LedgerException e)
        {
            return Fail(host, $"ledger: {e.Message}", ExitCodes.Unreadable);
        }
    }

    private static int Stats(CliHost host, ILedger ledger, string format)
    {
        var stats = ledger.Stats();
        if (format == "json")
            return WriteJson(host, stats);
        var o = host.OutWriter;
        var span = stats.FirstRun is { } first && stats.LastRun is { } last ? $" from {Day(first)} to {Day(last)}" : "";
        o.WriteLine($"{Count(stats.Runs, "run")}{span}, {Count(stats.NearMisses, "near miss", "near misses")} (blocked verdicts).");
        o.WriteLine($"Credentials caught in blocked runs: {stats.CredentialsLeaked.ToString("N0", Invariant)}, rotated since: {stats.CredentialsRotated.ToString("N0", Invariant)}.");
        Breakdown(o, "By control", stats.ByControl);
        Breakdown(o, "By context", stats.ByContext);
        Breakdown(o, "By ecosystem", stats.ByEcosystem);
        Breakdown(o, "By rule family", stats.ByRuleFamily);
        Breakdown(o, "Rules that caught most", stats.TopRules);
        o.Flush();
        return ExitCodes.Pass;
    }

    private static void Breakdown(TextWriter o, string title, IReadOnlyList<LedgerCount> counts)
    {
        if (counts.Count == 0)
            return;
        o.WriteLine();
        o.WriteLine($"{title}:");
        var width = counts.Max(c => c.Key.Length);
        foreach (var count in counts)
            o.WriteLine($"  {count.Key.PadRight(width)}  {count.Runs.ToString("N0", Invariant),7} runs  {count.NearMisses.ToString("N0", Invariant),7} near misses");
    }

    private static int List(CliHost host, ILedger ledger, int limit, bool nearMissesOnly, string format)
    {
        var runs = ledger.List(limit, nearMissesOnly);
        if (format == "json")
            return WriteJson(host, runs);
        var o = host.OutWriter;
        if (runs.Count == 0)
            o.WriteLine(nearMissesOnly ? "No near miss recorded." : "No run recorded.");
        foreach (var run in runs)
        {
            var rules = run.Findings.Select(f => f.RuleId).Distinct().Take(4).ToList();
            var more = run.Findings.Select(f => f.RuleId).Distinct().Count() - rules.Count;
            var fired = rules.Count == 0 ? "no findings" : string.Join(", ", rules) + (more > 0 ? $" and {more} more" : "");
            o.WriteLine($"{run.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant)}  {run.Control.ToName(),-5} {run.Context.ToName(),-12} {run.Verdict.ToUpperInvariant(),-4}  {Reports.TextReportWriter.Visible(run.TargetSpec)}  ({fired})");
        }
        o.Flush();
        return ExitCodes.Pass;
    }

    private static int Export(CliHost host, ILedger ledger, string format, string? output)
    {
        var export = new NearMissExport(ledger.NearMisses(), host.Clock);
        void Write(Stream stream)
        {
            if (format == "stix")
                export.WriteStix(stream);
            else
                export.WriteJson(stream);
        }
        if (output is null)
        {
            Write(host.StandardOutput);
            host.StandardOutput.Flush();
            return ExitCodes.Pass;
        }
        try
        {
            OutputFile.Write(OutputFile.Validate(output, [], host.Environment.WorkingDirectory), Write);
        }
        catch (Policy.ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }
        return ExitCodes.Pass;
    }

    private static int Rotated(CliHost host, ILedger ledger, string fingerprint, string by)
    {
        if (string.IsNullOrWhiteSpace(by))
            return Fail(host, "ledger rotated: --by must name who rotated the credential.", ExitCodes.Usage);
        try
        {
            ledger.Rotated(fingerprint, by.Trim(), host.Clock.GetUtcNow());
        }
        // A fingerprint no run ever caught is the user's mistake (exit 2); a database failure is not (Run: exit 3).
        catch (LedgerException e) when (e.Message.Contains("no recorded run found a credential", StringComparison.Ordinal))
        {
            return Fail(host, $"ledger rotated: {e.Message}", ExitCodes.Usage);
        }
        host.OutWriter.WriteLine($"Recorded: credential {fingerprint} rotated by {by.Trim()} on {Day(host.Clock.GetUtcNow())}; credential/not-rotated no longer reports it.");
        host.OutWriter.Flush();
        return ExitCodes.Pass;
    }

    private static int WriteJson<T>(CliHost host, T value)
    {
        host.StandardOutput.Write(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions));
        host.StandardOutput.Write("\n"u8);
        host.StandardOutput.Flush();
        return ExitCodes.Pass;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    private static string Count(int count, string noun, string? plural = null) =>
        $"{count.ToString("N0", Invariant)} {(count == 1 ? noun : plural ?? noun + "s")}";

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
