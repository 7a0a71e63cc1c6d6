namespace PackGuard.Dependencies.Typosquatting;

/// <summary>The registries whose names the detector knows.</summary>
internal enum SquatEcosystem
{
    Npm,
    NuGet,
    PyPI,
}

/// <summary>Ecosystem names as the rest of PackGuard spells them (<c>npm</c>, <c>nuget</c>, <c>pypi</c>).</summary>
internal static class SquatEcosystems
{
    public static bool TryParse(string? ecosystem, out SquatEcosystem parsed)
    {
        switch (ecosystem?.Trim().ToLowerInvariant())
        {
            case "npm":
                parsed = SquatEcosystem.Npm;
                return true;
            case "nuget":
                parsed = SquatEcosystem.NuGet;
                return true;
            case "pypi":
                parsed = SquatEcosystem.PyPI;
                return true;
            default:
                parsed = default;
                return false;
        }
    }
}
