using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard gate</c> on NuGet targets through a fake v3 feed: the previous releases come from
/// the flat container (unlisted ones skipped), the publish times from the registration, and the
/// signer and owners from each package's <c>.signature.p7s</c>.
/// </summary>
public sealed class GateCommandNuGetTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Index = "https://feed.example/v3/index.json";
    private const string Flat = "https://feed.example/flat/";
    private const string Registrations = "https://feed.example/reg/";

    private static readonly X509Certificate2 AcmeCertificate = TestSignature.Certificate("CN=Acme Corp, O=Acme Corp");
    private static readonly X509Certificate2 MalloryCertificate = TestSignature.Certificate("CN=Mallory Ltd");
    private static readonly X509Certificate2 RepositoryCertificate = TestSignature.Certificate("CN=NuGet.org Repository by Microsoft");

    private readonly CliSandbox _cli = new() { Clock = new FixedClock(Now) };

    public GateCommandNuGetTests() => _cli.WriteFile("nuget.config", $"""
        <configuration>
          <packageSources><clear /><add key="feed" value="{Index}" /></packageSources>
        </configuration>
        """);

    public void Dispose() => _cli.Dispose();

    private sealed record Fake(string Version, X509Certificate2? Author, string[] Owners, double HoursAgo = 500, bool Listed = true, TestFile[]? Extra = null);

    private void Publish(params Fake[] versions)
    {
        _cli.Http.Json(Index, JsonSerializer.Serialize(new
        {
            version = "3.0.0",
            resources = new[]
            {
                new Dictionary<string, string> { ["@id"] = Flat, ["@type"] = "PackageBaseAddress/3.0.0" },
                new Dictionary<string, string> { ["@id"] = Registrations, ["@type"] = "RegistrationsBaseUrl/3.6.0" },
            },
        }));
        _cli.Http.Json(Flat + "acme.lib/index.json", JsonSerializer.Serialize(new { versions = versions.Select(v => v.Version) }));
        var leaves = new JsonArray();
        foreach (var v in versions)
        {
            var nupkg = TestArchive.Zip([
                TestFile.Text("Acme.Lib.nuspec", $"<package><metadata><id>Acme.Lib</id><version>{v.Version}</version><license type=\"expression\">MIT</license></metadata></package>"),
                TestFile.Text("lib/net8.0/Acme.Lib.xml", $"<doc>{v.Version}</doc>"),
                .. v.Extra ?? [],
                new TestFile(".signature.p7s", TestSignature.Build(v.Author, RepositoryCertificate, v.Owners)),
            ]);
            _cli.Http.Bytes($"{Flat}acme.lib/{v.Version}/acme.lib.{v.Version}.nupkg", nupkg);
            leaves.Add(new JsonObject
            {
                ["catalogEntry"] = new JsonObject
                {
                    ["id"] = "Acme.Lib", ["version"] = v.Version, ["listed"] = v.Listed,
                    ["published"] = Now.AddHours(-v.HoursAgo).ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                },
            });
        }
        _cli.Http.Json(Registrations + "acme.lib/index.json", new JsonObject { ["items"] = new JsonArray(new JsonObject { ["items"] = leaves }) }.ToJsonString());
    }

    [Fact]
    public async Task A_routine_release_signed_as_before_passes_against_the_previous_listed_release()
    {
        Publish(new("1.0.0", AcmeCertificate, ["acme"], 900), new("1.1.0", AcmeCertificate, ["acme"], 800),
            new("1.2.0", null, ["acme"], 700, Listed: false), new("1.3.0", AcmeCertificate, ["acme"], 100));

        var result = await _cli.RunAsync("gate", "nuget:Acme.Lib@1.3.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var gate = JsonNode.Parse(result.Output)!["gate"]!;
        gate["against"]!.GetValue<string>().ShouldBe("1.1.0");
        gate["releasesCompared"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["1.1.0", "1.0.0"]);
        gate["signals"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_release_without_the_author_signature_and_with_a_new_owner_fails_with_both_named()
    {
        Publish(new("1.0.0", AcmeCertificate, ["acme"], 900), new("1.1.0", AcmeCertificate, ["acme"], 800),
            new("1.2.0", null, ["acme", "mallory"], 10));

        var result = await _cli.RunAsync("gate", "nuget:Acme.Lib@1.2.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var report = JsonNode.Parse(result.Output)!;
        report["gate"]!["verdict"]!.GetValue<string>().ShouldStartWith("Acme.Lib@1.2.0 fails the gate (gate/provenance-lost, high): Acme.Lib@1.2.0 has no author signature, and Acme.Lib@1.1.0 was author-signed by Acme Corp");
        report["gate"]!["signals"]!.AsArray().Select(s => s!.GetValue<string>()).Order().ShouldBe(["gate/maintainers-changed", "gate/provenance-lost", "gate/too-new"]);
        report["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "gate/maintainers-changed")!["message"]!.GetValue<string>()
            .ShouldBe("The owners the repository recorded when it signed Acme.Lib@1.2.0 differ from those of 1.1.0: added mallory.");
    }

    [Fact]
    public async Task A_release_signed_by_someone_else_fails_as_a_new_publisher()
    {
        Publish(new("1.0.0", AcmeCertificate, ["acme"], 900), new("1.1.0", MalloryCertificate, ["acme"], 800));

        var result = await _cli.RunAsync("gate", "nuget:Acme.Lib@1.1.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var finding = JsonNode.Parse(result.Output)!["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "gate/new-publisher")!;
        finding["message"]!.GetValue<string>().ShouldBe("Acme.Lib@1.1.0 is author-signed by Mallory Ltd, who signed none of the previous release (signed by Acme Corp).");
        finding["location"]!["path"]!.GetValue<string>().ShouldBe(".signature.p7s");
    }

    [Fact]
    public async Task A_first_release_has_nothing_to_compare_with()
    {
        Publish(new Fake("1.0.0", AcmeCertificate, ["acme"]));

        var result = await _cli.RunAsync("gate", "nuget:Acme.Lib@1.0.0");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain("no release of Acme.Lib before 1.0.0");
    }
}
