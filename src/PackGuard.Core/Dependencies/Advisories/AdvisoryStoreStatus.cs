namespace PackGuard.Dependencies.Advisories;

/// <summary>What the advisory store holds.</summary>
/// <param name="Path">The store's file.</param>
/// <param name="Exists">Whether the file exists (nothing was imported yet when it does not).</param>
/// <param name="Records">Live records (not withdrawn).</param>
/// <param name="Malicious">Live records of malicious packages.</param>
/// <param name="Withdrawn">Withdrawn records (kept, never matched).</param>
/// <param name="RecordsByEcosystem">Live records that affect a package of each ecosystem (a record may count in several).</param>
/// <param name="LastImport">When the last import ran.</param>
/// <param name="LastImportSource">What the last import read (a full path).</param>
public sealed record AdvisoryStoreStatus(
    string Path,
    bool Exists,
    int Records,
    int Malicious,
    int Withdrawn,
    IReadOnlyDictionary<string, int> RecordsByEcosystem,
    DateTimeOffset? LastImport,
    string? LastImportSource);
