using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>Build tools whose source-map options PackGuard can name in a fix.</summary>
internal enum BuildTool
{
    Bun,
    Esbuild,
    Tsup,
    Vite,
    Rollup,
    Webpack,
    Rspack,
    Parcel,
    Ncc,
    Swc,
    Terser,
    TypeScript,
}

/// <summary>
/// Works out which tools built the package, most specific first, from what the package itself
/// shows: declared dependencies, npm scripts, lockfiles at its root, and bundler fingerprints in
/// its maps' source names.
/// </summary>
internal static class Toolchain
{
    private static readonly (BuildTool Tool, string[] Packages, string[] Commands)[] Signals =
    [
        (BuildTool.Bun, ["bun-types", "@types/bun"], ["bun build"]),
        (BuildTool.Tsup, ["tsup"], ["tsup"]),
        (BuildTool.Esbuild, ["esbuild"], ["esbuild"]),
        (BuildTool.Vite, ["vite"], ["vite build"]),
        (BuildTool.Rollup, ["rollup"], ["rollup"]),
        (BuildTool.Rspack, ["@rspack/core", "@rspack/cli"], ["rspack"]),
        (BuildTool.Webpack, ["webpack", "webpack-cli"], ["webpack"]),
        (BuildTool.Parcel, ["parcel"], ["parcel build"]),
        (BuildTool.Ncc, ["@vercel/ncc"], ["ncc build"]),
        (BuildTool.Swc, ["@swc/core", "@swc/cli"], ["swc "]),
        (BuildTool.Terser, ["terser"], ["terser"]),
        (BuildTool.TypeScript, ["typescript"], ["tsc"]),
    ];

    /// <summary>The tools detected, most specific first; empty when nothing says.</summary>
    public static IReadOnlyList<BuildTool> Detect(PackageMetadata metadata, IReadOnlySet<string> rootFiles, bool webpackNames)
    {
        var found = new List<BuildTool>();
        if (rootFiles.Contains("bun.lock") || rootFiles.Contains("bun.lockb"))
            found.Add(BuildTool.Bun);
        if (webpackNames)
            found.Add(BuildTool.Webpack);
        var scripts = string.Join('\n', metadata.Scripts.Values);
        foreach (var (tool, packages, commands) in Signals)
        {
            if (packages.Any(p => metadata.DeclaredTools.Contains(p, StringComparer.Ordinal)) ||
                commands.Any(c => scripts.Contains(c, StringComparison.Ordinal)))
                found.Add(tool);
        }
        return [.. found.Distinct()];
    }
}
