using PackGuard.Findings;

namespace PackGuard.Rules;

/// <summary>
/// A rule's catalog entry: what it detects, why it matters and how to fix it. Every detection
/// rule carries samples that fire and samples that do not; one test runs them all.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    Severity DefaultSeverity,
    string Description,
    string WhyItMatters,
    string HowToFix,
    IReadOnlyList<RuleSample> Samples)
{
    /// <summary>The family part of the id (<c>source-map</c> in <c>source-map/embedded-sources</c>).</summary>
    public string Family => Id[..Id.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>How often the rule's findings are true positives; SARIF consumers rank alerts by it.</summary>
    public RulePrecision Precision { get; init; } = RulePrecision.High;
}

/// <summary>
/// A small artifact that a rule must (or must not) fire on. The catalog test packs the files into
/// a tarball, scans it and checks the outcome.
/// </summary>
/// <param name="Name">What the sample shows, for test output.</param>
/// <param name="Fires">Whether the rule must report at least one finding.</param>
/// <param name="Files">The files of the sample artifact.</param>
/// <param name="Severity">When set, the severity the finding must have.</param>
public sealed record RuleSample(string Name, bool Fires, IReadOnlyList<SampleFile> Files, Severity? Severity = null)
{
    /// <summary>Limits to scan the sample with, when the rule is about limits.</summary>
    public Artifacts.ArtifactLimits? Limits { get; init; }

    /// <summary>
    /// The files of the old version, for <c>diff/*</c> rules: the catalog test then scans this and
    /// <see cref="Files"/> as two versions and diffs them.
    /// </summary>
    public IReadOnlyList<SampleFile>? Before { get; init; }

    /// <summary>
    /// For <c>exposure/codename</c>: the codenames the sample's team declares
    /// (<c>exposure.codenames</c> in the policy file). The catalog test scans with them.
    /// </summary>
    public IReadOnlyList<string>? Codenames { get; init; }

    /// <summary>
    /// For <c>gate/*</c> rules, which read the registry and not the files: the catalog test
    /// evaluates the registry signals of this packument instead of scanning.
    /// </summary>
    public RegistrySample? Registry { get; init; }

    /// <summary>
    /// For <c>dependency/*</c> and <c>lockfile/*</c> rules, which read a project's lockfiles and not
    /// an artifact: the catalog test writes these files into a directory and audits it as
    /// <c>packguard deps</c> does.
    /// </summary>
    public ProjectSample? Project { get; init; }

    /// <summary>
    /// For <c>credential/not-rotated</c>: the files of an earlier target whose scan was blocked. The
    /// catalog test records that scan in a ledger as a failed run, then scans <see cref="Files"/>.
    /// </summary>
    public IReadOnlyList<SampleFile>? Earlier { get; init; }
}

/// <summary>A project for a <c>dependency/*</c> or <c>lockfile/*</c> rule sample.</summary>
/// <param name="Files">The project's lockfiles, manifests and configuration files.</param>
public sealed record ProjectSample(IReadOnlyList<SampleFile> Files)
{
    /// <summary>What the sample's team declares (<c>deps</c> in the policy file).</summary>
    public Dependencies.Audit.DependencyPolicy Policy { get; init; } = Dependencies.Audit.DependencyPolicy.Default;

    /// <summary>OSV records the sample's advisory store holds (JSON text), for <c>dependency/known-malicious</c>.</summary>
    public IReadOnlyList<string> Advisories { get; init; } = [];

    /// <summary>
    /// For the <c>--online</c> checks: what the public registry answers, by <c>ecosystem:name</c>;
    /// each entry lists the versions it has with how many hours before <see cref="Now"/> they were
    /// published. A name not listed is missing from the registry.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Registry { get; init; }

    /// <summary>The time the online checks run at.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>A registry history for a <c>gate/*</c> rule sample.</summary>
/// <param name="Packument">The full npm packument (JSON).</param>
/// <param name="Version">The version the gate judges.</param>
/// <param name="Now">The time the gate runs at.</param>
public sealed record RegistrySample(string Packument, string Version, DateTimeOffset Now);

/// <summary>
/// A file in a rule sample. A <see cref="LinkTarget"/> makes it a symbolic link; <see cref="Base64"/>
/// makes it binary (a DLL, a PDB, an ELF binary), with <see cref="Content"/> holding its bytes in base64.
/// </summary>
public sealed record SampleFile(string Path, string Content, string? LinkTarget = null)
{
    /// <summary>A binary file: its bytes are kept as base64 in <see cref="Content"/>.</summary>
    public static SampleFile Binary(string path, ReadOnlySpan<byte> content) =>
        new(path, Convert.ToBase64String(content)) { Base64 = true };

    /// <summary><see cref="Content"/> is the base64 of the file's bytes, not its text.</summary>
    public bool Base64 { get; init; }

    /// <summary>
    /// The file is <see cref="Content"/> this many times over. Large samples (a size jump needs
    /// megabytes) are built only when a test asks for <see cref="Text"/>: the catalog is loaded by
    /// every command, and its samples should not cost every run their memory.
    /// </summary>
    public int Repeat { get; init; } = 1;

    /// <summary>The file's text: <see cref="Content"/> repeated <see cref="Repeat"/> times.</summary>
    public string Text => Repeat == 1 ? Content : string.Concat(Enumerable.Repeat(Content, Repeat));

    /// <summary>The file's bytes: <see cref="Text"/> in UTF-8, or, for a binary file, the decoded bytes repeated <see cref="Repeat"/> times.</summary>
    public byte[] Bytes => Base64
        ? [.. Enumerable.Repeat(Convert.FromBase64String(Content), Repeat).SelectMany(b => b)]
        : System.Text.Encoding.UTF8.GetBytes(Text);
}
