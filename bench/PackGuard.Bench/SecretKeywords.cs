using PackGuard.Inspectors.Secrets;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Bench;

/// <summary>
/// The literals the secret engine searches the text for, written out for a keyword-only baseline
/// (ripgrep): each rule's anchor, as <see cref="SecretRule.Anchor"/> chooses it. Prefixes and
/// signatures are case-sensitive; markers and context words are not. Prefix rules are found by
/// the engine through token runs and a prefix table rather than a literal search, but a literal
/// search for their prefixes is what a keyword tool would do. Lines read
/// <c>kind TAB case TAB literal</c>, with <c>case</c> either <c>cs</c> or <c>ci</c>.
/// </summary>
internal static class SecretKeywords
{
    public static int Print(TextWriter output)
    {
        foreach (var (kind, caseSensitive, literal) in All())
            output.WriteLine($"{kind}\t{(caseSensitive ? "cs" : "ci")}\t{literal}");
        return 0;
    }

    public static IEnumerable<(string Kind, bool CaseSensitive, string Literal)> All()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in SecretCatalog.All)
        {
            var literals = rule.Anchor switch
            {
                AnchorKind.Prefix => rule.Prefixes.Select(p => ("prefix", true, p)),
                AnchorKind.Marker => rule.Markers.SelectMany(SecretEngine.EncodedVariants).Select(m => ("marker", false, m)),
                AnchorKind.Signature => rule.Signatures.Select(s => ("signature", true, s)),
                _ => rule.Context.Select(w => ("context", false, w.ToLowerInvariant())),
            };
            foreach (var literal in literals)
            {
                if (seen.Add(literal.Item3))
                    yield return literal;
            }
        }
    }
}
