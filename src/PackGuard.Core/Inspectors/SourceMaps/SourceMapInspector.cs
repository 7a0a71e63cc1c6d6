using PackGuard.Rules;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>
/// Finds what source maps reveal. How the pieces fit:
/// <list type="bullet">
/// <item><see cref="SourceMapInspection"/> receives each entry: maps (by name or by content) go
/// through <see cref="Parsing.SourceMapReader"/>, scripts and stylesheets through
/// <see cref="SourceMappingUrlScanner"/>, which also decodes inline maps.</item>
/// <item><see cref="SourceMapMeasurement"/> counts sources, splits first- from third-party with
/// <see cref="SourceClassifier"/>, and sums the exposed lines and bytes.</item>
/// <item><see cref="ReferenceIndex"/> tells hidden maps and dangling references apart.</item>
/// <item><see cref="SourceMapFindings"/> picks rule and severity from the package's openness and
/// words the finding; <see cref="SourceMapFixAdvisor"/> words the fix for its toolchain.</item>
/// </list>
/// </summary>
public sealed class SourceMapInspector : IInspector
{
    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => SourceMapRules.All;

    /// <inheritdoc />
    public IArtifactInspection Begin(InspectionContext context) => new SourceMapInspection(context);
}
