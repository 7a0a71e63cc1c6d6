using System.CommandLine;
using PackGuard.Artifacts;
using PackGuard.Cli.Reports;
using PackGuard.Cli.Terminal;
using PackGuard.Diff;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Scanning;
using PackGuard.Sources;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard diff &lt;old&gt; &lt;new&gt;</c>: a thin adapter. It resolves and scans both targets as
/// <c>scan</c> does, hands the two results to <see cref="PackageDiff"/>, applies the policy to the
/// diff findings and writes one report: the new target's, with the old one as <c>against</c>.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliHost host)
    {
        var oldTarget = new Argument<string>("old-target")
        {
            Description = "The version to compare against (the last release): a file, a directory, npm:<name>@<version>, nuget:<id>@<version> or a package URL.",
        };
        var newTarget = new Argument<string>("new-target")
        {
            Description = "The version to judge (the release candidate), in the same forms.",
        };
        var allowIncomplete = new Option<bool>("--allow-incomplete")
        {
            Description = "When a time budget stops either scan early, judge the diff by its findings instead of exiting 3.",
        };
        var options = new ReportOptions();
        var command = new Command("diff", "Compare two versions of a package: files added, removed and changed, size, new kinds of file, install scripts, dependencies, network endpoints, dangerous APIs, obfuscation, and scan findings new in the second.\nExit codes: 0 pass, 1 fail (a diff finding at or above --fail-on), 2 usage or configuration error, 3 a target could not be read or its scan ran out of time.")
        {
            oldTarget,
            newTarget,
        };
        options.AddTo(command);
        command.Add(allowIncomplete);
        command.SetAction((parse, ct) => RunAsync(host, parse.GetValue(oldTarget)!, parse.GetValue(newTarget)!, options.Read(parse), parse.GetValue(allowIncomplete), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, string rawOld, string rawNew, ReportOptions.Values options, bool allowIncomplete, CancellationToken ct)
    {
        TargetSpec[] specs;
        PolicyEvaluator policy;
        PolicyConfig config;
        FailThreshold failOn;
        string? output;
        try
        {
            specs = [TargetSpecParser.Parse(rawOld), TargetSpecParser.Parse(rawNew)];
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

        using var http = host.CreateHttpClient();
        var resolver = new TargetResolver(http, host.Environment, DownloadCache.FromEnvironment(host.Environment));
        var scanner = CommandSetup.CreateScanner(host, config);
        var scans = new List<ScanResult>();
        foreach (var spec in specs)
        {
            var progress = host.ErrorIsTerminal ? new ProgressBar(host.Error) : null;
            try
            {
                var resolved = await resolver.ResolveAsync(spec, progress, ct);
                var large = progress is not null && !resolved.IsDirectory && new FileInfo(resolved.LocalPath).Length >= ProgressBar.ScanBarThreshold;
                var scanned = scanner.Scan(resolved, large ? progress!.ForScan(spec.Raw) : null, ct);
                progress?.Clear();
                // Disabled rules and severity overrides apply before the comparison, so that a
                // finding the policy drops never comes back as diff/new-finding.
                scans.Add(policy.Prepare(scanned));
            }
            catch (Exception e) when (e is TargetUnavailableException or ArtifactUnreadableException)
            {
                progress?.Clear();
                host.Error.WriteLine($"packguard: {spec.Raw}: {e.Message}");
            }
            catch (SourceConfigurationException e)
            {
                progress?.Clear();
                return Fail(host, e.Message, ExitCodes.Usage);
            }
        }
        if (scans.Count < 2)
            return ExitCodes.Unreadable; // nothing to compare; the error said which target

        var report = policy.Evaluate(PackageDiff.Compare(scans[0], scans[1]), failOn);
        try
        {
            Write(host, report, options.Format, output);
        }
        catch (ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }
        if (report.Result.Incomplete && !allowIncomplete)
        {
            host.Error.WriteLine("packguard: diff incomplete: a time budget ran out before everything was inspected (scan/incomplete); exiting 3. Raise limits.maxEntryTime or limits.maxScanTime, or pass --allow-incomplete to judge it by its findings.");
            return ExitCodes.Unreadable;
        }
        return report.Verdict == Verdict.Fail ? ExitCodes.Fail : ExitCodes.Pass;
    }

    private static void Write(CliHost host, ScanReport report, string format, string? output)
    {
        if (format == "text")
        {
            if (output is null)
            {
                new TextReportWriter(host.Out, host.Width).Write([report]);
                return;
            }
            OutputFile.Write(output, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                new TextReportWriter(CliHost.PlainConsole(writer), host.Width).Write([report]);
            });
            return;
        }
        IReportWriter writer = format == "sarif" ? new SarifReportWriter(host.Catalog) : new JsonReportWriter();
        if (output is null)
        {
            writer.Write([report], host.StandardOutput);
            host.StandardOutput.Flush();
        }
        else
        {
            OutputFile.Write(output, stream => writer.Write([report], stream));
        }
    }

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
