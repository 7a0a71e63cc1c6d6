namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>What an ELF file carries for a debugger.</summary>
/// <param name="DebugSections">Names of its DWARF sections (<c>.debug_*</c>, <c>.zdebug_*</c>) that hold data.</param>
/// <param name="DebugBytes">Their size in the file.</param>
/// <param name="SymbolTable">A <c>.symtab</c> (SHT_SYMTAB) is present: the file is not stripped.</param>
/// <param name="DwarfVersion">The DWARF version of its line tables, when they could be read.</param>
/// <param name="DebugLink">The separate debug file <c>.gnu_debuglink</c> names, if any.</param>
/// <param name="SourceFiles">Distinct source files its line tables name.</param>
/// <param name="EmbeddedSources">Files whose source DWARF 5 embeds (<c>DW_LNCT_LLVM_source</c>).</param>
/// <param name="EmbeddedBytes">Their bytes.</param>
/// <param name="EmbeddedLines">Their lines.</param>
/// <param name="EmbeddedExamples">A few of them.</param>
/// <param name="Incomplete">What could not be read, or <see langword="null"/>.</param>
internal sealed record ElfMeasurement(IReadOnlyList<string> DebugSections, long DebugBytes, bool SymbolTable, int? DwarfVersion,
    string? DebugLink, int SourceFiles, int EmbeddedSources, long EmbeddedBytes, long EmbeddedLines,
    IReadOnlyList<string> EmbeddedExamples, string? Incomplete)
{
    /// <summary>
    /// Every source file the line tables name belongs to the toolchain's runtime (C runtime
    /// startup files, libc, the Rust standard library): the DWARF came in with them, and says
    /// nothing about the package's own code.
    /// </summary>
    public bool ToolchainOnly { get; init; }

    /// <summary>A few of the source files the line tables name.</summary>
    public IReadOnlyList<string> ExampleFiles { get; init; } = [];

    /// <summary>The file carries DWARF debug information.</summary>
    public bool HasDwarf => DebugSections.Count > 0;
}
