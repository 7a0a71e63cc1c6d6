using PackGuard.Rules;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Finds files a package ships that it should not: credentials (.env, .npmrc and other registry
/// configurations, private keys, kubeconfigs, Docker logins, Terraform state), repository and
/// data (.git/, database dumps), and workspace litter (logs, backups, OS and IDE files, tests,
/// coverage, CI configuration). How the pieces fit:
/// <list type="bullet">
/// <item><see cref="FileClassifier"/> names each entry's kind from its path and first bytes, in
/// one cheap pass over every entry.</item>
/// <item><see cref="FilesInspection"/> reads the content of the few candidates whose content
/// decides (<see cref="FileChecks"/>: <see cref="EnvFiles"/>, <see cref="RegistryConfigs"/>,
/// <see cref="GitRemotes"/>, <see cref="DockerConfigs"/>, <see cref="SqlContent"/>), bounded.</item>
/// <item><see cref="FileFindings"/> lowers sample files (<see cref="SampleContext"/>), groups
/// what belongs together, notes what npm would have left out (<see cref="NpmPackRules"/>) and
/// words the fix (<see cref="FileFixAdvisor"/>).</item>
/// </list>
/// Credentials inside these files are the secret rules' business; a <c>file/*</c> finding is
/// about the file being published.
/// </summary>
public sealed class FilesInspector : IInspector
{
    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => FileRules.All;

    /// <inheritdoc />
    public IArtifactInspection Begin(InspectionContext context) => new FilesInspection(context);
}
