using System.CommandLine;
using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Sources;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard baseline create &lt;target&gt;...</c>: a thin adapter. It runs the scan pipeline
/// (<see cref="ScanCommand.ScanAllAsync"/>) with the policy file, and writes the fingerprints of
/// the findings it reports to a baseline file (<see cref="BaselineFile"/>), which later
/// <c>--baseline</c> runs subtract.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(CliHost host)
    {
        var targets = new Argument<string[]>("target")
        {
            Description = "What to scan, in the forms scan takes: files, directories, npm:<name>@<version>, nuget:<id>@<version>, package URLs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The baseline file to write. Default: {BaselineFile.DefaultName}.",
            DefaultValueFactory = _ => BaselineFile.DefaultName,
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace the baseline file if it exists.",
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Policy file (JSON). Default: the nearest packguard.json from the working directory upward. Rule settings and excludes apply; findings an active suppression hides are not recorded.",
            HelpName = "FILE",
        };
        var allowIncomplete = new Option<bool>("--allow-incomplete")
        {
            Description = "When a time budget stops a scan early, record what was found instead of exiting 3.",
        };
        var create = new Command("create", "Scan the targets and record the fingerprints of today's findings (rule id, path, severity, date; never a secret's value) so that later runs with --baseline report only new ones.\nExit codes: 0 written, 2 usage or configuration error (or the file exists; --force replaces it), 3 a target could not be read or its scan ran out of time (nothing is written).")
        {
            targets,
            output,
            force,
            config,
            allowIncomplete,
        };
        create.SetAction((parse, ct) => RunAsync(host, new Request(parse.GetValue(targets) ?? [], parse.GetValue(output)!, parse.GetValue(force), parse.GetValue(config), parse.GetValue(allowIncomplete)), ct));
        return new Command("baseline", "Record today's findings so that later scans, diffs, gates and dependency audits (--baseline FILE) report only new ones.")
        {
            create,
        };
    }

    private sealed record Request(string[] Targets, string Output, bool Force, string? Config, bool AllowIncomplete);

    private static async Task<int> RunAsync(CliHost host, Request request, CancellationToken ct)
    {
        TargetSpec[] specs;
        PolicyEvaluator policy;
        string path;
        try
        {
            specs = [.. request.Targets.Select(TargetSpecParser.Parse)];
            policy = new PolicyEvaluator(CommandSetup.LoadPolicy(host, request.Config), null, CommandSetup.Today(host));
            path = OutputFile.Validate(request.Output, specs.Where(s => s.Kind == TargetKind.Local).Select(s => s.Name), host.Environment.WorkingDirectory);
            if (File.Exists(path) && !request.Force)
                return Fail(host, $"baseline {request.Output} already exists; pass --force to replace it", ExitCodes.Usage);
        }
        catch (Exception e) when (e is InvalidTargetSpecException or ConfigurationException)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }

        var (reports, unreadable, usageError) = await ScanCommand.ScanAllAsync(host, specs, policy, FailThreshold.None, ct);
        if (usageError is not null)
            return Fail(host, usageError, ExitCodes.Usage);
        // A baseline that silently lacks a target would make all of that target's findings "new" later, or hide a gap now.
        if (unreadable > 0)
            return Fail(host, $"baseline not written: {unreadable} of {specs.Length} targets could not be read (see above)", ExitCodes.Unreadable);
        var incomplete = reports.Where(r => r.Result.Incomplete).Select(r => r.Result.Target.Spec).ToList();
        if (incomplete.Count > 0 && !request.AllowIncomplete)
            return Fail(host, $"baseline not written: the scan of {string.Join(", ", incomplete)} ran out of time (raise limits.maxEntryTime or limits.maxScanTime, or pass --allow-incomplete to record what was found)", ExitCodes.Unreadable);

        var baseline = Baseline.From(reports, request.Targets, host.Clock.GetUtcNow());
        try
        {
            OutputFile.Write(path, stream => BaselineFile.Write(baseline, stream));
        }
        catch (ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }
        var counts = SeverityNames.MostSevereFirst
            .Select(s => (Severity: s, Count: baseline.Entries.Count(e => e.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Severity.ToName()}");
        var suppressed = reports.Sum(r => r.Policy.Suppressed.Count);
        host.OutWriter.WriteLine($"Wrote {request.Output}: {baseline.Entries.Count} finding{(baseline.Entries.Count == 1 ? "" : "s")} from {reports.Count} target{(reports.Count == 1 ? "" : "s")}{(baseline.Entries.Count > 0 ? $" ({string.Join(", ", counts)})" : "")}.");
        if (suppressed > 0)
            host.OutWriter.WriteLine($"{suppressed} finding{(suppressed == 1 ? " is" : "s are")} hidden by suppressions and not recorded: when a suppression expires, its findings are reported again.");
        host.OutWriter.Flush();
        return ExitCodes.Pass;
    }

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
