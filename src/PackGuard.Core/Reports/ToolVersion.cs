using System.Reflection;

namespace PackGuard.Reports;

/// <summary>The version reports name PackGuard by.</summary>
internal static class ToolVersion
{
    /// <summary>
    /// The assembly's informational version without build metadata: deterministic builds append
    /// <c>+&lt;commit&gt;</c>, which would make every report differ between otherwise equal builds.
    /// </summary>
    public static string Current { get; } = WithoutBuildMetadata(
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0");

    /// <summary>Drops a SemVer build-metadata suffix (<c>0.1.0+abc123</c> → <c>0.1.0</c>).</summary>
    internal static string WithoutBuildMetadata(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
