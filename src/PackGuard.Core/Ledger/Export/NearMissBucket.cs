namespace PackGuard.Ledger.Export;

/// <summary>
/// A count of near misses that share a month, control, context, ecosystem and rule family. Every
/// field comes from a closed vocabulary (<see cref="NearMissExport"/>), never from a run's target.
/// </summary>
/// <param name="Month"><c>yyyy-MM</c> (UTC).</param>
/// <param name="Control"><c>scan</c>, <c>gate</c>, <c>deps</c>, or <c>other</c> in the merged bucket.</param>
/// <param name="Context"><c>local</c>, <c>ci</c>, <c>publish-hook</c>, or <c>other</c>.</param>
/// <param name="Ecosystem"><c>npm</c>, <c>nuget</c>, <c>pypi</c>, <c>unknown</c>, or <c>other</c>.</param>
/// <param name="RuleFamily">A family <see cref="NearMissExposure"/> knows, or <c>other</c>.</param>
/// <param name="Exposure">What the family's near misses would have exposed, or <c>other</c>.</param>
/// <param name="NearMisses">How many; never below <see cref="NearMissExport.MinimumBucketSize"/>.</param>
public sealed record NearMissBucket(string Month, string Control, string Context, string Ecosystem, string RuleFamily, string Exposure, int NearMisses)
{
    /// <summary>The value of every field of a month's merged bucket, and of values outside a vocabulary.</summary>
    public const string Other = "other";

    /// <summary>Whether this is a month's merge of buckets too small to publish on their own.</summary>
    public bool IsMerged => Control == Other;
}
