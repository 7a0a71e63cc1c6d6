using PackGuard.Inspectors.Secrets;
using PackGuard.Policy;
using PackGuard.Scanning;

namespace PackGuard.Cli.Commands;

/// <summary>What <c>scan</c>, <c>diff</c> and <c>gate</c> set up alike: the policy file and the scanner.</summary>
internal static class CommandSetup
{
    /// <summary>The policy file named by <c>--config</c> (relative to the working directory), or the defaults.</summary>
    /// <exception cref="ConfigurationException">The file is missing or invalid.</exception>
    public static PolicyConfig LoadPolicy(CliHost host, string? configPath) =>
        configPath is { } path
            ? PolicyConfigLoader.Load(Path.GetFullPath(path, host.Environment.WorkingDirectory), host.Catalog)
            : PolicyConfig.Default;

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
