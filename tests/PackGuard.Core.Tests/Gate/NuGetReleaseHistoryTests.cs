using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Gate;

namespace PackGuard.Tests.Gate;

/// <summary>
/// A NuGet history: versions in NuGet order (four parts, case-insensitive prerelease labels),
/// unlisted versions never compared with, and the signals read from each package's signature.
/// </summary>
public sealed class NuGetReleaseHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    private static Release Listed(string version, double hoursAgo = 900) => new(version, null, [], false, Now.AddHours(-hoursAgo));

    private static readonly ReleaseHistory Feed = new("Acme.Lib",
    [
        Listed("1.0.0"), Listed("1.0.0.1"), Listed("1.2.0"), Listed("1.10.0"), Listed("2.0.0-beta.1"),
        Listed("1.11.0") with { Listed = false }, Listed("2.0.0", hoursAgo: 5),
    ], ReleaseRegistry.NuGet);

    private static PackageMetadata Package(string version, string? author, params string[] owners) => new()
    {
        Ecosystem = "nuget", Name = "Acme.Lib", Version = version,
        Signature = new PackageSignature
        {
            Author = author is null ? null : new SignatureSigner(author, null, "00", Now.AddYears(1)),
            Owners = owners,
        },
    };

    [Fact]
    public void Previous_releases_follow_nuget_order_and_skip_unlisted_and_prereleases()
    {
        Feed.Previous("2.0.0", 10).Select(r => r.Version).ShouldBe(["1.10.0", "1.2.0", "1.0.0.1", "1.0.0"]);
        Feed.Previous("2.0.0-beta.2", 2).Select(r => r.Version).ShouldBe(["2.0.0-beta.1", "1.10.0"]);
    }

    [Fact]
    public void A_lost_author_signature_a_new_signer_and_changed_owners_are_signals_named_in_nuget_terms()
    {
        var history = Feed.WithSignatures([Package("1.2.0", "Acme Corp", "acme"), Package("1.10.0", "Acme Corp", "acme"), Package("2.0.0", null, "acme", "mallory")]);

        var findings = GateSignals.Evaluate(history, "2.0.0", 10, Now, TimeSpan.FromHours(48));

        var lost = findings.Single(f => f.RuleId == GateRules.ProvenanceLostRule.Id);
        lost.Severity.ShouldBe(Severity.High);
        lost.Message.ShouldBe("Acme.Lib@2.0.0 has no author signature, and Acme.Lib@1.10.0 was author-signed by Acme Corp (2 of the previous 4 releases were).");
        lost.Location.Path.ShouldBe(GateSignals.NuGetLocation);
        findings.Single(f => f.RuleId == GateRules.MaintainersChangedRule.Id).Message
            .ShouldBe("The owners the repository recorded when it signed Acme.Lib@2.0.0 differ from those of 1.10.0: added mallory.");
        findings.Single(f => f.RuleId == GateRules.TooNewRule.Id).Severity.ShouldBe(Severity.Medium);
        findings.ShouldNotContain(f => f.RuleId == GateRules.NewPublisherRule.Id);

        var resigned = Feed.WithSignatures([Package("1.10.0", "Acme Corp", "acme"), Package("2.0.0", "Mallory Ltd", "acme")]);
        GateSignals.Evaluate(resigned, "2.0.0", 10, Now, TimeSpan.FromHours(1)).Single().Message
            .ShouldBe("Acme.Lib@2.0.0 is author-signed by Mallory Ltd, who signed none of the previous 4 releases (signed by Acme Corp).");
    }

    [Fact]
    public void The_same_signer_with_a_renewed_certificate_and_unsigned_history_are_quiet()
    {
        var renewed = Feed.WithSignatures([
            Package("1.10.0", "Acme Corp", "acme") with { Signature = new PackageSignature { Author = new SignatureSigner("Acme Corp", null, "aa", Now), Owners = ["acme"] } },
            Package("2.0.0", "Acme Corp", "acme") with { Signature = new PackageSignature { Author = new SignatureSigner("Acme Corp", null, "bb", Now.AddYears(3)), Owners = ["acme"] } },
        ]);
        var unsigned = Feed.WithSignatures([Package("1.10.0", null), Package("2.0.0", null)]);

        GateSignals.Evaluate(renewed, "2.0.0", 10, Now, TimeSpan.Zero).ShouldBeEmpty();
        GateSignals.Evaluate(unsigned, "2.0.0", 10, Now, TimeSpan.Zero).ShouldBeEmpty();
    }

    [Fact]
    public void Packages_of_another_id_do_not_lend_their_signature()
    {
        var history = Feed.WithSignatures([Package("1.10.0", "Acme Corp") with { Name = "Other.Lib" }, Package("2.0.0", null)]);

        GateSignals.Evaluate(history, "2.0.0", 10, Now, TimeSpan.Zero).ShouldBeEmpty();
    }
}
