namespace PackGuard.Inspectors.Files;

/// <summary>The kinds of unintended file, as the <c>kind</c> property of a <c>file/*</c> finding names them.</summary>
internal static class UnwantedKinds
{
    public const string Env = "env";
    public const string EnvTemplate = "env-template";
    public const string Npmrc = "npmrc";
    public const string Yarnrc = "yarnrc";
    public const string Pypirc = "pypirc";
    public const string PipConf = "pip-conf";
    public const string NuGetConfig = "nuget-config";
    public const string Netrc = "netrc";
    public const string CargoCredentials = "cargo-credentials";
    public const string GemCredentials = "gem-credentials";
    public const string PrivateKey = "private-key";
    public const string Keystore = "keystore";
    public const string GitLink = "gitlink";
    public const string TerraformState = "terraform-state";
    public const string TerraformVariables = "terraform-variables";
    public const string TerraformFolder = "terraform-folder";
    public const string KubeConfig = "kubeconfig";
    public const string DockerConfig = "docker-config";
    public const string Sqlite = "sqlite";
    public const string PostgresDump = "postgres-dump";
    public const string SqlDump = "sql-dump";
    public const string Dump = "dump";
    public const string Log = "log";
    public const string Backup = "backup";
    public const string ToolCache = "tool-cache";
    public const string OsMetadata = "os-metadata";
    public const string IdeSettings = "ide-settings";
    public const string Coverage = "coverage";
    public const string Ci = "ci";
    public const string Tests = "tests";
}
