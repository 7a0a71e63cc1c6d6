using PackGuard.Findings;
using PackGuard.Inspectors.Files;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Tests.Support;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;
using static PackGuard.Tests.Scanning.ScanFixture;

namespace PackGuard.Tests.Inspectors.Files;

/// <summary>The <c>file/*</c> rules through the real scanner, on packages the tests build.</summary>
public sealed class FilesScanTests : IDisposable
{
    private const string Manifest = """{"name":"acme-app","version":"3.0.0","license":"UNLICENSED"}""";
    private readonly string _root = Directory.CreateTempSubdirectory("packguard-files-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string NpmToken(int seed) => Base62Checksum.Create(Join("np", "m_"), Random(30, Base62, seed));

    [Fact]
    public void An_npm_package_with_a_real_env_file_and_an_npmrc_token_fails_on_both_files_and_the_token()
    {
        var env = Join("NODE_ENV=production\nDATABASE_URL=postgres://app:", Random(18, Base62, 1),
            "@db.acme-prod.io:5432/app\nJWT_", "SECRET=", Random(40, Base62, 2), "\nPORT=8080\n");
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/index.js", "module.exports = 1;\n"),
            TestFile.Text("package/.env", env),
            TestFile.Text("package/.npmrc", Join("//registry.npmjs.org/:_authToken=", NpmToken(3), "\n")));

        var envFinding = result.Single(FileRules.EnvFile);
        envFinding.Severity.ShouldBe(Severity.High);
        envFinding.Location.Path.ShouldBe("package/.env");
        envFinding.Message.ShouldContain("2 of its 4 values look like credentials (DATABASE_URL, JWT_SECRET)");
        envFinding.Properties["credentials"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["DATABASE_URL", "JWT_SECRET"]);

        var npmrc = result.Single(FileRules.RegistryConfig);
        npmrc.Severity.ShouldBe(Severity.High);
        npmrc.Location.Path.ShouldBe("package/.npmrc");
        npmrc.Message.ShouldContain("holds _authToken");
        npmrc.Message.ShouldContain("npm leaves **/.npmrc out of a package by default");
        npmrc.Message.ShouldContain("secret/* rules report each credential");
        npmrc.Fix!.ShouldStartWith("Rotate every credential it holds first");
        npmrc.Fix!.ShouldContain("npm pack --dry-run");

        // The token itself is the secret rules' finding, not a second file finding.
        result.Single("secret/npm-access-token").Severity.ShouldBe(Severity.Critical);
        result.Findings.Count(f => f.RuleId.StartsWith("file/", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void No_value_of_a_credential_file_reaches_a_finding()
    {
        var secret = Random(40, Base62, 4);
        var token = NpmToken(5);
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/.env", $"API_KEY={secret}\n"),
            TestFile.Text("package/.npmrc", $"//registry.npmjs.org/:_authToken={token}\n"),
            TestFile.Text("package/.git/config", $"[remote \"origin\"]\n\turl = https://ci:{secret}@github.com/acme/app.git\n"));

        foreach (var finding in result.Findings.Where(f => f.RuleId.StartsWith("file/", StringComparison.Ordinal)))
        {
            var text = finding.Message + finding.Fix + finding.Properties.ToJsonString();
            text.ShouldNotContain(secret);
            text.ShouldNotContain(token);
        }
        result.Single(FileRules.VcsFolder).Properties["remotes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("https://github.com/acme/app.git");
    }

    [Fact]
    public void Four_hundred_test_files_are_one_finding_for_their_folder()
    {
        var result = ScanTarGz([
            TestFile.Text("package/package.json", Manifest),
            .. Enumerable.Range(0, 412).Select(i => TestFile.Text($"package/test/case-{i:D3}.js", "it('works', () => {});\n")),
        ]);

        var finding = result.Single(FileRules.Tests);
        finding.Severity.ShouldBe(Severity.Info);
        finding.Location.Path.ShouldBe("package/test/");
        finding.Long("files").ShouldBe(412);
        finding.Message.ShouldStartWith("package/test/ (412 files, ");
        finding.Properties["paths"]!.AsArray().Count.ShouldBe(20);
        finding.Fix!.ShouldContain("Leave test/ out of the package");
    }

    [Fact]
    public void Test_folders_spread_over_many_directories_are_one_finding_for_the_package()
    {
        var result = ScanTarGz([
            TestFile.Text("package/package.json", Manifest),
            .. Enumerable.Range(0, 40).Select(i => TestFile.Text($"package/src/feature-{i}/__tests__/view.test.js", "x\n")),
        ]);

        var finding = result.Single(FileRules.Tests);
        finding.Long("files").ShouldBe(40);
        finding.Message.ShouldStartWith("40 files (");
        finding.Message.ShouldContain("in 40 folders");
        finding.Properties["folders"]!.AsArray().Count.ShouldBe(20);
    }

    [Fact]
    public void Scattered_litter_is_one_finding_per_kind_for_the_whole_package()
    {
        var result = ScanTarGz([
            TestFile.Text("package/package.json", Manifest),
            .. Enumerable.Range(0, 12).Select(i => TestFile.Text($"package/dir{i}/.DS_Store", "\0\0\0\u0001Bud1")),
            TestFile.Text("package/a.log", "x"),
            TestFile.Text("package/lib/b.log", "y"),
        ]);

        var litter = result.Single(FileRules.OsLitter);
        litter.Long("files").ShouldBe(12);
        litter.Message.ShouldContain("in 12 folders");
        litter.Message.ShouldContain("npm leaves .DS_Store out of a package by default");
        result.Single(FileRules.Log).Long("files").ShouldBe(2);
    }

    [Fact]
    public void Many_keys_in_one_directory_are_one_finding_for_the_directory()
    {
        var key = Join("-----BEGIN ", "EC PRIVATE KEY-----\n", Random(64, Base64, 6), "\n-----END ", "EC PRIVATE KEY-----\n");
        var result = ScanTarGz([
            TestFile.Text("package/package.json", Manifest),
            .. Enumerable.Range(0, 6).Select(i => TestFile.Text($"package/certs/node-{i}.key", key)),
            TestFile.Text("package/deploy/server.key", key),
        ]);

        var keys = result.Findings.Where(f => f.RuleId == FileRules.PrivateKey).ToList();
        keys.Count.ShouldBe(2);
        keys.ShouldAllBe(f => f.Severity == Severity.High);
        var folder = keys.Single(f => f.Location.Path == "package/certs/node-0.key");
        folder.Long("files").ShouldBe(6);
        folder.Message.ShouldStartWith("package/certs/ holds 6 files of this kind");
        keys.Single(f => f.Location.Path == "package/deploy/server.key").Message.ShouldContain("holds a private key (EC PRIVATE KEY), unencrypted");
    }

    [Fact]
    public void A_directory_target_skips_what_npm_never_publishes()
    {
        Write("package.json", """{"name":"acme-app","version":"3.0.0","license":"MIT"}""");
        Write("index.js", "module.exports = 1;\n");
        Write(".git/config", "[core]\n");
        Write(".git/objects/ab/cdef", "x");
        Write("node_modules/dep/.env", "API_KEY=" + Random(30, Base62, 7));
        Write(".npmrc", "//registry.npmjs.org/:_authToken=" + NpmToken(8));
        Write(".DS_Store", "\0\0\0\u0001Bud1");
        Write("lib/.env", "API_KEY=" + Random(30, Base62, 9));

        var result = ScanPath(_root, isDirectory: true);

        var files = result.Findings.Where(f => f.RuleId.StartsWith("file/", StringComparison.Ordinal)).ToList();
        files.ShouldHaveSingleItem().RuleId.ShouldBe(FileRules.EnvFile);
        files[0].Location.Path.ShouldBe("lib/.env");
    }

    [Fact]
    public void A_directory_target_keeps_an_npmrc_the_files_list_names()
    {
        Write("package.json", """{"name":"acme-app","version":"3.0.0","files":["index.js",".npmrc"]}""");
        Write(".npmrc", "//registry.npmjs.org/:_authToken=" + NpmToken(10));

        var result = ScanPath(_root, isDirectory: true);

        result.Single(FileRules.RegistryConfig).Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void Files_inside_a_nested_archive_are_reported_under_its_path()
    {
        var inner = TestArchive.TarGz([TestFile.Text("package/.env", "SECRET_KEY=" + Random(32, Base62, 11))]);
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            new TestFile("package/vendor/dep.tgz", inner));

        var finding = result.Single(FileRules.EnvFile);
        finding.Location.Path.ShouldBe("package/vendor/dep.tgz!package/.env");
        finding.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void The_fix_speaks_the_packages_toolchain()
    {
        var nuspec = """<?xml version="1.0"?><package><metadata><id>Acme.Tool</id><version>1.0.0</version></metadata></package>""";
        var nupkg = TestArchive.Zip([TestFile.Text("Acme.Tool.nuspec", nuspec), TestFile.Text("content/.env", "API_TOKEN=" + Random(30, Base62, 12))]);

        var finding = ScanBytes(nupkg, "Acme.Tool.1.0.0.nupkg").Single(FileRules.EnvFile);

        finding.Fix!.ShouldContain("out of the .nupkg");
        finding.Fix!.ShouldContain("Pack=\"false\"");
    }

    [Fact]
    public void A_backup_of_a_credential_file_is_judged_as_that_file()
    {
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/.npmrc.bak", "//registry.npmjs.org/:_authToken=" + NpmToken(13)));

        var finding = result.Single(FileRules.RegistryConfig);
        finding.Severity.ShouldBe(Severity.High);
        finding.Message.ShouldContain("is a backup copy of a file that is an npm configuration");
        result.Findings.ShouldNotContain(f => f.RuleId == FileRules.Backup);
    }

    [Fact]
    public void A_pem_with_only_certificates_counts_as_what_its_folder_makes_it()
    {
        var certificate = Join("-----BEGIN ", "CERTIFICATE-----\n", Random(64, Base64, 14), "\n-----END ", "CERTIFICATE-----\n");
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/test/fixtures/ca.pem", certificate),
            TestFile.Text("package/test/index.js", "x\n"));

        result.Findings.ShouldNotContain(f => f.RuleId == FileRules.PrivateKey);
        result.Single(FileRules.Tests).Long("files").ShouldBe(2);
    }

    [Fact]
    public void An_sql_dump_with_data_is_found_however_its_statements_fall_across_chunks()
    {
        // The walker delivers 128 KiB chunks; put the one INSERT across the boundary.
        var schema = "CREATE TABLE users (id int, email text);\n";
        var padding = new string('-', (128 * 1024) - schema.Length - 5) + "\n";
        var sql = schema + padding + "INSERT INTO users VALUES (1, 'a@acme.io');\n";

        var finding = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/db/seed.sql", sql)).Single(FileRules.Database);

        finding.Severity.ShouldBe(Severity.Medium);
        finding.Long("dataStatements").ShouldBe(1);
    }

    [Fact]
    public void Undecodable_json_strings_in_a_docker_config_are_not_a_crash()
    {
        // Found by the long fuzz run: a lone surrogate escape makes JsonElement.GetString throw.
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/.docker/config.json", "{\"auths\":{\"r.acme.io\":{\"auth\":\"\\uDC00abc\"}}}"));

        result.Findings.ShouldNotContain(f => f.RuleId == FileRules.DockerConfig);
    }

    [Fact]
    public void Properties_name_the_kind_the_count_and_the_npm_rule()
    {
        var finding = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/lib/x.js.orig", "x\n"))
            .Single(FileRules.Backup);

        finding.Properties["kind"]!.GetValue<string>().ShouldBe("backup");
        finding.Long("files").ShouldBe(1);
        finding.Properties["npmDefaultRule"]!.GetValue<string>().ShouldBe("*.orig");
        finding.Properties["paths"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["package/lib/x.js.orig"]);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
