using PackGuard.Findings;
using PackGuard.Inspectors.Files;

namespace PackGuard.Tests.Inspectors.Files;

public sealed class FileClassifierTests
{
    [Theory]
    [InlineData("package/.env", "file/env-file", "env")]
    [InlineData("package/config/.env.production", "file/env-file", "env")]
    [InlineData("package/deploy/prod.env", "file/env-file", "env")]
    [InlineData("package/.envrc", "file/env-file", "env")]
    [InlineData("package/.env.example", "file/env-file", "env-template")]
    [InlineData("package/.env.sample.local", "file/env-file", "env-template")]
    [InlineData("package/.npmrc", "file/registry-config", "npmrc")]
    [InlineData("package/.yarnrc.yml", "file/registry-config", "yarnrc")]
    [InlineData("package/NuGet.Config", "file/registry-config", "nuget-config")]
    [InlineData("package/.cargo/credentials.toml", "file/registry-config", "cargo-credentials")]
    [InlineData("package/keys/id_ed25519", "file/private-key", "private-key")]
    [InlineData("package/signing/app.pfx", "file/private-key", "keystore")]
    [InlineData("package/.git/HEAD", "file/vcs-folder", "git")]
    [InlineData("package/vendor/lib/.hg/store/data/x.i", "file/vcs-folder", "hg")]
    [InlineData("package/CVS/Root", "file/vcs-folder", "cvs")]
    [InlineData("package/infra/terraform.tfstate.backup", "file/terraform-state", "terraform-state")]
    [InlineData("package/.kube/config", "file/kubeconfig", "kubeconfig")]
    [InlineData("package/npm-debug.log.123", "file/log", "log")]
    [InlineData("package/lib/a.js~", "file/backup", "backup")]
    [InlineData("package/#notes.md#", "file/backup", "backup")]
    [InlineData("package/img/._logo.png", "file/os-litter", "os-metadata")]
    [InlineData("package/.eslintcache", "file/tool-cache", "tool-cache")]
    [InlineData("package/.turbo/turbo-build.log", "file/tool-cache", "tool-cache")]
    [InlineData("package/dist/tsconfig.tsbuildinfo", "file/tool-cache", "tool-cache")]
    [InlineData("package/.vs/app/v17/.suo", "file/ide-settings", "ide-settings")]
    [InlineData("package/coverage/lcov.info", "file/coverage", "coverage")]
    [InlineData("package/.circleci/config.yml", "file/ci-config", "ci")]
    [InlineData("package/Jenkinsfile", "file/ci-config", "ci")]
    [InlineData("package/src/__mocks__/fs.js", "file/tests", "tests")]
    [InlineData("package/pkg/util_test.go", "file/tests", "tests")]
    [InlineData("package/tests/test_api.py", "file/tests", "tests")]
    public void Classifies_by_path(string path, string ruleId, string kind)
    {
        var candidate = FileClassifier.Classify(path, []).ShouldNotBeNull();

        candidate.RuleId.ShouldBe(ruleId);
        candidate.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("package/index.js")]
    [InlineData("package/lib/env.js")]
    [InlineData("package/src/.env.d.ts")]
    [InlineData("package/.gitignore")]
    [InlineData("package/.github.js")]
    [InlineData("package/lib/testing.js")]
    [InlineData("package/lib/latest/index.js")]
    [InlineData("package/README.md")]
    [InlineData("package/config.json")]
    [InlineData("package/k8s/deployment.yaml")]
    [InlineData("package/lib/keys.ts")]
    public void Leaves_ordinary_files_alone(string path) =>
        FileClassifier.Classify(path, "{}\n"u8).ShouldBeNull();

    [Fact]
    public void Knows_databases_and_dumps_by_their_first_bytes()
    {
        FileClassifier.Classify("package/data/cache.bin", "SQLite format 3\0\u0010\0"u8)!.Kind.ShouldBe("sqlite");
        FileClassifier.Classify("package/db/backup", "PGDMP\u0001\u000e"u8)!.Kind.ShouldBe("postgres-dump");
        FileClassifier.Classify("package/Thumbs.db", [0xD0, 0xCF, 0x11, 0xE0])!.Kind.ShouldBe("os-metadata");
    }

    [Fact]
    public void Reads_yaml_and_json_only_when_their_head_looks_the_part()
    {
        FileClassifier.Classify("package/deploy/admin.yaml", "apiVersion: v1\nclusters:\n"u8)!.RuleId.ShouldBe(FileRules.KubeConfig);
        FileClassifier.Classify("package/.github/workflows/ci.yml", "on: push\n"u8)!.RuleId.ShouldBe(FileRules.CiConfig);
        FileClassifier.Classify("package/.docker/config.json", """{"auths":{}}"""u8)!.RuleId.ShouldBe(FileRules.DockerConfig);
    }

    [Fact]
    public void Whatever_is_inside_a_vcs_folder_belongs_to_it_and_its_object_store_is_high()
    {
        FileClassifier.Classify("package/.git/objects/pack/pack-1.pack", [])!.Severity.ShouldBe(Severity.High);
        FileClassifier.Classify("package/.git/hooks/pre-commit.sample", [])!.Severity.ShouldBe(Severity.Medium);
        FileClassifier.Classify("package/.git/.env", [])!.RuleId.ShouldBe(FileRules.VcsFolder);
        FileClassifier.Classify("package/.git/config", [])!.Check.ShouldBe(ContentCheck.GitConfig);
        FileClassifier.Classify("package/.git/objects/ab/cd", [])!.Group.ShouldBe("package/.git/");
    }

    [Theory]
    [InlineData(".env.bak", ".env")]
    [InlineData("index.js~", "index.js")]
    [InlineData(".index.js.swp", "index.js")]
    [InlineData("#draft.txt#", "draft.txt")]
    [InlineData("config.old", "config")]
    [InlineData("index.js", null)]
    public void Knows_what_a_backup_was_made_from(string name, string? original) =>
        FileClassifier.BackupOf(name).ShouldBe(original);
}
