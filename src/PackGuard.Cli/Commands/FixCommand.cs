using System.CommandLine;
using PackGuard.Artifacts;
using PackGuard.Cli.Reports;
using PackGuard.Fix;
using PackGuard.Fix.Building;
using PackGuard.Policy;
using PackGuard.Sources;

namespace PackGuard.Cli.Commands;

/// <summary>
/// <c>packguard fix &lt;package-directory&gt;</c>: a thin adapter. It builds the package the way
/// its ecosystem publishes it (<see cref="PackageBuilder"/>) or takes <c>--artifact</c>, scans it,
/// asks <see cref="FixPlanner"/> for the smallest change to the directory's build files, prints
/// it as a unified diff (<see cref="FixTextWriter"/>, <see cref="FixJsonWriter"/>), and writes it
/// only with <c>--write</c> (<see cref="FixApplier"/>).
/// </summary>
internal static class FixCommand
{
    public static Command Create(CliHost host)
    {
        var directory = new Argument<string>("package-directory")
        {
            Description = "The package's source directory: the one with package.json, the .csproj (or Directory.Build.props), or pyproject.toml/setup.py.",
        };
        var write = new Option<bool>("--write") { Description = "Apply the change to the files (atomically; refused when a file changed since the diff was computed). Without it nothing is changed." };
        var artifact = new Option<string?>("--artifact") { Description = "Scan this built package (.tgz, .nupkg, .whl, sdist) instead of building one. Required for Python; for .NET unless --build.", HelpName = "FILE" };
        var build = new Option<bool>("--build") { Description = "Run the package's own build: npm pack with its prepack/prepare scripts (by default they are skipped with --ignore-scripts), or dotnet pack for .NET (slow)." };
        var format = new Option<string>("--format", "-f") { Description = "Output: text for people (the diff last), json for machines.", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config", "-c") { Description = "Policy file (JSON): rules it disables or suppresses are not fixed. See docs/configuration.md.", HelpName = "FILE" };
        var command = new Command("fix", "Propose the smallest change to a package's own build files (package.json \"files\", .npmignore, bundler source-map options, MSBuild properties, MANIFEST.in) that keeps its findings out of the published package, as a unified diff. The automation proposes; a person approves: nothing is changed without --write.\nExit codes: 0 no change needed, 1 a change is proposed (or still needed after --write), 2 usage error, 3 the package cannot be built or read.")
        {
            directory,
        };
        command.Add(write);
        command.Add(artifact);
        command.Add(build);
        command.Add(format);
        command.Add(config);
        command.SetAction((parse, ct) => RunAsync(host, new Request(parse.GetValue(directory)!, parse.GetValue(write), parse.GetValue(artifact), parse.GetValue(build), parse.GetValue(format) ?? "text", parse.GetValue(config)), ct));
        return command;
    }

    private sealed record Request(string Directory, bool Write, string? Artifact, bool Build, string Format, string? ConfigPath);

    private static async Task<int> RunAsync(CliHost host, Request request, CancellationToken ct)
    {
        var directory = Path.GetFullPath(request.Directory, host.Environment.WorkingDirectory);
        if (!Directory.Exists(directory))
            return Fail(host, $"fix: {request.Directory} is not a directory.", ExitCodes.Unreadable);
        var ecosystem = FixEcosystem.Detect(directory);
        if (ecosystem is null)
            return Fail(host, $"fix: {request.Directory} has no package.json, .NET project file, pyproject.toml, setup.py or setup.cfg.", ExitCodes.Usage);
        if (request.Artifact is null && ecosystem == "pypi")
            return Fail(host, "fix: a Python package is not built by PackGuard (no builder is assumed); build it and pass the wheel or sdist with --artifact.", ExitCodes.Usage);
        if (request.Artifact is null && ecosystem == "nuget" && !request.Build)
            return Fail(host, "fix: building a .NET package is slow, so PackGuard builds it only when asked: pass --build (dotnet pack) or --artifact <file.nupkg>.", ExitCodes.Usage);

        PolicyConfig policy;
        try
        {
            policy = CommandSetup.LoadPolicy(host, request.ConfigPath);
        }
        catch (ConfigurationException e)
        {
            return Fail(host, e.Message, ExitCodes.Usage);
        }

        BuiltPackage? built = null;
        try
        {
            string artifactPath;
            if (request.Artifact is { } given)
            {
                artifactPath = Path.GetFullPath(given, host.Environment.WorkingDirectory);
                if (!File.Exists(artifactPath))
                    return Fail(host, $"fix: --artifact {given}: no such file.", ExitCodes.Unreadable);
            }
            else
            {
                var builder = new PackageBuilder(host.Tools);
                built = ecosystem == "npm"
                    ? await builder.PackNpmAsync(directory, request.Build, ct)
                    : await builder.PackDotNetAsync(directory, ct);
                artifactPath = built.Artifact;
            }

            var scanner = CommandSetup.CreateScanner(host, policy);
            var spec = TargetSpecParser.Parse(artifactPath);
            var scan = policy.Apply(scanner.Scan(new ResolvedTarget(spec, artifactPath, IsDirectory: false), ct));
            var plan = new FixPlanner(host.Catalog).Plan(directory, ecosystem, scan) with
            {
                Ran = built is null ? [] : [built.Command],
                ArtifactDescription = built is null ? request.Artifact : $"built with {built.Command}{(ecosystem == "npm" && !request.Build ? " (the package's prepack and prepare scripts did not run; --build runs them)" : "")}",
            };

            var written = false;
            if (request.Write && plan.Changes.Count > 0)
            {
                FixApplier.Apply(directory, plan.Changes);
                written = true;
            }
            var output = new FixOutput(plan, scan, request.Directory, written);
            if (request.Format == "json")
            {
                FixJsonWriter.Write(output, host.StandardOutput);
                host.StandardOutput.Flush();
            }
            else
            {
                FixTextWriter.Write(output, host.OutWriter, host.Width);
                host.OutWriter.Flush();
            }
            if (!plan.ChangeNeeded)
                return ExitCodes.Pass;
            return written && plan.Items.All(i => i.Automatic) ? ExitCodes.Pass : ExitCodes.Fail;
        }
        catch (PackageBuildException e)
        {
            return Fail(host, $"fix: cannot build the package: {e.Message}", ExitCodes.Unreadable);
        }
        catch (Exception e) when (e is ArtifactUnreadableException or InvalidTargetSpecException or TargetUnavailableException)
        {
            return Fail(host, $"fix: cannot read the package: {e.Message}", ExitCodes.Unreadable);
        }
        catch (FixInputException e)
        {
            return Fail(host, $"fix: {e.Message}", ExitCodes.Unreadable);
        }
        catch (FixConflictException e)
        {
            return Fail(host, $"fix: {e.Message}", ExitCodes.Unreadable);
        }
        catch (IOException e)
        {
            return Fail(host, $"fix: cannot write the change: {e.Message}", ExitCodes.Unreadable);
        }
        finally
        {
            built?.Dispose();
        }
    }

    private static int Fail(CliHost host, string message, int code)
    {
        host.Error.WriteLine($"packguard: {message}");
        return code;
    }
}
