using PackGuard.Findings;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Decides from an entry's path (and for binary formats its first bytes) whether it may be a file
/// that should not ship. Cheap by design: it runs for every entry, and only the few candidates
/// whose content matters get a content sink. The order of the checks is the order of precedence:
/// anything inside a version-control folder is that folder's; a credential file is a credential
/// file wherever it sits (a test folder lowers its severity later, it does not hide it); folder
/// kinds (tests, CI, IDE settings) come last.
/// </summary>
internal static class FileClassifier
{
    private static readonly string[] VcsFolders = [".git", ".svn", ".hg", ".bzr", "CVS"];
    private static readonly string[] VcsHistory = [".git/objects/", ".hg/store/", ".svn/pristine/", ".bzr/repository/"];
    private static readonly string[] TemplateWords = ["example", "sample", "template", "dist", "defaults", "default", "tmpl", "tpl", "schema"];
    private static readonly string[] CodeExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".map", ".md", ".d.ts", ".json", ".py", ".cs"];
    private static readonly string[] KeyNames = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"];
    private static readonly string[] KeyTextExtensions = [".pem", ".key", ".ppk", ".p8", ".asc"];
    private static readonly string[] KeystoreExtensions = [".p12", ".pfx", ".jks", ".keystore", ".bks", ".jceks"];
    private static readonly string[] SqliteExtensions = [".sqlite", ".sqlite3", ".db", ".db3", ".s3db"];
    private static readonly string[] BackupSuffixes = [".bak", ".orig", ".swp", ".swo", ".old", ".rej"];
    private static readonly string[] PathCaches = [".eslintcache", ".stylelintcache", ".prettiercache", ".jshintcache"];
    private static readonly string[] CacheFolders = [".turbo", ".parcel-cache", ".sass-cache", ".nx", ".angular", ".rpt2_cache", ".swc"];
    private static readonly string[] OsLitter = [".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".directory"];
    private static readonly string[] IdeFolders = [".idea", ".vscode", ".vs", ".fleet", ".history"];
    private static readonly string[] IdeUserFiles = [".suo", ".user", ".sublime-workspace"];
    private static readonly string[] CoverageFolders = ["coverage", ".nyc_output", "lcov-report", "htmlcov"];
    private static readonly string[] CoverageFiles = ["lcov.info", "coverage-final.json", "coverage-summary.json", ".coverage"];
    private static readonly string[] TestFolders = ["test", "tests", "__tests__", "__test__", "__mocks__", "__snapshots__"];
    private static readonly string[] CiFolders = [".github", ".circleci", ".buildkite", ".gitlab"];
    private static readonly string[] CiFiles =
    [
        ".gitlab-ci.yml", ".travis.yml", "appveyor.yml", ".appveyor.yml", "azure-pipelines.yml", "jenkinsfile",
        "bitbucket-pipelines.yml", ".drone.yml", ".woodpecker.yml", "cloudbuild.yaml", "cloudbuild.yml",
    ];

    /// <summary>What the entry may be, or null for an ordinary file.</summary>
    /// <param name="innerPath">The entry's path inside its innermost archive.</param>
    /// <param name="head">The entry's first bytes.</param>
    /// <param name="byContent">Whether kinds that need a content check may be returned; false asks what the
    /// file is when its content did not bear the check out (a <c>.pem</c> holding only certificates).</param>
    public static FileCandidate? Classify(string innerPath, ReadOnlySpan<byte> head, bool byContent = true)
    {
        var segments = innerPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
            return null;
        var name = segments[^1];
        var lower = name.ToLowerInvariant();
        var prefix = innerPath[..(innerPath.Length - name.Length)];

        if (Folder(segments, VcsFolders, StringComparison.Ordinal) is { } vcs)
            return Vcs(innerPath, segments, vcs);
        if (name == ".git")
            return new(UnwantedKinds.GitLink, null, ContentCheck.None, Severity.Low, "points at a Git directory on the machine that built the package") { RuleId = FileRules.VcsFolder };

        if (Credential(lower, innerPath, head) is { } credential && (byContent || credential.Check == ContentCheck.None))
            return credential;
        if (BackupOf(lower) is { } original && Credential(original, prefix + original, head) is { } backedUp && (byContent || backedUp.Check == ContentCheck.None))
            return backedUp with { Reason = "is a backup copy of a file that " + backedUp.Reason };
        if (DataFile(lower, head) is { } data && (byContent || data.Check == ContentCheck.None))
            return data;
        if (Folder(segments, [".terraform"], StringComparison.OrdinalIgnoreCase) is { } terraform)
            return new(UnwantedKinds.TerraformFolder, Until(segments, terraform), ContentCheck.None, Severity.Medium,
                "is Terraform's working folder: provider plugins, module sources and the backend configuration, which can carry credentials") { RuleId = FileRules.TerraformState };
        if (Litter(lower, segments) is { } litter)
            return litter;
        return Workspace(lower, segments);
    }

    private static FileCandidate Vcs(string innerPath, string[] segments, int index)
    {
        var folder = segments[index];
        var group = Until(segments, index);
        var history = VcsHistory.Any(h => innerPath.Contains(h, StringComparison.Ordinal));
        var kind = folder.TrimStart('.').ToLowerInvariant();
        if (folder == ".git" && index == segments.Length - 2 && segments[^1] == "config")
            return new(kind, group, ContentCheck.GitConfig, Severity.Medium, VcsReason(folder, history)) { RuleId = FileRules.VcsFolder };
        return new(kind, group, ContentCheck.None, history ? Severity.High : Severity.Medium, VcsReason(folder, history)) { RuleId = FileRules.VcsFolder };
    }

    private static string VcsReason(string folder, bool history) => history
        ? $"is the {folder} folder of a working copy, with its object store: the repository's history, every file and every version ever committed, can be rebuilt from it"
        : $"is the {folder} folder of a working copy: it names the repository and its remotes, and may hold more of the history than the package";

    /// <summary>Environment files, package-manager and tool configurations, keys, infrastructure state.</summary>
    private static FileCandidate? Credential(string lower, string innerPath, ReadOnlySpan<byte> head)
    {
        if (IsEnvFile(lower))
        {
            var template = IsTemplate(lower);
            return new(template ? UnwantedKinds.EnvTemplate : UnwantedKinds.Env, null, ContentCheck.Env, template ? Severity.Info : Severity.Low,
                template ? "is an environment template" : "is an environment file, which holds an application's configuration and usually its secrets") { RuleId = FileRules.EnvFile };
        }
        if (RegistryConfigs.Kind(lower, innerPath) is { } registry)
            return new(registry, null, ContentCheck.RegistryConfig, Severity.Low, RegistryConfigs.Describe(registry)) { RuleId = FileRules.RegistryConfig };
        if (KeyNames.Contains(lower) || KeyTextExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            return new(UnwantedKinds.PrivateKey, null, ContentCheck.PrivateKeyText, Severity.High, "holds a private key") { RuleId = FileRules.PrivateKey };
        if (lower == "debug.keystore")
            return new(UnwantedKinds.Keystore, null, ContentCheck.None, Severity.Low,
                "is an Android debug keystore, whose password (\"android\") is public: it signs nothing that matters, but it is a private key") { RuleId = FileRules.PrivateKey };
        if (KeystoreExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            return new(UnwantedKinds.Keystore, null, ContentCheck.None, Severity.High, "is a keystore, which holds private keys and certificates") { RuleId = FileRules.PrivateKey };
        if (lower.EndsWith(".tfstate", StringComparison.Ordinal) || lower.EndsWith(".tfstate.backup", StringComparison.Ordinal))
            return new(UnwantedKinds.TerraformState, null, ContentCheck.None, Severity.High,
                "is Terraform state, which records every managed resource with its attributes, generated passwords and keys included, in plain text") { RuleId = FileRules.TerraformState };
        if (lower.EndsWith(".tfvars", StringComparison.Ordinal) || lower.EndsWith(".tfvars.json", StringComparison.Ordinal) ||
            (lower.Contains(".tfvars.", StringComparison.Ordinal) && IsTemplate(lower)))
            return new(UnwantedKinds.TerraformVariables, null, ContentCheck.None, IsTemplate(lower) ? Severity.Info : Severity.Medium,
                "is a Terraform variables file, where deployments keep their settings and often their secrets") { RuleId = FileRules.TerraformState };
        if (IsKubeConfigCandidate(lower, innerPath, head))
            return new(UnwantedKinds.KubeConfig, null, ContentCheck.KubeConfig, Severity.Medium,
                "is a kubeconfig: it names Kubernetes clusters and how to authenticate to them") { RuleId = FileRules.KubeConfig };
        if (lower == ".dockercfg" || (lower == "config.json" && head.IndexOf("\"auths\""u8) >= 0))
            return new(UnwantedKinds.DockerConfig, null, ContentCheck.DockerConfig, Severity.Low,
                "is a Docker client configuration, which keeps registry logins") { RuleId = FileRules.DockerConfig };
        return null;
    }

    /// <summary><c>.env</c>, <c>.env.production</c>, <c>production.env</c>, <c>.envrc</c>; not <c>.env.js</c> or <c>env.d.ts</c>.</summary>
    internal static bool IsEnvFile(string lower)
    {
        if (lower is ".env" or ".envrc")
            return true;
        if (CodeExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            return false;
        return lower.StartsWith(".env.", StringComparison.Ordinal) || (lower.EndsWith(".env", StringComparison.Ordinal) && lower.Length > 4);
    }

    /// <summary><c>.env.example</c>, <c>.env.sample</c>, <c>example.env</c>, <c>terraform.tfvars.template</c>.</summary>
    internal static bool IsTemplate(string lower) =>
        lower.Split('.', StringSplitOptions.RemoveEmptyEntries).Any(part => TemplateWords.Contains(part));

    /// <summary>
    /// A kubeconfig by its usual names, or any YAML whose first bytes declare clusters. (A
    /// kubeconfig's certificate data can push <c>users:</c> past the head; the content check reads on.)
    /// </summary>
    private static bool IsKubeConfigCandidate(string lower, string innerPath, ReadOnlySpan<byte> head) =>
        innerPath.EndsWith(".kube/config", StringComparison.OrdinalIgnoreCase) ||
        lower.StartsWith("kubeconfig", StringComparison.Ordinal) || lower.EndsWith(".kubeconfig", StringComparison.Ordinal) ||
        ((lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal) || lower == "config") &&
         head.IndexOf("clusters:"u8) >= 0);

    /// <summary>Database dumps and files, by name and by their first bytes.</summary>
    private static FileCandidate? DataFile(string lower, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("SQLite format 3\0"u8))
            return new(UnwantedKinds.Sqlite, null, ContentCheck.None, Severity.Medium, "is an SQLite database, with whatever rows it holds") { RuleId = FileRules.Database };
        if (head.StartsWith("PGDMP"u8))
            return new(UnwantedKinds.PostgresDump, null, ContentCheck.None, Severity.Medium, "is a PostgreSQL dump (pg_dump's custom format): a database's schema and data") { RuleId = FileRules.Database };
        if (lower.EndsWith(".sql", StringComparison.Ordinal))
            return new(UnwantedKinds.SqlDump, null, ContentCheck.Sql, Severity.Medium, "is an SQL dump with data rows") { RuleId = FileRules.Database };
        if (lower.EndsWith(".dump", StringComparison.Ordinal))
            return new(UnwantedKinds.Dump, null, ContentCheck.None, Severity.Low, "is named like a database dump") { RuleId = FileRules.Database };
        return null;
    }

    /// <summary>Logs, backups, tool caches and operating-system metadata.</summary>
    private static FileCandidate? Litter(string lower, string[] segments)
    {
        if (Folder(segments, CacheFolders, StringComparison.OrdinalIgnoreCase) is { } cache)
            return new(UnwantedKinds.ToolCache, Until(segments, cache), ContentCheck.None, Severity.Low,
                "is a build tool's cache: intermediate output and the paths it was built from") { RuleId = FileRules.ToolCache };
        if (lower.EndsWith(".log", StringComparison.Ordinal) || lower.StartsWith("npm-debug.log", StringComparison.Ordinal) ||
            lower is "yarn-error.log" or "yarn-debug.log" or "lerna-debug.log" or "pnpm-debug.log" or ".pnpm-debug.log")
            return new(UnwantedKinds.Log, null, ContentCheck.None, Severity.Low,
                "is a log, which records what ran on the machine that wrote it: paths, host names, sometimes tokens") { RuleId = FileRules.Log };
        if (BackupOf(lower) is not null)
            return new(UnwantedKinds.Backup, null, ContentCheck.None, Severity.Low,
                "is a backup or editor swap file: an older copy of a file, which may hold what the current one no longer does") { RuleId = FileRules.Backup };
        if (PathCaches.Contains(lower))
            return new(UnwantedKinds.ToolCache, null, ContentCheck.None, Severity.Low,
                "is a lint or format cache, which records the absolute path of every file it checked on the developer's machine") { RuleId = FileRules.ToolCache };
        if (lower.EndsWith(".tsbuildinfo", StringComparison.Ordinal))
            return new(UnwantedKinds.ToolCache, null, ContentCheck.None, Severity.Info,
                "is TypeScript's incremental build state, which lists every source file of the project") { RuleId = FileRules.ToolCache };
        if (OsLitter.Contains(lower) || (lower.StartsWith("._", StringComparison.Ordinal) && lower.Length > 2))
            return new(UnwantedKinds.OsMetadata, null, ContentCheck.None, Severity.Low,
                "is operating-system metadata (Finder and Explorer files), which lists the names of files in the folder, shipped or not") { RuleId = FileRules.OsLitter };
        if (Folder(segments, ["__MACOSX"], StringComparison.Ordinal) is { } macos)
            return new(UnwantedKinds.OsMetadata, Until(segments, macos), ContentCheck.None, Severity.Low,
                "is the __MACOSX folder macOS adds to zip files: resource forks and metadata of the zipped files") { RuleId = FileRules.OsLitter };
        return null;
    }

    /// <summary>IDE settings, coverage output, CI configuration and tests: what the workspace had beside the code.</summary>
    private static FileCandidate? Workspace(string lower, string[] segments)
    {
        if (Folder(segments, IdeFolders, StringComparison.OrdinalIgnoreCase) is { } ide)
        {
            var personal = lower == "workspace.xml" || segments[ide] == ".vs";
            return new(UnwantedKinds.IdeSettings, Until(segments, ide), ContentCheck.None, personal ? Severity.Low : Severity.Info,
                personal ? "is an IDE's per-user workspace state, with local paths and user names" : "is an editor's project settings") { RuleId = FileRules.IdeSettings };
        }
        if (IdeUserFiles.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            return new(UnwantedKinds.IdeSettings, null, ContentCheck.None, Severity.Low,
                "is an IDE's per-user state, with local paths and user names") { RuleId = FileRules.IdeSettings };
        if (Folder(segments, CoverageFolders, StringComparison.OrdinalIgnoreCase) is { } coverage)
            return new(UnwantedKinds.Coverage, Until(segments, coverage), ContentCheck.None, Severity.Low,
                "is test-coverage output; HTML reports embed the full source of every covered file") { RuleId = FileRules.Coverage };
        if (CoverageFiles.Contains(lower))
            return new(UnwantedKinds.Coverage, null, ContentCheck.None, Severity.Low,
                "is test-coverage output, which names every source file and line that ran") { RuleId = FileRules.Coverage };
        if (Folder(segments, CiFolders, StringComparison.OrdinalIgnoreCase) is { } ci)
            return new(UnwantedKinds.Ci, Until(segments, ci), ContentCheck.None, Severity.Info, "is CI configuration") { RuleId = FileRules.CiConfig };
        if (CiFiles.Contains(lower))
            return new(UnwantedKinds.Ci, null, ContentCheck.None, Severity.Info, "is CI configuration") { RuleId = FileRules.CiConfig };
        if (Folder(segments, TestFolders, StringComparison.OrdinalIgnoreCase) is { } tests)
            return new(UnwantedKinds.Tests, Until(segments, tests), ContentCheck.None, Severity.Info, "is part of the test suite") { RuleId = FileRules.Tests };
        if (IsTestFileName(lower))
            return new(UnwantedKinds.Tests, null, ContentCheck.None, Severity.Info, "is a test file") { RuleId = FileRules.Tests };
        return null;
    }

    /// <summary><c>x.test.js</c>, <c>x.spec.ts</c>, <c>x_test.go</c>, <c>test_x.py</c>.</summary>
    private static bool IsTestFileName(string lower)
    {
        var dot = lower.LastIndexOf('.');
        if (dot <= 0)
            return false;
        var stem = lower[..dot];
        return stem.EndsWith(".test", StringComparison.Ordinal) || stem.EndsWith(".spec", StringComparison.Ordinal) ||
            stem.EndsWith("_test", StringComparison.Ordinal) || stem.EndsWith("_spec", StringComparison.Ordinal) ||
            (lower.EndsWith(".py", StringComparison.Ordinal) && stem.StartsWith("test_", StringComparison.Ordinal));
    }

    /// <summary>The name a backup, swap or patch-reject file was made from (<c>.env.bak</c> → <c>.env</c>), or null.</summary>
    internal static string? BackupOf(string lower)
    {
        if (lower.Length > 1 && lower.EndsWith('~'))
            return lower[..^1];
        if (lower.Length > 2 && lower[0] == '#' && lower[^1] == '#')
            return lower[1..^1];
        foreach (var suffix in BackupSuffixes)
        {
            if (lower.Length > suffix.Length && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                var original = lower[..^suffix.Length];
                // vim names the swap file of x.js ".x.js.swp".
                return suffix is ".swp" or ".swo" && original.StartsWith('.') && original.Length > 1 ? original[1..] : original;
            }
        }
        return null;
    }

    /// <summary>The index of the first folder segment (not the file name) that is one of <paramref name="names"/>.</summary>
    private static int? Folder(string[] segments, string[] names, StringComparison comparison)
    {
        for (var i = 0; i < segments.Length - 1; i++)
        {
            foreach (var name in names)
            {
                if (segments[i].Equals(name, comparison))
                    return i;
            }
        }
        return null;
    }

    /// <summary>The path up to and including segment <paramref name="index"/>, with a trailing slash.</summary>
    private static string Until(string[] segments, int index) => string.Join('/', segments.Take(index + 1)) + "/";
}
