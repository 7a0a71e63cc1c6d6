using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>
/// Words the fix for a source-map finding in the package's own toolchain: how its packaging
/// leaves maps out, and which bundler option stops embedding sources.
/// </summary>
internal sealed class SourceMapFixAdvisor(PackageMetadata metadata, IReadOnlyList<BuildTool> tools)
{
    /// <summary>The fix for a map that embeds sources or reveals paths.</summary>
    public string ForMap(string kind, bool embedsSources)
    {
        var build = tools.Count > 0 ? BuildOption(tools[0]) : GenericBuildOption;
        if (kind == "inline")
            return $"The bundle carries its map inline, so every copy of it ships the map. Build the published bundle without an inline map: {build}.";
        var keepForDebugging = embedsSources
            ? $" If you need maps for debugging, upload them to your error tracker instead of publishing them, or build them without sources: {build}."
            : " If you keep publishing maps, know that their paths reveal your source layout.";
        return $"Do not publish the map: {Packaging()}.{keepForDebugging}{Verify()}";
    }

    /// <summary>The fix for a <c>sourceMappingURL</c> that leads nowhere in the package.</summary>
    public string ForDangling(bool remote)
    {
        var hidden = HiddenOption(tools.Count > 0 ? tools[0] : null);
        return remote
            ? $"Make sure the map at that URL is not publicly readable, or drop the comment from the published file with {hidden}."
            : $"Drop the comment from the published file with {hidden}, or ship the map on purpose if the package is open source.";
    }

    private string Packaging() => metadata.Ecosystem switch
    {
        "nuget" => "exclude *.map from the package in the project file (for example <Content Update=\"**/*.map\" Pack=\"false\" />)",
        "pypi" => "exclude *.map from the distribution (\"global-exclude *.map\" in MANIFEST.in, or your build backend's exclude setting)",
        _ when metadata.Files is not null => "add \"!**/*.map\" to the \"files\" allowlist in package.json",
        "npm" => "add a \"files\" allowlist to package.json that leaves *.map out (safer than .npmignore), or add \"*.map\" to .npmignore",
        _ => "remove the .map files from what you publish",
    };

    private string Verify() => metadata.Ecosystem switch
    {
        "npm" => " Check the result with `npm pack --dry-run` before publishing.",
        "nuget" => " Check the result by listing the .nupkg (it is a zip) before pushing.",
        _ => "",
    };

    private const string GenericBuildOption = "turn source maps off for the published build, or configure your bundler to omit sourcesContent";

    private static string BuildOption(BuildTool tool) => tool switch
    {
        BuildTool.Bun => "bun build --sourcemap=none for the published build",
        BuildTool.Esbuild => "esbuild --sources-content=false (sourcesContent: false in the build API), or no --sourcemap",
        BuildTool.Tsup => "sourcemap: false in tsup.config (tsup uses esbuild, whose maps embed sources)",
        BuildTool.Vite => "build.sourcemap: false in vite.config (or build.rollupOptions.output.sourcemapExcludeSources: true)",
        BuildTool.Rollup => "output.sourcemapExcludeSources: true in rollup.config (or output.sourcemap: false)",
        BuildTool.Webpack or BuildTool.Rspack => "devtool: 'nosources-source-map' (or devtool: false)",
        BuildTool.Parcel => "parcel build --no-source-maps",
        BuildTool.Ncc => "ncc build without --source-map",
        BuildTool.Swc => "\"inlineSourcesContent\": false (or \"sourceMaps\": false) in .swcrc",
        BuildTool.Terser => "leave includeSources out of terser's --source-map options",
        BuildTool.TypeScript => "\"inlineSources\": false and \"inlineSourceMap\": false in tsconfig.json (\"sourceMap\": false to emit none)",
        _ => GenericBuildOption,
    };

    private static string HiddenOption(BuildTool? tool) => tool switch
    {
        BuildTool.Webpack or BuildTool.Rspack => "devtool: 'hidden-source-map'",
        BuildTool.Esbuild or BuildTool.Tsup => "esbuild --sourcemap=external",
        BuildTool.Vite => "build.sourcemap: 'hidden'",
        BuildTool.Rollup => "output.sourcemap: 'hidden'",
        BuildTool.Bun => "bun build --sourcemap=external",
        _ => "a \"hidden\" source-map setting, which writes the map without the comment",
    };
}
