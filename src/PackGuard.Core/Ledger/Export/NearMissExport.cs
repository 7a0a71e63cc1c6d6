using System.Globalization;
using PackGuard.Dependencies;

namespace PackGuard.Ledger.Export;

/// <summary>
/// De-identified near-miss counts that a team can share. A record keeps only its month, control,
/// context, ecosystem and rule family (each from a closed vocabulary; anything else becomes
/// <c>other</c>), so no package name, version, path, host, user name or fingerprint can reach the
/// output. Records are counted in buckets of those five; a bucket with fewer than
/// <see cref="MinimumBucketSize"/> near misses is not published: the small buckets of a month are
/// merged into one <c>other</c> bucket, published when it reaches the minimum and dropped
/// otherwise. No totals are written, so a dropped count cannot be recovered by subtraction.
/// <see cref="WriteJson"/> and <see cref="WriteStix"/> write the same buckets.
/// </summary>
public sealed class NearMissExport
{
    /// <summary>The smallest count published.</summary>
    public const int MinimumBucketSize = 5;

    private static readonly string[] KnownEcosystems = [Ecosystems.Npm, Ecosystems.NuGet, Ecosystems.PyPI];

    /// <summary>Counts <paramref name="records"/>; <paramref name="clock"/> gives the export's month.</summary>
    public NearMissExport(IEnumerable<NearMissRecord> records, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(clock);
        ExportMonth = MonthStart(clock.GetUtcNow());
        Buckets = Bucket(records);
    }

    /// <summary>The first instant (UTC) of the month the export was made in.</summary>
    public DateTimeOffset ExportMonth { get; }

    /// <summary>The published buckets, by month, then control, context, ecosystem and family; a month's merged bucket last.</summary>
    public IReadOnlyList<NearMissBucket> Buckets { get; }

    /// <summary>Writes the documented JSON shape (docs/ledger.md) as UTF-8.</summary>
    public void WriteJson(Stream output) => NearMissJsonWriter.Write(this, output);

    /// <summary>Writes a STIX 2.1 bundle (docs/ledger.md) as UTF-8.</summary>
    public void WriteStix(Stream output) => StixBundleWriter.Write(this, output);

    /// <summary><c>yyyy-MM</c> of <paramref name="time"/> in UTC.</summary>
    public static string Month(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    internal static DateTimeOffset MonthStart(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static List<NearMissBucket> Bucket(IEnumerable<NearMissRecord> records)
    {
        var counts = records
            .Select(Generalise)
            .GroupBy(key => key)
            .Select(g => g.Key with { NearMisses = g.Count() })
            .ToList();
        var published = new List<NearMissBucket>();
        foreach (var month in counts.GroupBy(c => c.Month).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            published.AddRange(month
                .Where(c => c.NearMisses >= MinimumBucketSize)
                .OrderBy(c => c.Control, StringComparer.Ordinal)
                .ThenBy(c => c.Context, StringComparer.Ordinal)
                .ThenBy(c => c.Ecosystem, StringComparer.Ordinal)
                .ThenBy(c => c.RuleFamily, StringComparer.Ordinal));
            var small = month.Where(c => c.NearMisses < MinimumBucketSize).Sum(c => c.NearMisses);
            if (small >= MinimumBucketSize)
                published.Add(new NearMissBucket(month.Key, NearMissBucket.Other, NearMissBucket.Other, NearMissBucket.Other, NearMissBucket.Other, NearMissBucket.Other, small));
        }
        return published;
    }

    // Every field is rebuilt from a closed vocabulary here: whatever a record's strings hold,
    // only these words leave.
    private static NearMissBucket Generalise(NearMissRecord record)
    {
        var family = NearMissExposure.IsKnownFamily(record.RuleFamily) ? record.RuleFamily : NearMissBucket.Other;
        var ecosystem = record.Ecosystem is null ? "unknown"
            : KnownEcosystems.FirstOrDefault(e => e.Equals(record.Ecosystem, StringComparison.OrdinalIgnoreCase)) ?? NearMissBucket.Other;
        return new NearMissBucket(Month(record.Time), record.Control.ToName(), record.Context.ToName(), ecosystem, family, NearMissExposure.Of(family), 0);
    }
}
