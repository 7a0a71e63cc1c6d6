namespace PackGuard.Artifacts.Inventory;

/// <summary>What a file is, as far as a release reviewer cares: the kinds a diff calls out when they first appear.</summary>
public enum FileKind
{
    /// <summary>Text, code, data: everything that is none of the others.</summary>
    Text,

    /// <summary>A source map (by name or by its JSON keys).</summary>
    SourceMap,

    /// <summary>Debug symbols: .pdb (Windows and portable), .dSYM bundles, split DWARF (.dwo, .dwp, .debug).</summary>
    Symbols,

    /// <summary>Native code by magic bytes: ELF, PE (including .NET assemblies), Mach-O, WebAssembly.</summary>
    NativeBinary,

    /// <summary>An archive by magic bytes (gzip, tar, zip family, bzip2, xz, zstd, 7z, rar).</summary>
    Archive,

    /// <summary>A file marked executable, or a script that starts with <c>#!</c>.</summary>
    Executable,
}

/// <summary>The names reports use for <see cref="FileKind"/>.</summary>
public static class FileKindNames
{
    /// <summary><c>source-map</c>, <c>symbols</c>, <c>native-binary</c>, <c>archive</c>, <c>executable</c>, <c>text</c>.</summary>
    public static string ToName(this FileKind kind) => kind switch
    {
        FileKind.SourceMap => "source-map",
        FileKind.Symbols => "symbols",
        FileKind.NativeBinary => "native-binary",
        FileKind.Archive => "archive",
        FileKind.Executable => "executable",
        _ => "text",
    };

    /// <summary>As a sentence says it: "source map", "native binary".</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.SourceMap => "source map",
        FileKind.Symbols => "debug symbols",
        FileKind.NativeBinary => "native binary",
        FileKind.Archive => "archive",
        FileKind.Executable => "executable",
        _ => "text file",
    };
}
