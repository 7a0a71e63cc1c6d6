using System.CommandLine;
using PackGuard.Artifacts;
using PackGuard.Cli.Reports;
using PackGuard.Cli.Terminal;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Sources;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard scan &lt;target&gt;...</c>: a thin adapter. It parses options, then hands each
/// target to the core pipeline (resolve → scan → policy → verdict) and the chosen report writer.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliHost host)
    {
        var targets = new Argument<string[]>("target")
        {
            Description = "What to scan: a file (.tgz, .nupkg, .whl, .zip, .jar, ...), a directory, npm:<name>[@<version|tag|range>], nuget:<id>[@<version>], or a package URL (pkg:npm/..., pkg:nuget/...).",
            Arity = ArgumentArity.OneOrMore,
        };
        var allowIncomplete = new Option<bool>("--allow-incomplete")
        {
            Description = "When a time budget (limits.maxEntryTime, limits.maxScanTime) stops a scan early, judge it by its findings instead of exiting 3.",
        };
        var options = new ReportOptions();
        var command = new Command("scan", "Scan packages for what they would reveal: source maps that carry original source, secrets and credentials, unsafe archive entries, archive bombs.\nExit codes: 0 pass, 1 fail (a finding at or above --fail-on), 2 usage or configuration error, 3 a target could not be read or its scan ran out of time.")
        {
            targets,
        };
        options.AddTo(command);
        command.Add(allowIncomplete);
        var ledger = LedgerCommand.LedgerOption();
        command.Add(ledger);
        command.SetAction((parse, ct) => RunAsync(host, parse.GetValue(targets) ?? [], options.Read(parse), parse.GetValue(allowIncomplete), parse.GetValue(ledger), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, string[] rawTargets, ReportOptions.Values options, bool allowIncomplete, string? ledgerLocation, CancellationToken ct)
    {
        TargetSpec[] specs;
        PolicyEvaluator policy;
        PolicyConfig config;
        FailThreshold failOn;
        string? output;
        try
        {
            specs = [.. rawTargets.Select(TargetSpecParser.Parse)];
            // Relative paths are relative to the host's working directory, as local targets are.
            var workingDirectory = host.Environment.WorkingDirectory;
            policy = CommandSetup.LoadEvaluator(host, options);
            config = policy.Config;
            failOn = options.FailOn ?? config.FailOn ?? FailThreshold.Default;
            output = options.OutputPath is { } o
                ? OutputFile.Validate(o, specs.Where(s => s.Kind == TargetKind.Local).Select(s => s.Name), workingDirectory)
                : null;
        }
        catch (Exception e) when (e is InvalidTargetSpecException or ConfigurationException)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }

        LedgerSetup ledger;
        try
        {
            ledger = LedgerSetup.Open(host, Ledger.LedgerControl.Scan, ledgerLocation, config.Ledger);
        }
        catch (Ledger.LedgerException e)
        {
            return Fail(host, $"ledger: {e.Message}", ExitCodes.Unreadable);
        }
        using var _ = ledger;
        var (reports, unreadable, usageError) = await ScanAllAsync(host, specs, policy, failOn, ct, ledger);
        if (usageError is not null)
            return Fail(host, usageError, ExitCodes.Usage);

        if (reports.Count > 0)
        {
            try
            {
                Write(host, reports, options.Format, output, unreadable, severalTargets: specs.Length > 1);
            }
            catch (ConfigurationException e)
            {
                return Fail(host, e.Message, ExitCodes.Usage);
            }
        }
        // A partial scan never passes silently: it exits as an unreadable target does, unless asked.
        var incomplete = reports.Where(r => r.Result.Incomplete).ToList();
        if (!allowIncomplete)
        {
            foreach (var report in incomplete)
                host.Error.WriteLine($"packguard: {report.Result.Target.Spec}: scan incomplete: a time budget ran out before everything was inspected (scan/incomplete in the report); exiting 3. Raise limits.maxEntryTime or limits.maxScanTime, or pass --allow-incomplete to judge it by its findings.");
        }
        if (unreadable > 0 || (incomplete.Count > 0 && !allowIncomplete))
            return ExitCodes.Unreadable;
        return reports.Any(r => r.Verdict == Verdict.Fail) ? ExitCodes.Fail : ExitCodes.Pass;
    }

    /// <summary>The scan pipeline for each target: resolve, scan, apply the policy, decide the verdict. <c>baseline create</c> runs it too.</summary>
    /// <returns>The reports of the targets that could be read, how many could not (their errors went to standard error), and the message of a source configuration error that stops the run.</returns>
    /// <remarks>With a <c>ledger</c>, each run is recorded and leaked credentials are looked up in it; without one (<c>baseline create</c>) nothing is recorded.</remarks>
    internal static async Task<(List<ScanReport> Reports, int Unreadable, string? UsageError)> ScanAllAsync(
        CliHost host, IReadOnlyList<TargetSpec> specs, PolicyEvaluator policy, FailThreshold failOn, CancellationToken ct, LedgerSetup? ledger = null)
    {
        var reports = new List<ScanReport>();
        var unreadable = 0;
        using var http = host.CreateHttpClient();
        var resolver = new TargetResolver(http, host.Environment, DownloadCache.FromEnvironment(host.Environment));
        var scanner = CommandSetup.CreateScanner(host, policy.Config);
        foreach (var spec in specs)
        {
            var progress = host.ErrorIsTerminal ? new ProgressBar(host.Error) : null;
            try
            {
                var resolved = await resolver.ResolveAsync(spec, progress, ct);
                var large = progress is not null && !resolved.IsDirectory && new FileInfo(resolved.LocalPath).Length >= ProgressBar.ScanBarThreshold;
                var scanned = scanner.Scan(resolved, large ? progress!.ForScan(spec.Raw) : null, ct);
                progress?.Clear();
                // Before the verdict, so policy settings and suppressions apply to credential/not-rotated too.
                var report = policy.Evaluate(ledger?.CheckCredentials(scanned) ?? scanned, failOn);
                ledger?.Record(report);
                reports.Add(report);
            }
            catch (Exception e) when (e is TargetUnavailableException or ArtifactUnreadableException)
            {
                progress?.Clear();
                host.Error.WriteLine($"packguard: {spec.Raw}: {e.Message}");
                unreadable++;
            }
            catch (SourceConfigurationException e)
            {
                progress?.Clear();
                return (reports, unreadable, e.Message);
            }
        }
        return (reports, unreadable, null);
    }

    internal static void Write(CliHost host, IReadOnlyList<ScanReport> reports, string format, string? output, int unreadable, bool severalTargets)
    {
        if (format == "text")
        {
            if (output is null)
            {
                new TextReportWriter(host.Out, host.Width).Write(reports, unreadable);
                return;
            }
            OutputFile.Write(output, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                new TextReportWriter(CliHost.PlainConsole(writer), host.Width).Write(reports, unreadable);
            });
            return;
        }
        IReportWriter writer = format == "sarif"
            ? new SarifReportWriter(host.Catalog)
            : new JsonReportWriter { AlwaysArray = severalTargets };
        if (output is null)
        {
            writer.Write(reports, host.StandardOutput);
            host.StandardOutput.Flush();
        }
        else
        {
            OutputFile.Write(output, stream => writer.Write(reports, stream));
        }
    }

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
