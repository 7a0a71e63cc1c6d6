using System.CommandLine;
using System.Text.Json.Nodes;
using PackGuard.Artifacts;
using PackGuard.Artifacts.Inventory;
using PackGuard.Cli.Reports;
using PackGuard.Cli.Terminal;
using PackGuard.Diff;
using PackGuard.Gate;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Scanning;
using PackGuard.Sources;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard gate &lt;target&gt;</c>: a thin adapter. For an npm target it reads the release
/// history from the registry (<see cref="ReleaseHistory"/>), scans the target, the previous release
/// (or <c>--against</c>) and up to <c>--history</c> earlier ones, diffs them with
/// <see cref="PackageDiff"/>, adds the registry signals of <see cref="GateSignals"/> and writes the
/// verdict sentence (<see cref="GateVerdict"/>) and the report.
/// </summary>
internal static class GateCommand
{
    public const int DefaultHistory = 10;

    public static Command Create(CliHost host)
    {
        var target = new Argument<string>("target")
        {
            Description = "The release to judge: npm:<name>@<version>, nuget:<id>@<version> or a package URL; with --against also a file or a directory.",
        };
        var against = new Option<string?>("--against")
        {
            Description = "The release to compare with; 'previous' (the default) is the highest earlier version in the registry (npm or NuGet). Required for files and directories.",
        };
        var history = new Option<int>("--history")
        {
            Description = "How many previous releases to compare kinds of file and publishers with. Default 10.",
            DefaultValueFactory = _ => DefaultHistory,
        };
        var cooldown = new Option<string?>("--cooldown")
        {
            Description = "A release younger than this is gate/too-new: 48h (the default), 90m, 3d.",
        };
        var allowIncomplete = new Option<bool>("--allow-incomplete")
        {
            Description = "When a time budget runs out (scan/incomplete), judge by the findings instead of exiting 3.",
        };
        var options = new ReportOptions();
        var command = new Command("gate", "Judge a release before it ships or is installed: its scan diffed against the previous release (and the kinds of file of up to --history earlier ones), plus registry signals (npm: new publisher, lost provenance, maintainers changed, too new; NuGet: new author signer, lost author signature, owners changed, too new). Prints a one-sentence verdict first.\nExit codes: 0 pass, 1 fail, 2 usage or configuration error, 3 a target could not be read or a scan ran out of time.")
        {
            target,
        };
        command.Add(against);
        command.Add(history);
        command.Add(cooldown);
        command.Add(allowIncomplete);
        var ledger = LedgerCommand.LedgerOption();
        command.Add(ledger);
        options.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(host, new Request(parse.GetValue(target)!, parse.GetValue(against), parse.GetValue(history), parse.GetValue(cooldown), parse.GetValue(allowIncomplete), options.Read(parse), parse.GetValue(ledger)), ct));
        return command;
    }

    private sealed record Request(string Target, string? Against, int History, string? Cooldown, bool AllowIncomplete, ReportOptions.Values Options, string? Ledger);

    private static async Task<int> RunAsync(CliHost host, Request request, CancellationToken ct)
    {
        TargetSpec spec;
        TargetSpec? againstSpec;
        PolicyEvaluator policy;
        PolicyConfig config;
        FailThreshold failOn;
        string? output;
        var cooldown = GateRules.DefaultCooldown;
        try
        {
            spec = TargetSpecParser.Parse(request.Target);
            againstSpec = request.Against is null || request.Against == "previous" ? null : TargetSpecParser.Parse(request.Against);
            if (againstSpec is null && spec.Kind is not (TargetKind.Npm or TargetKind.NuGet))
                return Fail(host, $"gate: {request.Target} is not a registry target, so PackGuard cannot find its previous release; name it with --against <target>.", ExitCodes.Usage);
            if (request.History < 1)
                return Fail(host, "gate: --history must be at least 1.", ExitCodes.Usage);
            if (request.Cooldown is { } c && !DurationText.TryParse(c, out cooldown))
                return Fail(host, $"gate: --cooldown '{c}' is not a duration (examples: 48h, 90m, 3d).", ExitCodes.Usage);
            var workingDirectory = host.Environment.WorkingDirectory;
            policy = CommandSetup.LoadEvaluator(host, request.Options);
            config = policy.Config;
            failOn = request.Options.FailOn ?? config.FailOn ?? FailThreshold.Default;
            // --cooldown wins over the config file's gate.cooldown, which wins over the default.
            if (request.Cooldown is null && config.GateCooldown is { } configured)
                cooldown = configured;
            output = request.Options.OutputPath is { } o
                ? OutputFile.Validate(o, new[] { spec, againstSpec }.OfType<TargetSpec>().Where(s => s.Kind == TargetKind.Local).Select(s => s.Name), workingDirectory)
                : null;
        }
        catch (Exception e) when (e is InvalidTargetSpecException or ConfigurationException)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }

        using var http = host.CreateHttpClient();
        var resolver = new TargetResolver(http, host.Environment, DownloadCache.FromEnvironment(host.Environment));
        var scanner = CommandSetup.CreateScanner(host, config);
        var current = spec.Raw;
        try
        {
            var candidate = await ScanAsync(host, resolver, scanner, policy, spec, ct);
            ReleaseHistory? releases = null;
            IReadOnlyList<Release> previous = [];
            if (spec.Kind is TargetKind.Npm or TargetKind.NuGet && candidate.Target.Version is { } version)
            {
                releases = await resolver.HistoryAsync(spec, ct);
                previous = releases.Previous(version, request.History);
            }

            if (againstSpec is null && candidate.Target.Version is null)
                return Fail(host, $"gate: cannot tell which version {request.Target} is (its manifest could not be read), so there is no previous release to find; name one with --against <target>.", ExitCodes.Usage);
            ScanResult old;
            var earlier = new List<ArtifactInventory>();
            if (againstSpec is not null)
            {
                current = againstSpec.Raw;
                old = await ScanAsync(host, resolver, scanner, policy, againstSpec, ct);
            }
            else
            {
                if (previous.Count == 0)
                    return Fail(host, $"gate: the registry lists no release of {spec.Name} before {candidate.Target.Version}; name one to compare with using --against <target>.", ExitCodes.Usage);
                var prefix = spec.Kind == TargetKind.NuGet ? "nuget" : "npm";
                var specs = previous.Select(p => spec with { Raw = $"{prefix}:{spec.Name}@{p.Version}", Version = p.Version }).ToList();
                current = specs[0].Raw;
                old = await ScanAsync(host, resolver, scanner, policy, specs[0], ct);
                foreach (var earlierSpec in specs.Skip(1))
                {
                    current = earlierSpec.Raw;
                    earlier.Add((await ScanAsync(host, resolver, scanner, policy, earlierSpec, ct)).Inventory!);
                }
            }

            // NuGet's signals live in each package's signature, so they are known only once the releases are scanned.
            if (releases is { Registry: ReleaseRegistry.NuGet })
                releases = releases.WithSignatures(new[] { candidate.Inventory, old.Inventory }.Concat(earlier).OfType<ArtifactInventory>().Select(i => i.Package));
            var diff = PackageDiff.Compare(old, candidate, earlier);
            var signals = releases is null || candidate.Target.Version is null ? []
                : GateSignals.Evaluate(releases, candidate.Target.Version, request.History, host.Clock.GetUtcNow(), cooldown);
            var combined = GateSignals.AddTo(diff, signals);
            using var ledger = LedgerSetup.Open(host, Ledger.LedgerControl.Gate, request.Ledger, config.Ledger);
            // A credential an earlier blocked run caught is reported whether or not it is new in this release.
            var notRotated = ledger.CheckCredentials(candidate).Findings.Where(f => f.RuleId == Ledger.CredentialRules.NotRotated.Id).ToList();
            if (notRotated.Count > 0)
                combined = combined with { Findings = Scanner.Order([.. combined.Findings, .. notRotated]) };
            var report = policy.Evaluate(combined, failOn);
            ledger.Record(report);
            var compared = againstSpec is null ? 1 + earlier.Count : 1;
            var sentence = GateVerdict.Sentence(report, candidate, compared);
            var gate = new JsonObject
            {
                ["verdict"] = sentence,
                ["against"] = old.Target.Version ?? old.Target.Spec,
                ["releasesCompared"] = new JsonArray([.. (againstSpec is null ? previous.Take(compared).Select(p => p.Version) : [old.Target.Version ?? old.Target.Spec]).Select(v => (JsonNode)v!)]),
                ["signals"] = new JsonArray([.. report.Result.Findings.Where(f => f.RuleId.StartsWith("gate/", StringComparison.Ordinal)).Select(f => (JsonNode)f.RuleId)]),
                ["cooldownHours"] = cooldown.TotalHours,
            };
            Write(host, report, sentence, gate, request.Options.Format, output);
            if (report.Result.Incomplete && !request.AllowIncomplete)
            {
                host.Error.WriteLine("packguard: gate incomplete: a time budget ran out before everything was inspected (scan/incomplete); exiting 3. Raise limits.maxEntryTime or limits.maxScanTime, or pass --allow-incomplete to judge it by its findings.");
                return ExitCodes.Unreadable;
            }
            return report.Verdict == Verdict.Fail ? ExitCodes.Fail : ExitCodes.Pass;
        }
        catch (Exception e) when (e is TargetUnavailableException or ArtifactUnreadableException)
        {
            host.Error.WriteLine($"packguard: {current}: {e.Message}");
            return ExitCodes.Unreadable;
        }
        catch (SourceConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }
        catch (Ledger.LedgerException e)
        {
            return Fail(host, $"ledger: {e.Message}", ExitCodes.Unreadable);
        }
        catch (ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }
    }

    private static async Task<ScanResult> ScanAsync(CliHost host, TargetResolver resolver, Scanner scanner, PolicyEvaluator policy, TargetSpec spec, CancellationToken ct)
    {
        var progress = host.ErrorIsTerminal ? new ProgressBar(host.Error) : null;
        try
        {
            var resolved = await resolver.ResolveAsync(spec, progress, ct);
            var large = progress is not null && !resolved.IsDirectory && new FileInfo(resolved.LocalPath).Length >= ProgressBar.ScanBarThreshold;
            var scanned = scanner.Scan(resolved, large ? progress!.ForScan(spec.Raw) : null, ct);
            // A scan cut short by its time budget may not have reached the manifest; the registry knows the version.
            if (scanned.Target.Version is null && resolved.ResolvedVersion is { } version)
                scanned = scanned with { Target = scanned.Target with { Version = version } };
            // As in diff: the policy applies before the comparison, so a dropped finding never returns as diff/new-finding.
            return policy.Prepare(scanned);
        }
        finally
        {
            progress?.Clear();
        }
    }

    private static void Write(CliHost host, ScanReport report, string sentence, JsonObject gate, string format, string? output)
    {
        if (format == "text")
        {
            if (output is null)
            {
                host.OutWriter.WriteLine(sentence);
                host.OutWriter.WriteLine();
                host.OutWriter.Flush();
                new TextReportWriter(host.Out, host.Width).Write([report]);
                return;
            }
            OutputFile.Write(output, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                writer.WriteLine(sentence);
                writer.WriteLine();
                new TextReportWriter(CliHost.PlainConsole(writer), host.Width).Write([report]);
            });
            return;
        }
        if (format == "sarif")
        {
            // The verdict sentence and what was compared travel in the run's property bag.
            var sarif = new SarifReportWriter(host.Catalog) { RunProperties = new JsonObject { ["gate"] = gate.DeepClone() } };
            if (output is null)
            {
                sarif.Write([report], host.StandardOutput);
                host.StandardOutput.Flush();
            }
            else
            {
                OutputFile.Write(output, stream => sarif.Write([report], stream));
            }
            return;
        }
        using var buffer = new MemoryStream();
        new JsonReportWriter().Write([report], buffer);
        var document = JsonNode.Parse(buffer.ToArray())!.AsObject();
        document["gate"] = gate;
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        if (output is null)
        {
            host.StandardOutput.Write(bytes);
            host.StandardOutput.Flush();
        }
        else
        {
            OutputFile.Write(output, stream => stream.Write(bytes));
        }
    }

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
