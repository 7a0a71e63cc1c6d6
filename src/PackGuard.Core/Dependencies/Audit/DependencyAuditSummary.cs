namespace PackGuard.Dependencies.Audit;

/// <summary>What <c>packguard deps</c> read and checked, as the report's <c>dependencies</c> object shows it.</summary>
/// <param name="Files">Each file read, in path order.</param>
public sealed record DependencyAuditSummary(IReadOnlyList<AuditedFile> Files)
{
    /// <summary>Packages across all files (a package listed by two files counts twice).</summary>
    public int Packages => Files.Sum(f => f.Packages);

    /// <summary>Whether the registries were asked (<c>--online</c>).</summary>
    public bool Online { get; init; }

    /// <summary>With <c>--online</c>: look-ups the registries did not answer (their packages were not checked online).</summary>
    public int FailedLookups { get; init; }

    /// <summary>Records in the advisory store the packages were matched against; <see langword="null"/> when no store was used.</summary>
    public int? AdvisoryRecords { get; init; }

    /// <summary>What could not be checked, in sentences for the report ("yarn.lock does not record install scripts").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One file <c>packguard deps</c> read.</summary>
/// <param name="Path">As shown in findings.</param>
/// <param name="Format">One of <see cref="LockfileFormats"/>.</param>
/// <param name="FormatVersion">The format's own version, when it has one.</param>
/// <param name="Ecosystem">The packages' ecosystem.</param>
/// <param name="Packages">Packages read.</param>
/// <param name="Direct">Of which declared by the project itself.</param>
/// <param name="Problems">Problems met reading it.</param>
public sealed record AuditedFile(string Path, string Format, string? FormatVersion, string? Ecosystem, int Packages, int Direct, int Problems);
