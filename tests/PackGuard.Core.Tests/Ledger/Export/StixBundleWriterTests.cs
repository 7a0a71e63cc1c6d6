using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PackGuard.Inspectors;
using PackGuard.Ledger;
using PackGuard.Ledger.Export;

namespace PackGuard.Tests.Ledger.Export;

public sealed class StixBundleWriterTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    // RFC 4122 UUID (any version, variant 10xx) after the object type, as STIX 2.1 identifiers are written.
    private static readonly Regex Identifier = RegexSafety.Create("^([a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static readonly Regex Timestamp = RegexSafety.Create(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");
    private static readonly Regex CustomProperty = RegexSafety.Create("^x_[a-z0-9_]{1,247}$");

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["identity"] = ["type", "spec_version", "id", "created", "modified", "name"],
        ["indicator"] = ["type", "spec_version", "id", "created", "modified", "pattern", "pattern_type", "valid_from"],
        ["course-of-action"] = ["type", "spec_version", "id", "created", "modified", "name"],
        ["relationship"] = ["type", "spec_version", "id", "created", "modified", "relationship_type", "source_ref", "target_ref"],
        ["sighting"] = ["type", "spec_version", "id", "created", "modified", "sighting_of_ref"],
    };

    private static readonly HashSet<string> Standard =
    [
        "type", "spec_version", "id", "created", "modified", "created_by_ref", "name", "description", "identity_class",
        "indicator_types", "pattern", "pattern_type", "valid_from", "relationship_type", "source_ref", "target_ref",
        "sighting_of_ref", "count", "first_seen", "last_seen", "summary",
    ];

    [Fact]
    public void The_bundle_is_valid_STIX_2_1()
    {
        using var document = Bundle();
        var root = document.RootElement;

        root.GetProperty("type").GetString().ShouldBe("bundle");
        Identifier.Match(root.GetProperty("id").GetString()!).Groups[1].Value.ShouldBe("bundle");
        root.TryGetProperty("spec_version", out _).ShouldBeFalse("a 2.1 bundle has no spec_version of its own");
        var objects = root.GetProperty("objects").EnumerateArray().ToList();
        var ids = objects.Select(o => o.GetProperty("id").GetString()!).ToList();
        ids.ShouldBeUnique();
        foreach (var o in objects)
        {
            var type = o.GetProperty("type").GetString()!;
            Required.ShouldContainKey(type);
            foreach (var property in Required[type])
                o.TryGetProperty(property, out _).ShouldBeTrue($"{type} lacks {property}");
            o.GetProperty("spec_version").GetString().ShouldBe("2.1");
            Identifier.Match(o.GetProperty("id").GetString()!).Groups[1].Value.ShouldBe(type);
            var created = Time(o, "created");
            Time(o, "modified").ShouldBeGreaterThanOrEqualTo(created);
            foreach (var property in o.EnumerateObject().Where(p => !Standard.Contains(p.Name)))
                CustomProperty.IsMatch(property.Name).ShouldBeTrue($"custom property {property.Name} must start with x_");
            foreach (var reference in o.EnumerateObject().Where(p => p.Name.EndsWith("_ref", StringComparison.Ordinal)))
                ids.ShouldContain(reference.Value.GetString()!, $"{type}.{reference.Name} points at an object of the bundle");
        }
    }

    [Fact]
    public void Each_bucket_is_a_near_miss_sighting_of_its_family_and_each_control_a_course_of_action()
    {
        using var document = Bundle();
        var objects = document.RootElement.GetProperty("objects").EnumerateArray().ToList();
        var byId = objects.ToDictionary(o => o.GetProperty("id").GetString()!);

        var sightings = objects.Where(o => o.GetProperty("type").GetString() == "sighting").ToList();
        sightings.Count.ShouldBe(3);
        foreach (var sighting in sightings)
        {
            sighting.GetProperty("x_packguard_security_incident").GetString().ShouldBe("Near miss");
            sighting.GetProperty("summary").GetBoolean().ShouldBeTrue();
            sighting.GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
            var indicator = byId[sighting.GetProperty("sighting_of_ref").GetString()!];
            indicator.GetProperty("type").GetString().ShouldBe("indicator");
            indicator.GetProperty("x_packguard_rule_family").GetString().ShouldBe(sighting.GetProperty("x_packguard_rule_family").GetString());
            Time(sighting, "last_seen").ShouldBeGreaterThan(Time(sighting, "first_seen"));
        }
        var secret = sightings.Single(s => s.GetProperty("x_packguard_rule_family").GetString() == "secret");
        secret.GetProperty("count").GetInt32().ShouldBe(6);
        secret.GetProperty("first_seen").GetString().ShouldBe("2026-09-01T00:00:00.000Z");
        secret.GetProperty("last_seen").GetString().ShouldBe("2026-09-30T23:59:59.999Z");
        secret.GetProperty("created").GetString().ShouldBe("2026-09-01T00:00:00.000Z");
        secret.GetProperty("modified").GetString().ShouldBe("2026-11-01T00:00:00.000Z");

        objects.Where(o => o.GetProperty("type").GetString() == "course-of-action")
            .Select(o => o.GetProperty("x_packguard_control").GetString()).ShouldBe(["deps", "scan"]);
        var mitigations = objects.Where(o => o.GetProperty("type").GetString() == "relationship").ToList();
        mitigations.ShouldAllBe(r => r.GetProperty("relationship_type").GetString() == "mitigates");
        mitigations.Select(r => (byId[r.GetProperty("source_ref").GetString()!].GetProperty("x_packguard_control").GetString(),
                                 byId[r.GetProperty("target_ref").GetString()!].GetProperty("x_packguard_rule_family").GetString()))
            .ShouldBe([("deps", "dependency"), ("scan", "secret"), ("scan", "source-map")]);
    }

    [Fact]
    public void No_timestamp_says_more_than_a_month()
    {
        using var document = Bundle();

        foreach (var o in document.RootElement.GetProperty("objects").EnumerateArray())
        {
            foreach (var property in o.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String && Timestamp.IsMatch(p.Value.GetString()!)))
            {
                var time = DateTimeOffset.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture);
                // The first instant of a month, or (last_seen) its last millisecond.
                (time.Day == 1 && time.TimeOfDay == TimeSpan.Zero || time.AddMilliseconds(1).Day == 1 && time.AddMilliseconds(1).TimeOfDay == TimeSpan.Zero)
                    .ShouldBeTrue($"{property.Name} = {property.Value.GetString()}");
            }
        }
    }

    [Fact]
    public void Uuid5_matches_RFC_4122()
    {
        // RFC 4122 appendix's DNS namespace; Python's uuid.uuid5(NAMESPACE_DNS, "python.org") gives this value.
        StixIds.Uuid5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org").ShouldBe(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    private static JsonDocument Bundle()
    {
        var records = NearMissExportTests.Many(6, "2026-09", "secret")
            .Concat(NearMissExportTests.Many(5, "2026-10", "source-map"))
            .Concat(NearMissExportTests.Many(5, "2026-10", "dependency", LedgerControl.Deps));
        var export = new NearMissExport(records, Clock);
        return JsonDocument.Parse(NearMissExportTests.Write(export.WriteStix));
    }

    private static DateTimeOffset Time(JsonElement o, string property)
    {
        var text = o.GetProperty(property).GetString()!;
        Timestamp.IsMatch(text).ShouldBeTrue($"{property} = {text} is not an RFC 3339 UTC timestamp with milliseconds");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
