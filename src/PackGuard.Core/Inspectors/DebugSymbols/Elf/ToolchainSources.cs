namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>
/// Recognises source files that belong to a toolchain's runtime rather than to the program: the
/// C runtime's startup files (crt1.o, crti.o, crtn.o, crtbegin.o, ...), which a libc built with
/// debug information brings into every binary linked against it, libc's own sources, and the
/// Rust standard library (paths under /rustc/&lt;commit&gt;/).
/// </summary>
internal static class ToolchainSources
{
    private static readonly HashSet<string> StartupFiles = new(StringComparer.Ordinal)
    {
        "crt1", "crti", "crtn", "Scrt1", "rcrt1", "gcrt1", "Mcrt1", "crt0",
        "crtbegin", "crtbeginS", "crtbeginT", "crtend", "crtendS", "crtfastmath", "start", "_start", "dlstart",
    };

    private static readonly string[] RuntimeDirectories = ["/musl/", "/sysdeps/", "/csu/", "/libgcc/", "/compiler-rt/"];

    /// <summary>Whether the file is part of the toolchain's runtime.</summary>
    public static bool IsRuntime(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith("/rustc/", StringComparison.Ordinal))
            return true;
        var name = normalized[(normalized.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (StartupFiles.Contains(dot > 0 ? name[..dot] : name))
            return true;
        return RuntimeDirectories.Any(d => normalized.Contains(d, StringComparison.Ordinal))
            || normalized.Contains("/musl-", StringComparison.Ordinal) || normalized.Contains("/glibc-", StringComparison.Ordinal);
    }
}
