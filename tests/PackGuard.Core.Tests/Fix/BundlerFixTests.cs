using System.Text.Json.Nodes;
using PackGuard.Artifacts.Inventory;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Fix;
using PackGuard.Rules;
using PackGuard.Scanning;

namespace PackGuard.Tests.Fix;

/// <summary>source-map/* findings get the bundler's own option, as a line edit, or advice when the config is code PackGuard will not guess at.</summary>
public sealed class BundlerFixTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("packguard-bundler-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("webpack.config.js", "module.exports = {\n  mode: 'production',\n  devtool: 'source-map',\n};\n", "  devtool: 'nosources-source-map',\n")]
    [InlineData("rollup.config.mjs", "export default {\n  output: {\n    file: 'dist/index.js',\n    sourcemap: true,\n  },\n};\n", "    sourcemap: true,\n    sourcemapExcludeSources: true,\n")]
    [InlineData("esbuild.config.mjs", "import * as esbuild from 'esbuild';\nawait esbuild.build({\n  entryPoints: ['src/index.ts'],\n  sourcemap: true\n});\n", "  sourcemap: true,\n  sourcesContent: false\n")]
    [InlineData("tsconfig.json", "{\n  \"compilerOptions\": {\n    \"sourceMap\": true,\n    \"inlineSources\": true\n  }\n}\n", "    \"inlineSources\": false\n")]
    public void Embedded_sources_get_the_bundler_option(string file, string config, string expectedLines)
    {
        var plan = PlanWith(file, config);

        var change = plan.Changes.Single(c => c.Path == file);
        change.NewText.ShouldContain(expectedLines);
        GitApply.Apply(new Dictionary<string, string> { [file] = config }, change.Diff)[file].ShouldBe(change.NewText);
        plan.Items.Single().Kinds.ShouldBe([FixKind.DropFile, FixKind.BuildOption]);
    }

    [Fact]
    public void A_devtool_computed_in_code_gets_advice_not_an_edit()
    {
        var plan = PlanWith("webpack.config.js", "module.exports = (env) => ({\n  devtool: env.production ? 'source-map' : 'eval',\n});\n");

        plan.Changes.ShouldAllBe(c => c.Path == "package.json");
        plan.Advice.ShouldContain(a => a.Contains("nosources-source-map", StringComparison.Ordinal));
    }

    [Fact]
    public void Vite_gets_advice_because_its_option_is_nested()
    {
        var plan = PlanWith("vite.config.ts", "export default defineConfig({\n  build: {\n    sourcemap: true,\n  },\n});\n");

        plan.Changes.ShouldAllBe(c => c.Path == "package.json");
        plan.Advice.ShouldContain(a => a.Contains("sourcemapExcludeSources", StringComparison.Ordinal));
    }

    private FixPlan PlanWith(string file, string config)
    {
        File.WriteAllText(Path.Combine(_directory, "package.json"), "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\",\n  \"main\": \"dist/index.js\"\n}\n");
        File.WriteAllText(Path.Combine(_directory, file), config);
        string[] files = ["package.json", "dist/index.js", "dist/index.js.map"];
        var entries = files.Select(p => new InventoryEntry(p, "package/" + p, 10, "00", FileKind.Text)).ToList();
        var finding = new Finding("source-map/embedded-sources", Severity.Critical, "t", "m", new FindingLocation("package/dist/index.js.map"), "f", new JsonObject());
        var scan = new ScanResult(new TargetInfo("x", "npm", "a", "1.0.0", null, null, 0, 3), [finding]) { Inventory = new ArtifactInventory(entries, PackageMetadata.None) };
        return new FixPlanner(RuleCatalog.Default).Plan(_directory, "npm", scan);
    }
}
