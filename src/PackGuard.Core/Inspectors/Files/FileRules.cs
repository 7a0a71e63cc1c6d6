using PackGuard.Rules;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// The <c>file/*</c> rules: files a package ships that it should not. Each rule's catalog entry
/// and samples live in the partial files beside this one, by theme: credentials, repository and
/// infrastructure state, and workspace litter.
/// </summary>
public static partial class FileRules
{
    /// <summary><c>.env</c> files.</summary>
    public const string EnvFile = "file/env-file";

    /// <summary><c>.npmrc</c>, <c>.yarnrc.yml</c>, <c>.pypirc</c>, <c>NuGet.Config</c>, <c>.netrc</c>, Cargo and RubyGems credentials.</summary>
    public const string RegistryConfig = "file/registry-config";

    /// <summary>Private keys and keystores.</summary>
    public const string PrivateKey = "file/private-key";

    /// <summary><c>.git/</c>, <c>.svn/</c>, <c>.hg/</c>, <c>.bzr/</c>, <c>CVS/</c>.</summary>
    public const string VcsFolder = "file/vcs-folder";

    /// <summary>Terraform state, variables and working folder.</summary>
    public const string TerraformState = "file/terraform-state";

    /// <summary>Kubernetes client configuration.</summary>
    public const string KubeConfig = "file/kubeconfig";

    /// <summary>Docker client configuration with registry logins.</summary>
    public const string DockerConfig = "file/docker-config";

    /// <summary>Database dumps and database files.</summary>
    public const string Database = "file/database";

    /// <summary>Log files.</summary>
    public const string Log = "file/log";

    /// <summary>Backup, swap and patch-reject files.</summary>
    public const string Backup = "file/backup";

    /// <summary>Lint, format and build caches: <c>.eslintcache</c>, <c>*.tsbuildinfo</c>, <c>.turbo/</c>.</summary>
    public const string ToolCache = "file/tool-cache";

    /// <summary><c>.DS_Store</c>, <c>Thumbs.db</c>, <c>__MACOSX/</c>.</summary>
    public const string OsLitter = "file/os-litter";

    /// <summary><c>.idea/</c>, <c>.vscode/</c>, <c>*.suo</c>, <c>*.user</c>.</summary>
    public const string IdeSettings = "file/ide-settings";

    /// <summary>Test folders and test files.</summary>
    public const string Tests = "file/tests";

    /// <summary>Coverage reports and raw coverage data.</summary>
    public const string Coverage = "file/coverage";

    /// <summary>CI configuration.</summary>
    public const string CiConfig = "file/ci-config";

    private const string Manifest = """{"name":"acme-app","version":"1.0.0","license":"MIT"}""";

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [.. CredentialRules(), .. InfrastructureRules(), .. LitterRules()];

    private static readonly Dictionary<string, string> Titles = All.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);

    internal static string TitleOf(string ruleId) => Titles[ruleId];

    /// <summary>A sample package: a manifest and the given files.</summary>
    private static SampleFile[] Package(params SampleFile[] files) => [new("package/package.json", Manifest), .. files];
}
