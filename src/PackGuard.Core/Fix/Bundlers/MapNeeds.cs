namespace PackGuard.Fix.Bundlers;

/// <summary>What the source-map findings ask of the build.</summary>
/// <param name="DropSources">A map embeds original source (<c>source-map/embedded-sources</c>): build maps without <c>sourcesContent</c>.</param>
/// <param name="HideReference">A published file names a map that does not ship (<c>source-map/dangling-reference</c>): build without the comment.</param>
/// <param name="NoInlineMaps">A map is inline in a file the package needs, so leaving files out cannot remove it: build maps as separate files.</param>
internal readonly record struct MapNeeds(bool DropSources, bool HideReference, bool NoInlineMaps)
{
    /// <summary>Whether anything is asked.</summary>
    public bool Any => DropSources || HideReference || NoInlineMaps;
}

/// <summary>One proposed or advised bundler change.</summary>
/// <param name="Tool">esbuild, webpack, Rollup, Vite, tsc or Bun.</param>
/// <param name="Where">The file (and script) it is in.</param>
/// <param name="Applied">Whether the change is a file edit (else advice only).</param>
/// <param name="Text">What it does, or the advice.</param>
internal sealed record BundlerChange(string Tool, string Where, bool Applied, string Text);
