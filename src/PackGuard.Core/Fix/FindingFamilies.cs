namespace PackGuard.Fix;

/// <summary>
/// What kind of remedy a rule family takes, by the family alone, so that families added later
/// (<c>file/*</c>, <c>debug-symbols/*</c>, <c>exposure/*</c>, <c>install/*</c>) plug in without
/// changes here: any finding in a file the package does not need is fixed by not publishing the
/// file; <c>source-map/*</c> also by the bundler's option; <c>debug-symbols/*</c> by MSBuild properties.
/// </summary>
internal static class FindingFamilies
{
    /// <summary>Source maps: bundler and compiler options.</summary>
    public const string SourceMap = "source-map";

    /// <summary>Debug symbols: MSBuild properties.</summary>
    public const string DebugSymbols = "debug-symbols";

    /// <summary>Unintended files: the file itself is the problem.</summary>
    public const string File = "file";

    /// <summary>Credentials.</summary>
    public const string Secret = "secret";

    /// <summary>The family of a rule id (<c>source-map</c> in <c>source-map/embedded-sources</c>).</summary>
    public static string Of(string ruleId)
    {
        var slash = ruleId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ruleId : ruleId[..slash];
    }

    /// <summary>
    /// Families about the archive or its manifest as a whole (<c>archive/*</c>, <c>manifest/*</c>,
    /// <c>scan/*</c>) and about releases (<c>diff/*</c>, <c>gate/*</c>): not removed by leaving a file out.
    /// </summary>
    public static bool IsAboutWholeArtifact(string family) =>
        family is "archive" or "manifest" or "scan" or "diff" or "gate";

    /// <summary>Whether the family says the file itself should not ship, whatever its name.</summary>
    public static bool FileItselfIsUnintended(string family) => family == File;
}
