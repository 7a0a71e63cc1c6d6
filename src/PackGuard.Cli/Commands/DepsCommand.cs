using System.CommandLine;
using PackGuard.Dependencies.Audit;
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
        var options = new ReportOptions();
        var command = new Command("deps", "Audit what a project would install: lookalike (typosquat) names, internal names exposed to public registries (dependency confusion), lockfile entries fetched over http, from unexpected hosts, git or URLs, with missing or weak hashes or another package's URL, and packages that run install scripts.\nExit codes: 0 pass, 1 fail (a finding at or above --fail-on), 2 usage or configuration error, 3 a target could not be read or holds no lockfile.")
        {
            targets,
        };
        options.AddTo(command);
        command.SetAction((parse, ct) => Task.FromResult(Run(host, parse.GetValue(targets) ?? [], options.Read(parse))));
        return command;
    }

    private static int Run(CliHost host, string[] targets, ReportOptions.Values options)
    {
        PolicyConfig config;
        FailThreshold failOn;
        string? output;
        var workingDirectory = host.Environment.WorkingDirectory;
        try
        {
            config = CommandSetup.LoadPolicy(host, options.ConfigPath);
            failOn = options.FailOn ?? config.FailOn ?? FailThreshold.Default;
            output = options.OutputPath is { } o ? OutputFile.Validate(o, targets, workingDirectory) : null;
        }
        catch (ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }

        var audit = new DependencyAudit(config.Dependencies, TyposquatDetector.Default);
        var reports = new List<ScanReport>();
        var unreadable = 0;
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
                var result = config.Apply(audit.Audit(target, files, size));
                reports.Add(VerdictPolicy.Evaluate(result, failOn));
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
        if (unreadable > 0)
            return ExitCodes.Unreadable;
        return reports.Any(r => r.Verdict == Verdict.Fail) ? ExitCodes.Fail : ExitCodes.Pass;
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
