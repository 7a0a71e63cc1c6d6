using PackGuard.Artifacts;
using PackGuard.Artifacts.Metadata;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Scanning;

namespace PackGuard.Rules;

/// <summary>
/// Every rule PackGuard can report. Each concern keeps its rules beside its code
/// (<c>Artifacts/ArchiveRules.cs</c>, <c>Inspectors/SourceMaps/SourceMapRules.cs</c>); this class
/// only gathers them so that <c>packguard rules</c>, SARIF and the sample test see one list.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, RuleDescriptor> _byId;

    /// <summary>Creates a catalog; ids must be unique.</summary>
    public RuleCatalog(IEnumerable<RuleDescriptor> rules)
    {
        All = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        _byId = All.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The built-in rules.</summary>
    public static RuleCatalog Default { get; } = new([.. ArchiveRules.All, .. DebugSymbolRules.All, .. Ledger.CredentialRules.All, .. Dependencies.Audit.DependencyRules.All, .. Diff.DiffRules.All, .. Inspectors.Exposure.ExposureRules.All, .. Inspectors.Files.FileRules.All, .. Gate.GateRules.All, .. Inspectors.Install.InstallRules.All, .. Dependencies.Audit.LockfileRules.All, .. ManifestRules.All, .. ScanRules.All, .. SecretCatalog.Descriptors, .. SourceMapRules.All]);

    /// <summary>All rules, ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> All { get; }

    /// <summary>Looks a rule up by id.</summary>
    public RuleDescriptor? Find(string id) => _byId.GetValueOrDefault(id);
}
