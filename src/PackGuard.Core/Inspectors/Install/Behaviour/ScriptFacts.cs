namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>What a script can do, as a reviewer summarises it; facts, not findings.</summary>
[Flags]
public enum ScriptFacts
{
    /// <summary>Nothing of note.</summary>
    None = 0,

    /// <summary>Makes network requests or runs a downloader.</summary>
    Network = 1,

    /// <summary>Starts processes.</summary>
    Processes = 2,

    /// <summary>Runs strings as code (eval, new Function, exec, iex).</summary>
    DynamicCode = 4,
}

/// <summary>Words for <see cref="ScriptFacts"/>.</summary>
public static class ScriptFactNames
{
    /// <summary>"makes network requests, starts processes", or empty.</summary>
    public static string Describe(this ScriptFacts facts)
    {
        var parts = new List<string>(3);
        if (facts.HasFlag(ScriptFacts.Network))
            parts.Add("makes network requests");
        if (facts.HasFlag(ScriptFacts.Processes))
            parts.Add("starts processes");
        if (facts.HasFlag(ScriptFacts.DynamicCode))
            parts.Add("runs strings as code");
        return string.Join(", ", parts);
    }

    /// <summary>The JSON names: <c>network</c>, <c>processes</c>, <c>dynamicCode</c>.</summary>
    public static IEnumerable<string> Names(this ScriptFacts facts)
    {
        if (facts.HasFlag(ScriptFacts.Network))
            yield return "network";
        if (facts.HasFlag(ScriptFacts.Processes))
            yield return "processes";
        if (facts.HasFlag(ScriptFacts.DynamicCode))
            yield return "dynamicCode";
    }
}

/// <summary>What one script was found to do.</summary>
/// <param name="Hits">The behaviours, in order of appearance (bounded).</param>
/// <param name="Facts">What it can do.</param>
/// <param name="References">Relative paths it names that may be files it runs or requires (bounded).</param>
public sealed record ScriptAnalysis(IReadOnlyList<BehaviourHit> Hits, ScriptFacts Facts, IReadOnlyList<string> References)
{
    /// <summary>Nothing found.</summary>
    public static ScriptAnalysis Empty { get; } = new([], ScriptFacts.None, []);
}
