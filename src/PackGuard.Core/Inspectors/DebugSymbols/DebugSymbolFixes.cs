namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>The remedy for each kind of finding, in the terms of the toolchain that built the file.</summary>
internal static class DebugSymbolFixes
{
    public const string EmbeddedPdbSource =
        "Stop embedding the source: remove EmbedAllSources (or set <EmbedAllSources>false</EmbedAllSources>) and list no files in <EmbeddedFiles>; EmbedUntrackedSources only embeds build-generated files. Debuggers can still fetch the source from the repository through Source Link. To keep symbols out of the package altogether, use DebugType=portable (not embedded), leave .pdb out of AllowedOutputExtensionsInPackageBuildOutputFolder, and publish them as a symbol package (IncludeSymbols=true, SymbolPackageFormat=snupkg) or to a private symbol server.";

    public const string EmbeddedDwarfSource =
        "Rebuild without -gembed-source, or strip the debug information before publishing (strip --strip-debug, or objcopy --strip-debug) and keep it for crash analysis in a separate file (objcopy --only-keep-debug, then --add-gnu-debuglink).";

    public const string PortablePdb =
        "Nothing to do if the package should carry its symbols (most open-source packages do). Otherwise leave the .pdb out (remove it from AllowedOutputExtensionsInPackageBuildOutputFolder; DebugType=portable instead of embedded) and publish it as a symbol package (IncludeSymbols=true, SymbolPackageFormat=snupkg). Build with ContinuousIntegrationBuild=true so that document paths read /_/ instead of the build machine's.";

    public const string WindowsPdb =
        "Leave the PDB out of the package and publish it to a symbol server instead; for .NET, build portable PDBs (DebugType=portable). For native code that must ship a PDB, link with /PDBSTRIPPED to ship a public PDB without private symbols, types or source paths.";

    public const string Dwarf =
        "Strip debug information before publishing: strip --strip-debug (or objcopy --strip-debug), keeping it for crash analysis with objcopy --only-keep-debug and --add-gnu-debuglink. Go: -ldflags=\"-s -w\"; Rust: [profile.release] strip = \"debuginfo\"; CMake: a Release build without -g.";

    public const string Unstripped =
        "Strip the symbol table before publishing: strip --strip-unneeded (or strip -s). Go: -ldflags=\"-s -w\"; Rust: [profile.release] strip = \"symbols\"; Zig: -fstrip. Exported symbols a loader needs stay in .dynsym.";

    public const string Dsym =
        "Leave .dSYM bundles out of the package (a \"files\" allowlist, .npmignore or the package's include list) and upload them to your crash reporter or symbol store instead.";

    public const string UserPath =
        "Build on a clean build agent, with paths mapped away from the home directory. .NET: ContinuousIntegrationBuild=true (DeterministicSourcePaths), which maps source paths to /_/, or PathMap=$(MSBuildProjectDirectory)=/_/ for other layouts. C/C++: -ffile-prefix-map=$HOME=/build (gcc, clang); Rust: --remap-path-prefix=$HOME=/build; Go: -trimpath. Or strip the debug information that holds the paths.";
}
