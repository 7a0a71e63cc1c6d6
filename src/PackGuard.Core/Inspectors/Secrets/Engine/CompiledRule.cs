using System.Text.RegularExpressions;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// A rule with its pattern compiled once for the whole run, on first use: building a
/// NonBacktracking matcher costs about 2.5 ms a pattern, 0.6 s for the whole catalog, while a
/// typical package gives only a few rules an anchor.
/// </summary>
internal sealed partial class CompiledRule
{
    private Regex? _regex;

    public CompiledRule(SecretRule rule, int index)
    {
        Rule = rule;
        Index = index;
        HasSecretGroup = rule.Pattern.Contains("(?<secret>", StringComparison.Ordinal);
        StartsAtWindow = LeadingOptions().Replace(rule.Pattern, "", 1).StartsWith(@"\A", StringComparison.Ordinal);
        ContextWords = [.. rule.Context.Select(w => w.ToLowerInvariant())];
    }

    public SecretRule Rule { get; }

    /// <summary>Position in the engine's rule list (used to deduplicate matches).</summary>
    public int Index { get; }

    /// <summary>Linear-time by construction: NonBacktracking has no catastrophic inputs.</summary>
    /// <exception cref="ArgumentException">The pattern is malformed (on first use).</exception>
    public Regex Regex => _regex ?? Compile();

    public bool HasSecretGroup { get; }

    /// <summary>
    /// The pattern begins with <c>\A</c>: it matches only from the start of an anchor's window
    /// (<see cref="SecretRule.LookBehind"/> characters before the anchor), and so gives up at once
    /// where it does not apply. Such rules run on each anchor's own window.
    /// </summary>
    public bool StartsAtWindow { get; }

    public string[] ContextWords { get; }

    private Regex Compile()
    {
        var regex = RegexSafety.Create(Rule.Pattern);
        // Scans may share the engine across threads: the first matcher built is the one kept.
        return Interlocked.CompareExchange(ref _regex, regex, null) ?? regex;
    }

    /// <summary>Inline options such as <c>(?i)</c> at the start of a pattern.</summary>
    [GeneratedRegex(@"^(?:\(\?[imnsx-]+\))+", RegexOptions.NonBacktracking)]
    private static partial Regex LeadingOptions();
}
