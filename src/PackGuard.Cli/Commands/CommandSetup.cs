using PackGuard.Inspectors.Secrets;
using PackGuard.Policy;
using PackGuard.Scanning;

namespace PackGuard.Cli.Commands;

/// <summary>What <c>scan</c>, <c>diff</c>, <c>gate</c>, <c>deps</c> and <c>baseline</c> set up alike: the policy file, the baseline and the scanner.</summary>
internal static class CommandSetup
{
    /// <summary>
    /// The policy file named by <c>--config</c> (relative to the working directory); without it,
    /// the nearest <c>packguard.json</c> from the working directory upward (see
    /// <see cref="PolicyFileLocator"/>); else the defaults. Suppression expiries are judged by the host's clock.
    /// </summary>
    /// <exception cref="ConfigurationException">The file is missing or invalid.</exception>
    public static PolicyConfig LoadPolicy(CliHost host, string? configPath)
    {
        var workingDirectory = host.Environment.WorkingDirectory;
        var today = Today(host);
        if (configPath is { } path)
            return PolicyConfigLoader.Load(Path.GetFullPath(path, workingDirectory), host.Catalog, today) with { Source = path };
        if (PolicyFileLocator.Find(workingDirectory, host.Environment.HomeDirectory) is not { } found)
            return PolicyConfig.Default;
        return PolicyConfigLoader.Load(found, host.Catalog, today) with { Source = Path.GetRelativePath(workingDirectory, found) };
    }

    /// <summary>The policy (as <see cref="LoadPolicy"/>) and the <c>--baseline</c> file, ready to judge results.</summary>
    /// <exception cref="ConfigurationException">The policy or baseline file is missing or invalid.</exception>
    public static PolicyEvaluator LoadEvaluator(CliHost host, ReportOptions.Values options)
    {
        var config = LoadPolicy(host, options.ConfigPath);
        Baseline? baseline = null;
        if (options.BaselinePath is { } path)
        {
            try
            {
                baseline = BaselineFile.Read(Path.GetFullPath(path, host.Environment.WorkingDirectory), path);
            }
            catch (BaselineException e)
            {
                throw new ConfigurationException(e.Message);
            }
        }
        return new PolicyEvaluator(config, baseline, Today(host));
    }

    /// <summary>Today's date in UTC by the host's clock: the day suppressions are judged on.</summary>
    public static DateOnly Today(CliHost host) => DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A scanner with every inspector, the policy's limits and declarations (codenames) and the host's clock. Secret fingerprints
    /// use this installation's key; when it cannot be stored, a warning says fingerprints will not
    /// match other runs.
    /// </summary>
    public static Scanner CreateScanner(CliHost host, PolicyConfig config)
    {
        var fingerprinter = SecretKeyStore.LoadOrCreate(SecretKeyStore.ConfigDirectory(host.Environment.GetVariable, host.Environment.HomeDirectory));
        if (!fingerprinter.Persistent)
            host.Error.WriteLine("packguard: warning: could not store the secret fingerprint key; secret fingerprints from this run will not match other runs.");
        return new Scanner(Scanner.DefaultInspectors(fingerprinter, config.Exposure), config.Limits, host.Clock);
    }
}
