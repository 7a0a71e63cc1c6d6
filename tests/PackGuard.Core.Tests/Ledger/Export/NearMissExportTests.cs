using System.Text.Json;
using PackGuard.Ledger;
using PackGuard.Ledger.Export;

namespace PackGuard.Tests.Ledger.Export;

public sealed class NearMissExportTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Buckets_below_five_are_merged_per_month_and_dropped_when_the_merge_is_still_small()
    {
        var records = Many(6, "2026-09", "secret")
            .Concat(Many(3, "2026-09", "source-map"))
            .Concat(Many(2, "2026-09", "install"))
            .Concat(Many(4, "2026-10", "secret"))
            .Concat(Many(5, "2026-10", "file"));

        var export = new NearMissExport(records, Clock);

        export.Buckets.ShouldBe(
        [
            new NearMissBucket("2026-09", "scan", "ci", "npm", "secret", "credentials", 6),
            new NearMissBucket("2026-09", "other", "other", "other", "other", "other", 5),
            new NearMissBucket("2026-10", "scan", "ci", "npm", "file", "internal files", 5),
        ]);
        export.Buckets.ShouldAllBe(b => b.NearMisses >= NearMissExport.MinimumBucketSize);
    }

    [Fact]
    public void Words_outside_the_vocabularies_become_other()
    {
        var odd = Enumerable.Range(0, 5).Select(i => new NearMissRecord(
            new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero), LedgerControl.Gate, LedgerContext.Local, "crates.io/internal-mirror", "acme-secret-rule", "acme", "high"));
        var none = Enumerable.Range(0, 5).Select(i => new NearMissRecord(
            new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero), LedgerControl.Deps, LedgerContext.Local, null, "lockfile", "untrusted dependencies", "high"));

        var export = new NearMissExport(odd.Concat(none), Clock);

        export.Buckets.ShouldBe(
        [
            new NearMissBucket("2026-10", "deps", "local", "unknown", "lockfile", "untrusted dependencies", 5),
            new NearMissBucket("2026-10", "gate", "local", "other", "other", "other", 5),
        ]);
    }

    [Fact]
    public void Months_are_taken_in_UTC()
    {
        var lateEvening = new DateTimeOffset(2026, 9, 30, 23, 30, 0, TimeSpan.FromHours(-5));
        var records = Enumerable.Range(0, 5).Select(_ => new NearMissRecord(lateEvening, LedgerControl.Scan, LedgerContext.CI, "npm", "secret", "credentials", "high"));

        new NearMissExport(records, Clock).Buckets.Single().Month.ShouldBe("2026-10");
    }

    [Fact]
    public void The_json_has_the_documented_shape()
    {
        var export = new NearMissExport(Many(7, "2026-10", "source-map"), Clock);

        using var document = JsonDocument.Parse(Write(export.WriteJson));

        var root = document.RootElement;
        root.GetProperty("schemaVersion").GetString().ShouldBe("1");
        root.GetProperty("kind").GetString().ShouldBe("packguard-near-misses");
        root.GetProperty("tool").GetProperty("name").GetString().ShouldBe("packguard");
        root.GetProperty("exported").GetString().ShouldBe("2026-11");
        root.GetProperty("minimumBucketSize").GetInt32().ShouldBe(5);
        var bucket = root.GetProperty("buckets").EnumerateArray().ShouldHaveSingleItem();
        bucket.EnumerateObject().Select(p => p.Name).ShouldBe(["month", "control", "context", "ecosystem", "ruleFamily", "exposure", "nearMisses"]);
        bucket.GetProperty("exposure").GetString().ShouldBe("source code");
        bucket.GetProperty("nearMisses").GetInt32().ShouldBe(7);
    }

    [Fact]
    public void The_same_ledger_exports_the_same_bytes()
    {
        var records = Many(6, "2026-09", "secret").Concat(Many(5, "2026-10", "gate")).ToList();

        var first = Write(new NearMissExport(records, Clock).WriteStix);
        var second = Write(new NearMissExport(Enumerable.Reverse(records), Clock).WriteStix);

        second.ShouldBe(first);
        Write(new NearMissExport(records, Clock).WriteJson).ShouldBe(Write(new NearMissExport(records, Clock).WriteJson));
    }

    [Fact]
    public void An_empty_ledger_exports_empty_buckets()
    {
        var export = new NearMissExport([], Clock);

        export.Buckets.ShouldBeEmpty();
        using var stix = JsonDocument.Parse(Write(export.WriteStix));
        stix.RootElement.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("type").GetString()).ShouldBe(["identity"]);
    }

    internal static IEnumerable<NearMissRecord> Many(int count, string month, string family, LedgerControl control = LedgerControl.Scan)
    {
        var start = DateTimeOffset.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        return Enumerable.Range(0, count).Select(i => new NearMissRecord(
            start.AddDays(i).AddHours(7).AddMinutes(13), control, LedgerContext.CI, "npm", family, NearMissExposure.Of(family), "high"));
    }

    internal static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
