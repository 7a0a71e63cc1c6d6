using System.Text.RegularExpressions;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>A rule with its pattern compiled once for the whole run.</summary>
internal sealed partial class CompiledRule
{
    public CompiledRule(SecretRule rule, int index)
    {
        Rule = rule;
        Index = index;
        Regex = new Regex(rule.Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        HasSecretGroup = Regex.GroupNumberFromName("secret") >= 0;
        StartsAtWindow = LeadingOptions().Replace(rule.Pattern, "", 1).StartsWith(@"\A", StringComparison.Ordinal);
        ContextWords = [.. rule.Context.Select(w => w.ToLowerInvariant())];
    }

    public SecretRule Rule { get; }

    /// <summary>Position in the engine's rule list (used to deduplicate matches).</summary>
    public int Index { get; }

    /// <summary>Linear-time by construction: NonBacktracking has no catastrophic inputs.</summary>
    public Regex Regex { get; }

    public bool HasSecretGroup { get; }

    /// <summary>
    /// The pattern begins with <c>\A</c>: it matches only from the start of an anchor's window
    /// (<see cref="SecretRule.LookBehind"/> characters before the anchor), and so gives up at once
    /// where it does not apply. Such rules run on each anchor's own window.
    /// </summary>
    public bool StartsAtWindow { get; }

    public string[] ContextWords { get; }

    /// <summary>Inline options such as <c>(?i)</c> at the start of a pattern.</summary>
    [GeneratedRegex(@"^(?:\(\?[imnsx-]+\))+")]
    private static partial Regex LeadingOptions();
}
