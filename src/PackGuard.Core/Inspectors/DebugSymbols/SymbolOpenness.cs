using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// The package's openness (<see cref="PackageOpenness"/>, as the source-map rules judge it), with
/// what debug symbols add: a symbol package (<c>.snupkg</c>) carries no licence by design, so it
/// is judged by its repository; and a Source Link document that points every source file at a
/// repository on a public forge is as good a sign that the source is public as a declared one.
/// </summary>
/// <param name="Effective">The openness the findings use.</param>
/// <param name="SymbolsPackage">The artifact is a symbol package (package type SymbolsPackage).</param>
internal sealed record SymbolOpenness(PackageOpenness Effective, bool SymbolsPackage)
{
    /// <summary>The package type NuGet gives a <c>.snupkg</c>.</summary>
    public const string SymbolsPackageType = "SymbolsPackage";

    public static SymbolOpenness Of(PackageMetadata metadata, IReadOnlyList<SymbolObservation> observations)
    {
        var declared = PackageOpenness.Of(metadata);
        var symbolsPackage = metadata.PackageTypes.Contains(SymbolsPackageType, StringComparer.OrdinalIgnoreCase);
        var sourceLink = observations.Select(o => o.Pdb?.SourceLink).Where(s => s is not null).ToList();
        var publicSourceLink = sourceLink.Count > 0 && sourceLink.All(s => s!.PublicForgeOnly);
        var linked = publicSourceLink ? string.Join(", ", sourceLink.SelectMany(s => s!.Repositories).Distinct().Take(3)) : "";

        if (symbolsPackage && string.IsNullOrWhiteSpace(metadata.License) && !metadata.IsPrivate)
        {
            var openness = PublicRepository.IsPublicForge(metadata.Repository)
                ? new PackageOpenness(Openness.OpenSource, $"it is a symbol package, which carries no licence, of a repository on a public forge ({metadata.Repository})")
                : publicSourceLink
                    ? new PackageOpenness(Openness.OpenSource, $"it is a symbol package, which carries no licence, whose Source Link points to public repositories ({linked})")
                    : new PackageOpenness(Openness.Proprietary, "it is a symbol package, which carries no licence, and neither its repository nor Source Link points to a public forge");
            return new SymbolOpenness(openness, true);
        }
        if (declared.Level == Openness.OpenLicenseOnly && publicSourceLink)
            return new SymbolOpenness(new PackageOpenness(Openness.OpenSource, $"it is {metadata.License}-licensed and its Source Link points to public repositories ({linked})"), symbolsPackage);
        return new SymbolOpenness(declared, symbolsPackage);
    }
}
