using System.Text.Json;
using PackGuard.Gate;
using PackGuard.Policy;

namespace PackGuard.Tests.Gate;

public sealed class ReleaseHistoryTests
{
    private static ReleaseHistory History(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReleaseHistory.Parse(document.RootElement, "acme");
    }

    private static readonly ReleaseHistory Sample = History(GateRules.Packument(
        ("1.0.0", "alice", ["alice"], false, 900), ("1.1.0", "alice", ["alice"], true, 800), ("1.2.0-beta.1", "bob", ["alice"], false, 700),
        ("1.10.0", "alice", ["alice"], false, 600), ("1.9.0", "alice", ["alice"], false, 650), ("2.0.0", "alice", ["alice", "bob"], false, 1)));

    [Fact]
    public void Previous_releases_are_the_highest_below_by_semver_without_prereleases()
    {
        Sample.Previous("2.0.0", 10).Select(r => r.Version).ShouldBe(["1.10.0", "1.9.0", "1.1.0", "1.0.0"]);
        Sample.Previous("2.0.0", 2).Select(r => r.Version).ShouldBe(["1.10.0", "1.9.0"]);
        Sample.Previous("1.0.0", 10).ShouldBeEmpty();
    }

    [Fact]
    public void A_prerelease_target_compares_with_prereleases_too()
    {
        Sample.Previous("1.2.0", 10).Select(r => r.Version).ShouldBe(["1.1.0", "1.0.0"]);
        Sample.Previous("1.9.0-rc.1", 10).Select(r => r.Version).ShouldBe(["1.2.0-beta.1", "1.1.0", "1.0.0"]);
    }

    [Fact]
    public void Publisher_maintainers_attestations_and_time_are_read()
    {
        var release = Sample.Find("1.1.0")!;
        release.Publisher.ShouldBe("alice");
        release.Attested.ShouldBeTrue();
        Sample.Find("2.0.0")!.Maintainers.ShouldBe(["alice", "bob"]);
        release.Published.ShouldBe(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero).AddHours(-800));
    }

    [Fact]
    public void Fields_of_unexpected_shape_are_skipped()
    {
        var history = History("""{"versions":{"1.0.0":{"_npmUser":"Alice <a@x.io>","maintainers":[42,"bob <b@x.io>"],"dist":{"attestations":true}},"2.0.0":null},"time":{"1.0.0":7}}""");
        var release = history.Find("1.0.0")!;
        release.Publisher.ShouldBe("Alice");
        release.Maintainers.ShouldBe(["bob"]);
        release.Attested.ShouldBeFalse();
        release.Published.ShouldBeNull();
        history.Find("2.0.0").ShouldBeNull();
    }

    [Theory]
    [InlineData("48h", 48 * 60)]
    [InlineData("90m", 90)]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("1.00:00:00", 24 * 60)]
    [InlineData("1.5min", 1.5)]
    [InlineData("30s", 0.5)]
    [InlineData("6000ms", 0.1)]
    public void Cooldowns_parse(string text, double minutes)
    {
        DurationText.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5h")]
    [InlineData("1e300d")]
    public void Bad_cooldowns_do_not_parse(string text) => DurationText.TryParse(text, out _).ShouldBeFalse();
}
