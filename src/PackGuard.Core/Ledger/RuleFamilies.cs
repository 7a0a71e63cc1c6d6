namespace PackGuard.Ledger;

/// <summary>Rule ids are <c>family/specific</c>; the ledger counts near misses by family.</summary>
internal static class RuleFamilies
{
    /// <summary>What comes before the first <c>/</c>, or the whole id when there is none.</summary>
    public static string Of(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var slash = ruleId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ruleId : ruleId[..slash];
    }
}
