using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Inspectors.Files;

public static partial class FileRules
{
    private const string Grouping =
        "Reported once per folder, or once for the whole package when the files are scattered (or spread over more than five folders), with the file count and the first paths.";

    private static IEnumerable<RuleDescriptor> LitterRules()
    {
        yield return new(
            Log,
            "Log file in the package",
            Severity.Low,
            "The package ships log files (*.log, npm-debug.log, yarn-error.log, lerna-debug.log, pnpm-debug.log). " + Grouping,
            "Logs record what ran on the machine that wrote them: absolute paths with user names, host names, environment values, and sometimes the tokens a failing command printed.",
            "Delete the logs and leave *.log out of the package (\"files\" in package.json, or .npmignore); npm itself leaves out only npm-debug.log.",
            [
                new("npm's debug log", true, Package(new SampleFile("package/npm-debug.log", "0 info it worked if it ends with ok\n")), Severity.Low),
                new("application logs", true, Package(new SampleFile("package/logs/app.log", "started\n"), new SampleFile("package/logs/error.log", "failed\n")), Severity.Low),
                new("code about logging and a changelog", false, Package(new SampleFile("package/lib/log.js", "exports.log = console.log;\n"), new SampleFile("package/CHANGELOG.md", "# 1.0.0\n"))),
            ]);

        yield return new(
            Backup,
            "Backup or editor swap file in the package",
            Severity.Low,
            "The package ships backup, swap or merge leftovers: *~, *.bak, *.orig, *.old, *.rej, vim's .*.swp and .*.swo, emacs' #name#. A backup of a credential file (.env.bak, .npmrc~) is reported by that file's own rule. " + Grouping,
            "A backup is an older copy of a file, which may still hold what the current one no longer does (a key that was removed, a debug setting); a swap file holds an editor's unsaved changes.",
            "Delete the files and leave such patterns out of the package (.npmignore, or a \"files\" allowlist); npm itself leaves out only *.orig and .*.swp.",
            [
                new("a .bak copy of a module", true, Package(new SampleFile("package/lib/index.js.bak", "module.exports = 1;\n")), Severity.Low),
                new("an editor backup and a vim swap file", true, Package(new SampleFile("package/lib/util.js~", "x\n"), new SampleFile("package/lib/.util.js.swp", "b0VIM 8.2")), Severity.Low),
                new("code about backups", false, Package(new SampleFile("package/lib/backup.js", "exports.backup = () => {};\n"))),
            ]);

        yield return new(
            ToolCache,
            "Build or lint cache in the package",
            Severity.Low,
            "The package ships a tool's cache: ESLint's, Stylelint's or Prettier's cache file (.eslintcache, .stylelintcache, .prettiercache), TypeScript's incremental build state (*.tsbuildinfo), or a build tool's cache folder (.turbo/, .parcel-cache/, .sass-cache/, .nx/, .angular/, .swc/). Low for lint caches and cache folders, which record absolute paths of the developer's machine; info for *.tsbuildinfo. " + Grouping,
            "Caches are useless to users and record the machine that made them: a lint cache keys every entry by absolute path (/Users/<name>/...), a build cache holds intermediate output the package does not otherwise ship.",
            "Leave caches out of the package (\"files\" in package.json, or .npmignore) and out of version control; point tools' caches outside the project (eslint --cache-location) where they allow it.",
            [
                new("an ESLint cache", true, Package(new SampleFile("package/.eslintcache", "[{\"/Users/ann/work/app/index.js\":\"1\"}]")), Severity.Low),
                new("a Turborepo cache folder", true, Package(new SampleFile("package/.turbo/turbo-build.log", "build\n")), Severity.Low),
                new("TypeScript build state", true, Package(new SampleFile("package/dist/tsconfig.tsbuildinfo", "{\"program\":{}}")), Severity.Info),
                new("ESLint configuration", false, Package(new SampleFile("package/.eslintrc.json", "{}"), new SampleFile("package/lib/cache.js", "x\n"))),
            ]);

        yield return new(
            OsLitter,
            "Operating-system metadata file in the package",
            Severity.Low,
            "The package ships files the operating system writes on its own: .DS_Store, AppleDouble ._* files and __MACOSX/ folders (macOS), Thumbs.db and desktop.ini (Windows), .directory (KDE). " + Grouping,
            "A .DS_Store lists the names of the files in its folder, including files that were not published; Thumbs.db holds thumbnails of images that may not have shipped. They also show that the package was packed from a developer's desktop, not a clean build.",
            "Delete them and leave them out of the package; npm leaves out .DS_Store and ._* by default, so a package that ships them was packed another way or names them in \"files\".",
            [
                new("a .DS_Store", true, Package(new SampleFile("package/.DS_Store", "\u0000\u0000\u0000\u0001Bud1")), Severity.Low),
                new("Windows thumbnails and a __MACOSX folder", true, Package(new SampleFile("package/img/Thumbs.db", "\u00d0\u00cf"), new SampleFile("package/__MACOSX/img/._logo.png", "x")), Severity.Low),
                new("code that mentions them", false, Package(new SampleFile("package/lib/ds_store.js", "exports.parse = () => {};\n"))),
            ]);

        yield return new(
            IdeSettings,
            "Editor or IDE settings in the package",
            Severity.Low,
            "The package ships editor or IDE settings: .idea/, .vscode/, .vs/, .fleet/, .history/, *.sublime-workspace, Visual Studio's *.suo and *.user files. Info for shared project settings; low for per-user state (.idea/workspace.xml, .vs/, *.suo, *.user, *.sublime-workspace), which holds local paths and user names. " + Grouping,
            "Shared settings are harmless but useless to users; per-user state records the developer's machine: absolute paths, user names, recent files, sometimes data-source configurations with passwords.",
            "Leave editor folders out of the package (\"files\" in package.json, or .npmignore); keep per-user files out of version control too.",
            [
                new("an IntelliJ workspace", true, Package(new SampleFile("package/.idea/workspace.xml", "<project/>"), new SampleFile("package/.idea/modules.xml", "<project/>")), Severity.Low),
                new("VS Code settings", true, Package(new SampleFile("package/.vscode/settings.json", "{}"), new SampleFile("package/.vscode/launch.json", "{}")), Severity.Info),
                new("Visual Studio user options", true, Package(new SampleFile("package/src/App.csproj.user", "<Project/>")), Severity.Low),
                new("code about editors", false, Package(new SampleFile("package/lib/vscode.js", "exports.open = () => {};\n"))),
            ]);

        yield return new(
            Tests,
            "Test files in the package",
            Severity.Info,
            "The package ships its tests: test/, tests/, __tests__/, __mocks__/, __snapshots__/ folders, and files named *.test.*, *.spec.*, *_test.*, *_spec.* or test_*.py. Info: many popular packages ship their tests, and they harm no one. " + Grouping,
            "Tests make every install larger and slower for no one's benefit, and they are where sample credentials, fixtures with real data and internal host names tend to live.",
            "List what the package needs in the \"files\" field of package.json (or add test/ to .npmignore); check with `npm pack --dry-run`.",
            [
                new("a test folder", true, Package(new SampleFile("package/test/index.js", "require('assert')(true);\n"), new SampleFile("package/test/util.js", "x\n")), Severity.Info),
                new("test files beside the code", true, Package(new SampleFile("package/src/a.test.js", "test('a', () => {});\n"), new SampleFile("package/src/b.spec.ts", "it('b', () => {});\n")), Severity.Info),
                new("code whose names merely contain test", false, Package(new SampleFile("package/lib/testing.js", "x\n"), new SampleFile("package/lib/attest.js", "x\n"), new SampleFile("package/lib/contest/index.js", "x\n"))),
            ]);

        yield return new(
            Coverage,
            "Coverage output in the package",
            Severity.Low,
            "The package ships test-coverage output: coverage/, .nyc_output/, lcov-report/, htmlcov/ folders, lcov.info, coverage-final.json, .coverage. " + Grouping,
            "Coverage reports list every source file and line that ran, and HTML reports embed the full source of each covered file: a package that ships only a bundle can ship its source this way.",
            "Leave coverage output out of the package (\"files\" in package.json, or .npmignore) and out of version control.",
            [
                new("an HTML coverage report", true, Package(new SampleFile("package/coverage/lcov-report/index.html", "<html/>"), new SampleFile("package/coverage/lcov.info", "SF:src/a.ts\n")), Severity.Low),
                new("nyc's raw data", true, Package(new SampleFile("package/.nyc_output/1a2b.json", "{}")), Severity.Low),
                new("code about coverage", false, Package(new SampleFile("package/lib/coverage.js", "x\n"))),
            ]);

        yield return new(
            CiConfig,
            "CI configuration in the package",
            Severity.Info,
            "The package ships CI configuration: .github/, .circleci/, .buildkite/, .gitlab/ folders, .gitlab-ci.yml, .travis.yml, appveyor.yml, azure-pipelines.yml, Jenkinsfile, bitbucket-pipelines.yml, .drone.yml. Info: many popular packages ship it, and it is usually public in their repository anyway. " + Grouping,
            "CI configuration describes how the package is built and released: secret names, deployment targets, internal runners. Harmless when the repository is public; worth a look when it is not.",
            "List what the package needs in the \"files\" field of package.json (or add .github/ to .npmignore); check with `npm pack --dry-run`.",
            [
                new("GitHub workflows", true, Package(new SampleFile("package/.github/workflows/ci.yml", "on: push\n"), new SampleFile("package/.github/FUNDING.yml", "github: acme\n")), Severity.Info),
                new("a Travis configuration", true, Package(new SampleFile("package/.travis.yml", "language: node_js\n")), Severity.Info),
                new("code about CI", false, Package(new SampleFile("package/lib/github.js", "x\n"), new SampleFile("package/lib/ci.js", "x\n"))),
            ]);
    }
}
