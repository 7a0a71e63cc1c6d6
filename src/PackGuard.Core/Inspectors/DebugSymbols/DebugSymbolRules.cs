using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Inspectors.DebugSymbols.Samples;
using PackGuard.Rules;
using static PackGuard.Inspectors.DebugSymbols.Samples.SymbolSampleFiles;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>The debug-symbol rules, their catalog entries and their samples.</summary>
public static class DebugSymbolRules
{
    /// <summary>Debug symbols (a portable PDB, DWARF 5 line tables) embed the original source.</summary>
    public const string EmbeddedSource = "debug-symbols/embedded-source";

    /// <summary>A portable PDB (standalone, in a symbol package or embedded in a DLL) without embedded source.</summary>
    public const string PortablePdb = "debug-symbols/portable-pdb";

    /// <summary>A Windows (MSF) PDB.</summary>
    public const string WindowsPdb = "debug-symbols/windows-pdb";

    /// <summary>An ELF binary carries DWARF debug information.</summary>
    public const string Dwarf = "debug-symbols/dwarf";

    /// <summary>An ELF binary is not stripped: it has a symbol table.</summary>
    public const string Unstripped = "debug-symbols/unstripped-binary";

    /// <summary>A Mach-O .dSYM bundle.</summary>
    public const string Dsym = "debug-symbols/dsym";

    /// <summary>Build paths in debug symbols name a person's home directory.</summary>
    public const string UserPath = "debug-symbols/user-path";

    internal const string UserPathTitle = "Debug symbols reveal a build machine's user name";

    private const string DevPdbPath = @"C:\Users\jdoe\source\repos\Acme.Secret\obj\Release\net8.0\Acme.Secret.pdb";
    private const string CiPdbPath = "/home/runner/work/secret/secret/src/Acme.Secret/obj/Release/net8.0/Acme.Secret.pdb";
    private const string DeterministicPdbPath = "/_/src/Acme.Secret/obj/Release/net8.0/Acme.Secret.pdb";

    internal static string TitleOf(string ruleId) => All.First(r => r.Id == ruleId).Title;

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = Build();

    private static SampleFile Nuspec(string text) => new("Acme.Secret.nuspec", text);

    private static List<RuleDescriptor> Build() =>
    [
        new(
            EmbeddedSource,
            "Debug symbols embed original source code",
            Severity.Critical,
            "Debug symbols in the package carry the source files they describe. PackGuard reads portable PDBs wherever they ship (a .pdb file, a .snupkg, or embedded in a DLL's debug directory with DebugType=embedded), counts the documents whose source is embedded (EmbedAllSources, EmbeddedFiles) and their lines and bytes, and tells the project's own files from the ones the build generates. It also reads the DWARF 5 line tables of ELF binaries, where clang -gembed-source stores sources.",
            "Whoever installs the package can read the original source, comments included, with any decompiler or debugger. In a proprietary package that is the product's code. Severity follows the package's openness: critical when it is not plainly open source (no OSI licence, a licence file, no licence at all), high for an open licence without a public repository, low when the repository (or Source Link) is public anyway, and info when only build-generated files (assembly attributes, global usings, source-generator output) are embedded, as EmbedUntrackedSources does.",
            "Stop embedding source: remove EmbedAllSources (or set it to false) and EmbeddedFiles; debuggers fetch sources from the repository through Source Link instead. Ship symbols separately: DebugType=portable, not embedded, and IncludeSymbols=true with SymbolPackageFormat=snupkg, or a private symbol server. For native code, build without -gembed-source or strip debug information (strip --strip-debug, objcopy --strip-debug).",
            new DeferredSamples(() =>
            [
                new("proprietary package whose PDB embeds all sources", true,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath), PdbFile("lib/net8.0/Acme.Secret.pdb", SourceDocuments)], Severity.Critical),
                new("DLL with an embedded PDB that embeds sources", true,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath, SourceDocuments)], Severity.Critical),
                new("PDB found by content under another name", true,
                    [Nuspec(ProprietaryNuspec), PdbFile("lib/net8.0/Acme.Secret.bin", SourceDocuments)], Severity.Critical),
                new("open licence without a public repository", true,
                    [Nuspec(LicenceOnlyNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", SourceDocuments)], Severity.High),
                new("open licence and Source Link to a public repository", true,
                    [Nuspec(LicenceOnlyNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", SourceDocuments, Link)], Severity.Low),
                new("MIT licence and a public repository", true,
                    [Nuspec(OpenNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", SourceDocuments)], Severity.Low),
                new("symbol package of a public repository", true,
                    [Nuspec(SymbolsNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", SourceDocuments, Link)], Severity.Low),
                new("only build-generated files embedded", true,
                    [Nuspec(ProprietaryNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", GeneratedOnly)], Severity.Info),
                new("ELF binary whose DWARF 5 line tables embed sources", true,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", NativeSamples.Dwarf(5, "/build/acme", ("src/engine.c", "int engine(void) { return 42; }\n"), ("src/key.c", "static const char *k = \"v1\";\n")))], Severity.Critical),
                new("PDB without embedded source", false,
                    [Nuspec(ProprietaryNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", DocumentPaths)]),
                new("DLL that only names its PDB", false,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath)]),
                new("text file named like a PDB", false,
                    [Nuspec(ProprietaryNuspec), new("lib/net8.0/notes.pdb", "BSJB is how metadata starts; this is a note about it.\n")]),
                new("ELF binary with DWARF 5 but no embedded source", false,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", NativeSamples.Dwarf(5, "/build/acme", ("src/engine.c", null)))]),
            ])),
        new(
            PortablePdb,
            "Package ships a portable PDB",
            Severity.Low,
            "A portable PDB ships in the package, as a .pdb file or embedded in a DLL (DebugType=embedded), without embedded source. It names every source document of the assembly, and maps its code to lines of those files; PackGuard counts the documents and reads its Source Link map (which repositories and hosts the sources come from).",
            "Most open-source .NET packages ship symbols this way, and debuggers need them, so this is information in an open package or a symbol package (.snupkg), whose purpose is to carry symbols. In a proprietary package the document paths still reveal the layout and names of the source tree, and a later build with EmbedAllSources would ship the source itself: low.",
            "Nothing to do for an open-source package. Otherwise leave .pdb files out of the package (AllowedOutputExtensionsInPackageBuildOutputFolder without .pdb; DebugType=portable rather than embedded) and publish them as a symbol package (IncludeSymbols=true, SymbolPackageFormat=snupkg) or to a private symbol server; build with ContinuousIntegrationBuild=true so that document paths are /_/-relative.",
            new DeferredSamples(() =>
            [
                new("proprietary package with a PDB", true,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath), PdbFile("lib/net8.0/Acme.Secret.pdb", DocumentPaths)], Severity.Low),
                new("open-source package with a PDB and Source Link", true,
                    [Nuspec(OpenNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", DocumentPaths, Link)], Severity.Info),
                new("DLL with an embedded PDB in an open-source package", true,
                    [Nuspec(OpenNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath, DocumentPaths)], Severity.Info),
                new("PDB inside a nested tar", true,
                    [Nuspec(ProprietaryNuspec), SampleTar.File("tools/symbols.tar", PdbFile("lib/Acme.Secret.pdb", DocumentPaths))], Severity.Low),
                new("proprietary package carrying its .snupkg", true,
                    [Nuspec(ProprietaryNuspec), Snupkg("symbols/Acme.Secret.1.0.0.snupkg", DocumentPaths)], Severity.Info),
                new("DLL that only names its PDB", false,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath)]),
                new("PDB that embeds sources is reported as embedded source", false,
                    [Nuspec(ProprietaryNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", SourceDocuments)]),
            ])),
        new(
            WindowsPdb,
            "Package ships a Windows PDB",
            Severity.Low,
            "A Windows PDB (the MSF 7.00 container of the Microsoft toolchain, or the older 2.00 format) ships in the package. PackGuard recognises it by its signature and searches its strings for build paths; it does not read its streams.",
            "A full Windows PDB holds the private symbols of native code: every function, type and local variable name, source file paths and line numbers, which make reverse engineering much easier. Information in an open-source package; low in a proprietary one.",
            "Publish PDBs to a symbol server instead of the package. For native code that must ship one, link with /PDBSTRIPPED to produce a public PDB without private symbols; for .NET, build portable PDBs (DebugType=portable).",
            new DeferredSamples(() =>
            [
                new("proprietary package with a Windows PDB", true,
                    [Nuspec(ProprietaryNuspec), SampleFile.Binary("runtimes/win-x64/native/acme.pdb", NativeSamples.WindowsPdb("D:\\a\\acme\\src\\engine.cpp"))], Severity.Low),
                new("open-source npm package with a Windows PDB", true,
                    [new("package/package.json", OpenNpm), SampleFile.Binary("package/prebuilds/win32-x64/acme.pdb", NativeSamples.WindowsPdb("D:\\a\\acme\\src\\engine.cpp"))], Severity.Info),
                new("portable PDB", false,
                    [Nuspec(ProprietaryNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", DocumentPaths)]),
                new("text that quotes the signature", false,
                    [Nuspec(ProprietaryNuspec), new("docs/pdb.md", "A PDB starts with \"Microsoft C/C++ MSF 7.00\".\n")]),
            ])),
        new(
            Dwarf,
            "Native binary carries DWARF debug information",
            Severity.Low,
            "An ELF binary in the package (a Node.js addon, a shared library, an executable) carries DWARF debug sections (.debug_info, .debug_line, ...). PackGuard keeps only the sections after the loaded segments as the file streams past, lists the debug sections, reads the line tables' version and source files, and reports embedded sources under debug-symbols/embedded-source.",
            "DWARF describes the program for a debugger: every function, type and variable name, source file paths and line tables. It helps reverse engineering and leaks build paths, and it usually doubles or triples the binary's size. Information in an open-source package; low in a proprietary one. DWARF that only describes the toolchain's runtime (C runtime startup files from a libc built with debug information, the Rust standard library) is information everywhere: it says nothing about the package's code.",
            "Strip debug information before publishing: strip --strip-debug (or objcopy --strip-debug), and keep it for crash analysis with objcopy --only-keep-debug and --add-gnu-debuglink. Go: -ldflags=\"-s -w\"; Rust: [profile.release] strip = \"debuginfo\".",
            new DeferredSamples(() =>
            [
                new("proprietary addon with DWARF 4", true,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/build/Release/acme.node", [.. NativeSamples.Dwarf(4, "/build/acme", ("src/engine.c", null)), .. NativeSamples.SymbolTable("engine")])], Severity.Low),
                new("open-source addon with DWARF 5", true,
                    [new("package/package.json", OpenNpm), ElfFile("package/acme.node", NativeSamples.Dwarf(5, "/build/acme", ("src/engine.c", null)))], Severity.Info),
                new("DWARF only for the C runtime's startup files", true,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", NativeSamples.Dwarf(5, "/home/buildozer/aports/main/musl/src/musl-1.2.6", ("crt/x86_64/crti.s", null), ("crt/x86_64/crtn.s", null)))], Severity.Info),
                new("stripped binary", false,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node")]),
                new("binary whose DWARF embeds source is reported as embedded source", false,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", NativeSamples.Dwarf(5, "/build/acme", ("src/engine.c", "int engine(void) { return 42; }\n")))]),
            ])),
        new(
            Unstripped,
            "Native binary is not stripped",
            Severity.Low,
            "An ELF binary in the package keeps its symbol table (.symtab) though it carries no DWARF debug information: strip was not run.",
            "The symbol table names every function and global variable, internal ones included, which maps the binary for anyone reverse engineering it; the loader does not need it (exported symbols live in .dynsym). Information in an open-source package; low in a proprietary one.",
            "Run strip --strip-unneeded (or strip -s) on the binary before publishing. Go: -ldflags=\"-s -w\"; Rust: [profile.release] strip = \"symbols\"; Zig: -fstrip.",
            new DeferredSamples(() =>
            [
                new("proprietary addon with a symbol table", true,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", NativeSamples.SymbolTable("license_check"))], Severity.Low),
                new("open-source executable with a symbol table", true,
                    [new("package/package.json", OpenNpm), ElfFile("package/bin/acme", NativeSamples.SymbolTable("main"))], Severity.Info),
                new("stripped binary", false,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node")]),
                new("binary with DWARF is reported as DWARF", false,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", [.. NativeSamples.Dwarf(4, "/build/acme", ("src/engine.c", null)), .. NativeSamples.SymbolTable("engine")])]),
            ])),
        new(
            Dsym,
            "Package ships a .dSYM bundle",
            Severity.Low,
            "The package holds the DWARF file of a Mach-O .dSYM bundle (a path under .dSYM/Contents/Resources/DWARF/ with a Mach-O header): the debug information Xcode and dsymutil split off a macOS or iOS binary. PackGuard searches its strings for build paths.",
            "A .dSYM holds the full debug information of the binary (function, type and variable names, source paths, line tables) and is meant for crash reporting, not for distribution. Information in an open-source package; low in a proprietary one.",
            "Leave .dSYM bundles out of the package (a \"files\" allowlist, .npmignore, or the package's include list) and upload them to your crash reporter or symbol store.",
            new DeferredSamples(() =>
            [
                new("proprietary package with a dSYM", true,
                    [new("package/package.json", ProprietaryNpm), SampleFile.Binary("package/prebuilds/darwin-arm64/acme.node.dSYM/Contents/Resources/DWARF/acme.node", NativeSamples.MachODsym("/build/acme/src/engine.c"))], Severity.Low),
                new("open-source package with a dSYM", true,
                    [new("package/package.json", OpenNpm), SampleFile.Binary("package/acme.node.dSYM/Contents/Resources/DWARF/acme.node", NativeSamples.MachODsym("/build/acme/src/engine.c"))], Severity.Info),
                new("the bundle's Info.plist", false,
                    [new("package/package.json", ProprietaryNpm), new("package/acme.node.dSYM/Contents/Info.plist", "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict/></plist>\n")]),
                new("Mach-O binary outside a dSYM bundle", false,
                    [new("package/package.json", ProprietaryNpm), SampleFile.Binary("package/prebuilds/darwin-arm64/acme.node", NativeSamples.MachODsym("/build/acme/src/engine.c"))]),
            ])),
        new(
            UserPath,
            UserPathTitle,
            Severity.Medium,
            "Paths in the package's debug symbols lie under a person's home directory (/home/<user>/, /Users/<user>/, C:\\Users\\<user>\\): the CodeView PDB path of a DLL, the document paths and Source Link roots of a portable PDB, the paths in DWARF, the strings of Windows PDBs and dSYM files. The user name is reported, since that is what leaks; accounts of build services (runner, vsts, VssAdministrator, circleci, ...) are not.",
            "The path names whoever built the release and shows it was built on a workstation rather than a clean, reproducible build agent; it also reveals the layout of that machine. Medium in a proprietary package, low in an open-source one.",
            "Build releases on a build agent with deterministic paths. .NET: ContinuousIntegrationBuild=true (DeterministicSourcePaths) maps source paths to /_/; PathMap=$(MSBuildProjectDirectory)=/_/ for other layouts. C/C++: -ffile-prefix-map=$HOME=/build; Rust: --remap-path-prefix; Go: -trimpath.",
            new DeferredSamples(() =>
            [
                new("CodeView path under a developer's profile in a proprietary DLL", true,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DevPdbPath)], Severity.Medium),
                new("PDB documents under a home directory in an open-source package", true,
                    [Nuspec(OpenNuspec), PdbFile("lib/net8.0/Acme.Secret.pdb", [new("/home/jdoe/src/secret/Pricing.cs")])], Severity.Low),
                new("DWARF paths under a macOS home directory", true,
                    [new("package/package.json", ProprietaryNpm), ElfFile("package/acme.node", NativeSamples.Dwarf(5, "/Users/jdoe/src/acme", ("src/engine.c", null)))], Severity.Medium),
                new("Windows PDB strings under a profile", true,
                    [Nuspec(OpenNuspec), SampleFile.Binary("runtimes/win-x64/native/acme.pdb", NativeSamples.WindowsPdb(@"C:\Users\jdoe\src\acme\engine.cpp"))], Severity.Low),
                new("build on a CI runner", false,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", CiPdbPath)]),
                new("a service account under its 8.3 short name", false,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", @"C:\Users\CLOUDT~1\AppData\Local\Temp\Acme.Secret.pdb")]),
                new("deterministic paths", false,
                    [Nuspec(ProprietaryNuspec), Dll("lib/net8.0/Acme.Secret.dll", DeterministicPdbPath), PdbFile("lib/net8.0/Acme.Secret.pdb", DocumentPaths)]),
                new("home directory in a script, not in symbols", false,
                    [new("package/package.json", ProprietaryNpm), new("package/install.js", "// copied from /home/jdoe/src/acme/install.js\n")]),
            ])),
    ];
}
