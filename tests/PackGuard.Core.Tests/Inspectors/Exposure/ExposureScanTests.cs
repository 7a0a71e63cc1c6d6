using System.Diagnostics;
using System.Text;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Inspectors.Exposure;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Scanning.ScanFixture;

namespace PackGuard.Tests.Inspectors.Exposure;

/// <summary>The <c>exposure/*</c> rules through the real scanner.</summary>
public sealed class ExposureScanTests
{
    private const string Manifest = """{"name":"@northwind/ledger","version":"2.0.0","license":"UNLICENSED","author":"Northwind <dev@northwind.io>"}""";

    private static ScanResult Scan(IReadOnlyList<string> codenames, params TestFile[] files)
    {
        using var artifact = new TempArtifact(TestArchive.TarGz(files), "pkg.tgz");
        var spec = new TargetSpec(artifact.Path, TargetKind.Local, artifact.Path, null);
        var inspectors = Scanner.DefaultInspectors(TestKeys.Fingerprinter, new ExposureOptions { Codenames = codenames });
        return new Scanner(inspectors, ArtifactLimits.Default).Scan(new ResolvedTarget(spec, artifact.Path, IsDirectory: false));
    }

    [Fact]
    public void Reads_the_original_sources_of_a_map_and_names_them_with_their_lines()
    {
        var map = Map(
            ("../src/constants/oauth.ts", "export const config = {\n  api: 'https://api-staging.northwind.io/v1',\n  proxy: 'https://mcp-proxy-staging.northwind.io',\n};\n"),
            ("../src/utils/file.ts", "/**\n * cwd = /Users/zeeg/src/ledger\n */\nexport {};\n"),
            ("../node_modules/left-pad/index.js", "module.exports = 'http://10.9.8.7:80';\n"));

        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/cli.js", "const a='https://api-staging.northwind.io/v1';\n"),
            TestFile.Text("package/cli.js.map", map));

        var staging = result.Findings.Single(f => f.RuleId == ExposureRules.InternalHost && f.Properties["value"]!.GetValue<string>() == "api-staging.northwind.io");
        staging.Severity.ShouldBe(Severity.Medium);
        staging.Long("occurrences").ShouldBe(2);
        staging.Long("files").ShouldBe(2);
        staging.Properties["kind"]!.GetValue<string>().ShouldBe("environment-subdomain");
        staging.Properties["ownDomain"]!.GetValue<string>().ShouldBe("northwind.io");
        staging.Message.ShouldContain("src/constants/oauth.ts:2:");
        staging.Message.ShouldContain("(in package/cli.js.map)");
        staging.Message.ShouldContain("package/cli.js:1:");

        var home = result.Single(ExposureRules.HomePath);
        home.Severity.ShouldBe(Severity.Low);
        home.Location.Path.ShouldBe("package/cli.js.map");
        home.Location.OriginalPath.ShouldBe("src/utils/file.ts");
        home.Location.Line.ShouldBe(2);
        home.Location.Column.ShouldBe(10);
        home.Properties["user"]!.GetValue<string>().ShouldBe("zeeg");

        // Bundled third-party code is someone else's: low, not medium.
        var vendored = result.Findings.Single(f => f.Properties["value"]?.GetValue<string>() == "10.9.8.7");
        vendored.Severity.ShouldBe(Severity.Low);
        vendored.Location.OriginalPath.ShouldBe("node_modules/left-pad/index.js");
    }

    [Fact]
    public void Each_distinct_value_is_one_finding_with_its_count_and_first_five_places()
    {
        var bundle = string.Concat(Enumerable.Repeat("fetch('http://ledger-db.corp:5432/x');\n", 300));

        var findings = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/dist/a.js", bundle), TestFile.Text("package/dist/b.js", bundle))
            .Findings.Where(f => f.RuleId == ExposureRules.InternalHost).ToList();

        var finding = findings.ShouldHaveSingleItem();
        finding.Long("occurrences").ShouldBe(600);
        finding.Long("files").ShouldBe(2);
        finding.Properties["locations"]!.AsArray().Count.ShouldBe(5);
        finding.Message.ShouldStartWith("ledger-db.corp (a host under .corp, which resolves only on a private network) appears 600 times in 2 files, first at package/dist/a.js:1:15; package/dist/a.js:2:15;");
    }

    [Fact]
    public void A_codename_is_found_in_a_minified_bundle_once_per_codename_whatever_its_case()
    {
        var bundle = "var a={tengu_scratch:1,TENGU_FLAG:2};function useTengu(){return\"Tengu\"}var tengus=1,atengu=2;\n";

        var result = Scan(["tengu", "osprey"], TestFile.Text("package/package.json", Manifest), TestFile.Text("package/cli.js", bundle));

        var finding = result.Single(ExposureRules.Codename);
        finding.Severity.ShouldBe(Severity.High);
        finding.Long("occurrences").ShouldBe(4);
        finding.Location.Column.ShouldBe(8);
        finding.Message.ShouldStartWith("\"tengu\" (a codename the team declared in exposure.codenames) appears 4 times in 1 file");
    }

    [Fact]
    public void A_value_across_the_walkers_chunk_boundary_is_found_once()
    {
        // 128 KiB chunks from the walker, 64 Ki-character segments in the scanner: cross both.
        foreach (var offset in new[] { (64 * 1024) - 7, (128 * 1024) - 3, (128 * 1024) - 12 })
        {
            var text = new string('x', offset) + " 'https://build.corp/api' falcon\n" + new string('y', 70_000);
            var result = Scan(["falcon"], TestFile.Text("package/package.json", Manifest), TestFile.Text("package/dist/big.js", text));

            result.Single(ExposureRules.InternalHost).Long("occurrences").ShouldBe(1, $"offset {offset}");
            result.Single(ExposureRules.Codename).Long("occurrences").ShouldBe(1, $"offset {offset}");
            result.Single(ExposureRules.InternalHost).Location.Column.ShouldBe(offset + 11);
        }
    }

    [Fact]
    public void Counts_lines_across_segments()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789\n", 20_000)) + "  x('/home/priya/app');\n";

        var finding = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/a.js", text)).Single(ExposureRules.HomePath);

        finding.Location.Line.ShouldBe(20_001);
        finding.Location.Column.ShouldBe(6);
    }

    [Fact]
    public void Absolute_source_paths_in_a_maps_source_list_are_home_paths()
    {
        var map = """{"version":3,"sourceRoot":"","sources":["/Users/jbloggs/ledger/src/a.ts","/Users/jbloggs/ledger/src/b.ts"],"mappings":"AAAA"}""";

        var finding = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/dist/a.js.map", map)).Single(ExposureRules.HomePath);

        finding.Long("occurrences").ShouldBe(2);
        finding.Location.Path.ShouldBe("package/dist/a.js.map");
        finding.Location.Line.ShouldBeNull();
    }

    [Fact]
    public void Binaries_and_images_are_not_read()
    {
        var binary = Encoding.Latin1.GetBytes("\0\u0001ELF 'http://10.1.2.3:80' /home/priya/x\0");

        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            new TestFile("package/bin/tool.node", binary),
            TestFile.Text("package/logo.svg.png", "'http://10.1.2.3:80'"));

        result.Findings.ShouldNotContain(f => f.RuleId.StartsWith("exposure/", StringComparison.Ordinal));
    }

    [Fact]
    public void Prose_and_code_are_not_host_positions()
    {
        var text = "// staging is at staging.internal, see grafana.internal/d/x\nif (opts.local) x.localeCompare(y);\nconst f = 'settings.local.json';\nconst v = '10.2.3.4.5';\n";

        var result = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/a.js", text));

        result.Findings.ShouldNotContain(f => f.RuleId.StartsWith("exposure/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_address_needs_a_port_a_path_or_a_key_that_names_a_host()
    {
        // node-releases ships V8 versions such as "10.2.154.15" beside every Node release.
        var json = """{"v8":"10.2.154.15","version":"172.20.1.4","dbHost":"10.4.4.20","server_ip":'172.20.9.9',"zip":"10.3.3.3","proxy":"10.5.5.5:3128"}""";

        var values = ScanTarGz(TestFile.Text("package/package.json", Manifest), TestFile.Text("package/data.json", json))
            .Findings.Where(f => f.RuleId == ExposureRules.InternalHost).Select(f => f.Properties["value"]!.GetValue<string>()).Order();

        values.ShouldBe(["10.4.4.20", "10.5.5.5", "172.20.9.9"]);
    }

    [Fact]
    public void A_directory_targets_node_modules_and_git_folder_are_not_read()
    {
        var root = Directory.CreateTempSubdirectory("packguard-exposure-").FullName;
        try
        {
            void Write(string relative, string content)
            {
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
            Write("package.json", Manifest);
            Write("node_modules/dep/index.js", "fetch('http://10.1.2.3:80');\n");
            Write(".git/FETCH_HEAD", "x https://git.prod.internal/app.git\n");
            Write("lib/index.js", "fetch('http://10.4.5.6:80');\n");

            var values = ScanPath(root, isDirectory: true).Findings.Where(f => f.RuleId == ExposureRules.InternalHost).Select(f => f.Properties["value"]!.GetValue<string>());

            values.ShouldBe(["10.4.5.6"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Vendored_sources_are_someone_elses()
    {
        var vendored = TestArchive.TarGz([TestFile.Text("sqlite/sqlite3.c", "/* e.g. /home/drh/sqlite/x.db */\n")]);

        var result = ScanTarGz(TestFile.Text("package/package.json", Manifest), new TestFile("package/deps/sqlite.tar.gz", vendored));

        var finding = result.Single(ExposureRules.HomePath);
        finding.Severity.ShouldBe(Severity.Info);
        finding.Location.Path.ShouldBe("package/deps/sqlite.tar.gz!sqlite/sqlite3.c");
    }

    [Fact]
    public void Type_declarations_are_documentation()
    {
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Manifest),
            TestFile.Text("package/index.d.ts", "/** @example resolve('/Users/sindresorhus/dev') or connect('http://10.0.0.2:80') */\nexport {};\n"));

        result.Single(ExposureRules.HomePath).Severity.ShouldBe(Severity.Info);
        result.Single(ExposureRules.InternalHost).Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void Hostile_text_is_scanned_in_linear_time()
    {
        var matcher = new ExposureMatcher(new ExposureOptions { Codenames = ["falcon", "osprey"] });
        string[] inputs =
        [
            string.Concat(Enumerable.Repeat(".local", 400_000)),
            string.Concat(Enumerable.Repeat("a.", 1_000_000)) + "internal",
            string.Concat(Enumerable.Repeat("://", 800_000)),
            "http://" + new string('a', 2_000_000),
            string.Concat(Enumerable.Repeat("/home/", 400_000)),
            string.Concat(Enumerable.Repeat("'10.", 600_000)),
            string.Concat(Enumerable.Repeat("host: '10.1.1.", 200_000)),
            string.Concat(Enumerable.Repeat("C:\\\\Users\\\\", 200_000)),
            string.Concat(Enumerable.Repeat("falcon", 400_000)),
        ];
        var watch = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var scanner = new ExposureTextScanner(matcher, new Discard());
            scanner.Write(Encoding.ASCII.GetBytes(input));
            scanner.Complete();
        }
        // About 3 s on a busy 2-core machine (an anchor every 3 to 6 characters costs about 1 µs each);
        // anything quadratic would take hours on these 2 MB inputs.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    private sealed class Discard : IExposureRecorder
    {
        public void Record(ExposureKind kind, string value, long line, long column)
        {
        }
    }
}
