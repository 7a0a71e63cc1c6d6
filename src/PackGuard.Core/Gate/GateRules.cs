using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Gate;

/// <summary>
/// The registry signals <c>packguard gate</c> adds to the diff. Their samples are packuments
/// (<see cref="RuleSample.Registry"/>): the catalog test evaluates <see cref="GateSignals"/> on them.
/// </summary>
public static class GateRules
{
    /// <summary>The publisher published none of the previous releases.</summary>
    public const string NewPublisher = "gate/new-publisher";

    /// <summary>The previous release had provenance attestations, this one has none.</summary>
    public const string ProvenanceLost = "gate/provenance-lost";

    /// <summary>The maintainers differ from the previous release's.</summary>
    public const string MaintainersChanged = "gate/maintainers-changed";

    /// <summary>Published less than the cooldown ago.</summary>
    public const string TooNew = "gate/too-new";

    /// <summary>The default cooldown.</summary>
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromHours(48);

    private static readonly DateTimeOffset SampleNow = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A packument of acme with versions (version, publisher, maintainers, attested, hours before <see cref="SampleNow"/>).</summary>
    internal static string Packument(params (string Version, string Publisher, string[] Maintainers, bool Attested, int HoursAgo)[] versions)
    {
        var all = new JsonObject();
        var times = new JsonObject();
        foreach (var v in versions)
        {
            var dist = new JsonObject { ["tarball"] = $"https://registry.npmjs.org/acme/-/acme-{v.Version}.tgz" };
            if (v.Attested)
                dist["attestations"] = new JsonObject { ["url"] = $"https://registry.npmjs.org/-/npm/v1/attestations/acme@{v.Version}" };
            all[v.Version] = new JsonObject
            {
                ["name"] = "acme", ["version"] = v.Version,
                ["_npmUser"] = new JsonObject { ["name"] = v.Publisher },
                ["maintainers"] = new JsonArray([.. v.Maintainers.Select(m => (JsonNode)new JsonObject { ["name"] = m })]),
                ["dist"] = dist,
            };
            times[v.Version] = SampleNow.AddHours(-v.HoursAgo).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }
        return new JsonObject { ["name"] = "acme", ["versions"] = all, ["time"] = times }.ToJsonString();
    }

    private static RuleSample Sample(string name, bool fires, string version, params (string, string, string[], bool, int)[] versions) =>
        new(name, fires, []) { Registry = new RegistrySample(Packument(versions), version, SampleNow) };

    private static readonly string[] Alice = ["alice"];
    private static readonly string[] AliceBob = ["alice", "bob"];

    private const string Fix = "Hold the release until someone who knows the project confirms it: ";

    /// <summary>The descriptor of <see cref="NewPublisher"/>.</summary>
    public static RuleDescriptor NewPublisherRule { get; } = new(
        NewPublisher,
        "Published by a new account",
        Severity.High,
        "The npm account that published this version (_npmUser) published none of the previous releases the gate compares "
        + "with (up to --history, default 10). For NuGet: the package is author-signed by a certificate subject (common "
        + "name and organization, so a renewed certificate is the same signer) that signed none of those releases.",
        "A release from an account that never released the package before is the signature of a stolen token or a "
        + "hijacked maintainer account; most npm supply-chain compromises looked exactly like this. A NuGet package signed by "
        + "someone new was built and signed outside the project's usual signing setup.",
        Fix + "ask the usual publishers whether the new account is theirs; if it is not, deprecate the version and rotate the tokens.",
        [
            Sample("a release by an account that published none of the previous ones", true, "1.0.2",
                ("1.0.0", "alice", Alice, false, 900), ("1.0.1", "alice", Alice, false, 500), ("1.0.2", "mallory", Alice, false, 100)),
            Sample("a release by a returning publisher", false, "1.0.2",
                ("1.0.0", "bob", AliceBob, false, 900), ("1.0.1", "alice", AliceBob, false, 500), ("1.0.2", "bob", AliceBob, false, 100)),
        ]);

    /// <summary>The descriptor of <see cref="ProvenanceLost"/>.</summary>
    public static RuleDescriptor ProvenanceLostRule { get; } = new(
        ProvenanceLost,
        "Provenance attestation lost",
        Severity.High,
        "The previous release carried a provenance attestation (dist.attestations: it was built and published by CI with "
        + "npm publish --provenance) and this one carries none. For NuGet: the previous release was author-signed "
        + "(.signature.p7s with a proof-of-origin signature) and this one is not.",
        "Provenance ties a release to a commit and a CI run. A release without it, after releases with it, was most likely "
        + "published by hand from somewhere else, which is what an attacker with a stolen token does.",
        Fix + "check that the release came from the usual CI workflow; publish from CI with --provenance (npm), or sign it "
        + "with the project's certificate (dotnet nuget sign) as before (NuGet).",
        [
            Sample("a release without attestations after attested ones", true, "1.0.2",
                ("1.0.0", "alice", Alice, true, 900), ("1.0.1", "alice", Alice, true, 500), ("1.0.2", "alice", Alice, false, 100)),
            Sample("a package that never had attestations", false, "1.0.2",
                ("1.0.0", "alice", Alice, false, 900), ("1.0.1", "alice", Alice, false, 500), ("1.0.2", "alice", Alice, false, 100)),
            Sample("an attested release after attested ones", false, "1.0.2",
                ("1.0.1", "alice", Alice, true, 500), ("1.0.2", "alice", Alice, true, 100)),
        ]);

    /// <summary>The descriptor of <see cref="MaintainersChanged"/>.</summary>
    public static RuleDescriptor MaintainersChangedRule { get; } = new(
        MaintainersChanged,
        "Maintainers changed",
        Severity.Medium,
        "The version's maintainers list differs from the previous release's: someone was added or removed. For NuGet: the "
        + "package owners nuget.org records in its repository signature (nuget-package-owners) differ from the previous release's.",
        "An account added to a package shortly before a release, or the usual maintainers removed, is how a takeover of a "
        + "package looks from outside; it also happens for innocent reasons, so it is worth a look, not a block.",
        Fix + "check the added accounts against the project's own list of maintainers (npm owner ls; the package's owners on nuget.org).",
        [
            Sample("a maintainer added", true, "1.0.2",
                ("1.0.1", "alice", Alice, false, 500), ("1.0.2", "alice", AliceBob, false, 100)),
            Sample("the same maintainers", false, "1.0.2",
                ("1.0.1", "alice", AliceBob, false, 500), ("1.0.2", "alice", AliceBob, false, 100)),
        ]);

    /// <summary>The descriptor of <see cref="TooNew"/>.</summary>
    public static RuleDescriptor TooNewRule { get; } = new(
        TooNew,
        "Release younger than the cooldown",
        Severity.Medium,
        "The version was published less than the cooldown ago (--cooldown or gate.cooldown; default 48 hours). For NuGet "
        + "the publish time comes from the feed's registration, when the feed gives one (nuget.org does).",
        "Malicious releases are usually found and unpublished within a day or two; waiting out a cooldown before taking a "
        + "new version avoids most of them at little cost.",
        "Wait until the cooldown has passed, or pin the previous version; if the release is urgent (a security fix), "
        + "read its diff and take it deliberately.",
        [
            Sample("a release published 3 hours ago", true, "1.0.2",
                ("1.0.1", "alice", Alice, false, 500), ("1.0.2", "alice", Alice, false, 3)),
            Sample("a release published 5 days ago", false, "1.0.2",
                ("1.0.1", "alice", Alice, false, 500), ("1.0.2", "alice", Alice, false, 120)),
        ]);

    /// <summary>Every gate rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [NewPublisherRule, ProvenanceLostRule, MaintainersChangedRule, TooNewRule];
}
