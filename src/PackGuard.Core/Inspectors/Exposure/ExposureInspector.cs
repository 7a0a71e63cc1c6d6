using PackGuard.Rules;

namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Finds the internal surface a package's text reveals: internal host names and private
/// addresses, non-production hosts of the package's own domain, home-directory paths with user
/// names, and the codenames a team declares. How the pieces fit:
/// <list type="bullet">
/// <item><see cref="ExposureMatcher"/> holds one case-insensitive <c>SearchValues</c> of every
/// anchor (URL, private domains and addresses, home roots, codenames) and checks each hit on a
/// small window (<see cref="HostNames"/>, <see cref="HomePaths"/>, <see cref="Codenames"/>).</item>
/// <item><see cref="ExposureTextScanner"/> streams a text through it in bounded segments;
/// <see cref="ExposureInspection"/> feeds it every text entry and every original source of every
/// source map, from the map the scanner parses once for all inspections.</item>
/// <item><see cref="ExposureTally"/> keeps each distinct value once with its count and first
/// places; <see cref="ExposureFindings"/> judges them against the package's own domains
/// (<see cref="OwnDomains"/>) and words the findings.</item>
/// </list>
/// </summary>
public sealed class ExposureInspector : IInspector
{
    private readonly ExposureMatcher _matcher;

    /// <summary>Creates the inspector with the team's declarations.</summary>
    public ExposureInspector(ExposureOptions? options = null)
    {
        _matcher = new ExposureMatcher(options ?? ExposureOptions.Default);
    }

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => ExposureRules.All;

    /// <inheritdoc />
    public IArtifactInspection Begin(InspectionContext context) => new ExposureInspection(context, _matcher);
}
