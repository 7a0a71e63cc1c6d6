using System.Text.RegularExpressions;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>A rule with its pattern compiled once for the whole run.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(SecretRule rule, int index)
    {
        Rule = rule;
        Index = index;
        Regex = new Regex(rule.Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        HasSecretGroup = Regex.GroupNumberFromName("secret") >= 0;
        ContextWords = [.. rule.Context.Select(w => w.ToLowerInvariant())];
    }

    public SecretRule Rule { get; }

    /// <summary>Position in the engine's rule list (used to deduplicate matches).</summary>
    public int Index { get; }

    /// <summary>Linear-time by construction: NonBacktracking has no catastrophic inputs.</summary>
    public Regex Regex { get; }

    public bool HasSecretGroup { get; }

    public string[] ContextWords { get; }
}
