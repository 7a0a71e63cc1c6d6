using System.CommandLine;
using PackGuard.Cli.Terminal;
using PackGuard.Dependencies.Advisories;
using PackGuard.Dependencies.Audit;
using PackGuard.Dependencies.Online;
using PackGuard.Dependencies.Typosquatting;
using PackGuard.Policy;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard deps &lt;lockfile-or-directory&gt;...</c>: a thin adapter. Each target's lockfiles
/// and manifests are read (<see cref="ProjectFiles"/>), audited (<see cref="DependencyAudit"/>),
/// and the policy and verdict applied as for a scan; the report writers are the scan's.
/// </summary>
internal static class DepsCommand
{
    public static Command Create(CliHost host)
    {
        var targets = new Argument<string[]>("lockfile-or-directory")
        {
            Description = "A lockfile or manifest (package-lock.json, yarn.lock, pnpm-lock.yaml, packages.lock.json, *.csproj, packages.config, requirements.txt, poetry.lock, uv.lock), or a directory to search for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var online = new Option<bool>("--online")
        {
            Description = "Also ask the public registries (npm, NuGet, PyPI; package names only): whether internal names exist or are unclaimed there (dependency/confusion), and when each version was published (dependency/too-new).",
        };
        var cooldown = new Option<string?>("--cooldown")
        {
            Description = "With --online: a version younger than this is dependency/too-new: 48h (the default, or the policy's deps.cooldown), 90m, 3d.",
        };
        var allowIncomplete = new Option<bool>("--allow-incomplete")
        {
            Description = "With --online: when some registry look-ups fail, judge by what was checked instead of exiting 3.",
        };
        var advisories = new Option<string?>("--advisories")
        {
            Description = "The advisory store to match versions against (dependency/known-malicious; fill it with `packguard advisories import`). Default: advisories.db in $PACKGUARD_DATA_DIR, else $XDG_DATA_HOME/packguard, else ~/.local/share/packguard.",
            HelpName = "FILE",
        };
        var options = new ReportOptions();
        var command = new Command("deps", "Audit what a project would install: lookalike (typosquat) names, known-malicious versions (from the advisory store), internal names exposed to public registries (dependency confusion), lockfile entries fetched over http, from unexpected hosts, git or URLs, with missing or weak hashes or another package's URL, and packages that run install scripts.\nExit codes: 0 pass, 1 fail (a finding at or above --fail-on), 2 usage or configuration error, 3 a target could not be read or holds no lockfile, or (--online) registry look-ups failed.")
        {
            targets,
        };
        command.Add(online);
        command.Add(cooldown);
        command.Add(allowIncomplete);
        command.Add(advisories);
        var ledger = LedgerCommand.LedgerOption();
        command.Add(ledger);
        options.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(host, new Request(parse.GetValue(targets) ?? [], parse.GetValue(online), parse.GetValue(cooldown), parse.GetValue(allowIncomplete), parse.GetValue(advisories), options.Read(parse), parse.GetValue(ledger)), ct));
        return command;
    }

    private sealed record Request(string[] Targets, bool Online, string? Cooldown, bool AllowIncomplete, string? Advisories, ReportOptions.Values Options, string? Ledger);

    private static async Task<int> RunAsync(CliHost host, Request request, CancellationToken ct)
    {
        var targets = request.Targets;
        var options = request.Options;
        PolicyEvaluator policy;
        PolicyConfig config;
        FailThreshold failOn;
        string? output;
        var workingDirectory = host.Environment.WorkingDirectory;
        try
        {
            policy = CommandSetup.LoadEvaluator(host, options);
            config = policy.Config;
            failOn = options.FailOn ?? config.FailOn ?? FailThreshold.Default;
            if (request.Cooldown is { } c)
            {
                if (!DurationText.TryParse(c, out var parsed))
                    return Fail(host, $"deps: --cooldown '{c}' is not a duration (examples: 48h, 90m, 3d).", ExitCodes.Usage);
                config = config with { Dependencies = config.Dependencies with { Cooldown = parsed } };
            }
            output = options.OutputPath is { } o ? OutputFile.Validate(o, targets, workingDirectory) : null;
        }
        catch (ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }

        AdvisoryStore? store;
        try
        {
            store = OpenStore(host, request.Advisories);
        }
        catch (AdvisoryStoreException e)
        {
            return Fail(host, $"advisory store {e.Message}", ExitCodes.Unreadable);
        }
        using var _ = store;
        LedgerSetup ledger;
        try
        {
            ledger = LedgerSetup.Open(host, Ledger.LedgerControl.Deps, request.Ledger, config.Ledger);
        }
        catch (Ledger.LedgerException e)
        {
            return Fail(host, $"ledger: {e.Message}", ExitCodes.Unreadable);
        }
        using var __ = ledger;
        var status = store?.Status();
        var audit = new DependencyAudit(config.Dependencies, TyposquatDetector.Default)
        {
            Advisories = store is null ? null : store.Match,
            AdvisoryRecords = status?.Records,
            AdvisoriesMissing = store is null
                ? $"No advisory store at {AdvisoryStore.DefaultPath(host.Environment)}: known-malicious versions were not checked (packguard advisories import <OSV directory or zip>)."
                : null,
        };
        var reports = new List<ScanReport>();
        var unreadable = 0;
        var failedLookups = 0;
        using var http = request.Online ? host.CreateHttpClient() : null;
        var lookup = http is null ? null : new RegistryLookup(http, host.Environment, timeProvider: host.Clock);
        foreach (var target in targets)
        {
            var path = Path.GetFullPath(target, workingDirectory);
            try
            {
                var (files, size) = ProjectFiles.Read(path);
                if (files.Count == 0)
                {
                    host.Error.WriteLine($"packguard: {target}: no lockfile or manifest found (PackGuard reads {ProjectFiles.Supported}; node_modules, bin, obj and virtual environments are not searched)");
                    unreadable++;
                    continue;
                }
                var result = audit.Audit(target, files, size);
                if (lookup is not null)
                {
                    result = await AskRegistriesAsync(host, lookup, result, files, config.Dependencies, target, ct);
                    failedLookups += result.Dependencies?.FailedLookups ?? 0;
                }
                var report = policy.Evaluate(result, failOn);
                ledger.Record(report);
                reports.Add(report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                host.Error.WriteLine($"packguard: {target}: {Reason(e)}");
                unreadable++;
            }
        }

        if (reports.Count > 0)
        {
            try
            {
                ScanCommand.Write(host, reports, options.Format, output, unreadable, severalTargets: targets.Length > 1);
            }
            catch (ConfigurationException e)
            {
                return Fail(host, e.Message, ExitCodes.Usage);
            }
        }
        if (failedLookups > 0 && !request.AllowIncomplete)
        {
            host.Error.WriteLine($"packguard: deps incomplete: {failedLookups} registry look-up{(failedLookups == 1 ? "" : "s")} failed, so {(failedLookups == 1 ? "its package was" : "their packages were")} not checked online (the report's notes say which); exiting 3. Retry, or pass --allow-incomplete to judge by what was checked.");
            return ExitCodes.Unreadable;
        }
        if (unreadable > 0)
            return ExitCodes.Unreadable;
        return reports.Any(r => r.Verdict == Verdict.Fail) ? ExitCodes.Fail : ExitCodes.Pass;
    }

    /// <summary>
    /// The advisory store: the one --advisories names (which must exist), else the default one when
    /// it exists; <see langword="null"/> when there is none, which the report's notes say.
    /// </summary>
    private static AdvisoryStore? OpenStore(CliHost host, string? path)
    {
        if (path is not null)
        {
            var full = Path.GetFullPath(path, host.Environment.WorkingDirectory);
            if (!File.Exists(full))
                throw new AdvisoryStoreException($"{path}: no such file (create it with packguard advisories import <OSV directory or zip> --store {path})");
            return AdvisoryStore.Open(full, host.Clock);
        }
        var standard = AdvisoryStore.DefaultPath(host.Environment);
        return File.Exists(standard) ? AdvisoryStore.Open(standard, host.Clock) : null;
    }

    /// <summary>The --online checks of one target: every registry package asked about once, with a bar on a terminal.</summary>
    private static async Task<PackGuard.Scanning.ScanResult> AskRegistriesAsync(CliHost host, IRegistryLookup lookup, PackGuard.Scanning.ScanResult result,
        IReadOnlyList<PackGuard.Dependencies.Lockfile> files, DependencyPolicy policy, string target, CancellationToken ct)
    {
        var now = host.Clock.GetUtcNow();
        var bar = host.ErrorIsTerminal ? new ProgressBar(host.Error) : null;
        try
        {
            var answers = await RegistryLookups.LookupAllAsync(lookup, OnlineChecks.Plan(files), now - policy.Cooldown, bar?.ForLookups(target), ct);
            return OnlineChecks.AddTo(result, files, answers, policy, now);
        }
        finally
        {
            bar?.Clear();
        }
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
