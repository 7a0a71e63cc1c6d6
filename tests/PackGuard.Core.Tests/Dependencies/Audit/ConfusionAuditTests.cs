using PackGuard.Dependencies.Audit;
using PackGuard.Findings;
using static PackGuard.Dependencies.Audit.ProjectSamples;

namespace PackGuard.Tests.Dependencies.Audit;

/// <summary>
/// <c>dependency/confusion</c> without the network: internal names (from the policy, or from the
/// project's own routing of a scope to a private registry) fetched from, or routable to, a public registry.
/// </summary>
public sealed class ConfusionAuditTests
{
    private static readonly DependencyPolicy Acme = new() { InternalScopes = ["@acme"], InternalPrefixes = ["acme-", "Acme."], InternalRegistries = ["https://npm.acme.example/"] };

    private static List<Finding> Confusion(DependencyPolicy? policy, params (string Path, string Content)[] files)
    {
        using var fixture = new LockfileFixture();
        foreach (var (path, content) in files)
            fixture.Write(path, content);
        return [.. ProjectAudits.Run(fixture.Root, policy).Findings.Where(f => f.RuleId == "dependency/confusion")];
    }

    private static string Lock(params Package[] packages) => PackageLock(packages).Content;

    [Fact]
    public void An_internal_name_resolved_from_the_public_registry_is_critical()
    {
        var findings = Confusion(Acme, ("package-lock.json", Lock(Registry("@acme/auth", "2.0.0"), Registry("acme-logger", "1.0.0"), Registry("left-pad", "1.3.0"))));

        findings.Select(f => (string?)f.Properties["package"]).ShouldBe(["@acme/auth", "acme-logger"], ignoreOrder: true);
        findings.ShouldAllBe(f => f.Severity == Severity.Critical && (string?)f.Properties["confusion"] == "resolved-from-public");
        findings[0].Message.ShouldContain("registry.npmjs.org");
    }

    [Fact]
    public void A_scope_the_project_routes_to_a_private_registry_is_internal_without_any_policy()
    {
        const string npmrc = "@corp:registry=https://npm.corp.example/\n";

        var fromPublic = Confusion(null, ("package-lock.json", Lock(Registry("@corp/ui", "1.0.0"))), (".npmrc", npmrc)).ShouldHaveSingleItem();
        fromPublic.Severity.ShouldBe(Severity.Critical);
        ((string?)fromPublic.Properties["internalBecause"])!.ShouldContain(".npmrc routes @corp to npm.corp.example");

        var routed = Registry("@corp/ui", "1.0.0") with { Resolved = "https://npm.corp.example/@corp/ui/-/ui-1.0.0.tgz" };
        Confusion(null, ("package-lock.json", Lock(routed)), (".npmrc", npmrc)).ShouldBeEmpty();
    }

    [Fact]
    public void An_internal_scope_nothing_routes_is_medium_and_a_private_default_registry_routes_everything()
    {
        var privately = Registry("@acme/auth", "2.0.0") with { Resolved = "https://npm.acme.example/@acme/auth/-/auth-2.0.0.tgz" };

        var unrouted = Confusion(Acme, ("package-lock.json", Lock(privately))).ShouldHaveSingleItem();
        unrouted.Severity.ShouldBe(Severity.Medium);
        unrouted.Message.ShouldContain("routes @acme");

        Confusion(Acme, ("package-lock.json", Lock(privately)), (".npmrc", "@acme:registry=https://npm.acme.example/\n")).ShouldBeEmpty();
        Confusion(Acme, ("package-lock.json", Lock(privately)), (".npmrc", "registry=https://npm.acme.example/\n")).ShouldBeEmpty();
    }

    [Fact]
    public void A_pip_extra_index_beside_an_internal_name_is_high()
    {
        const string requirements = "--index-url https://pypi.org/simple\n--extra-index-url https://pypi.acme.example/simple\nacme-billing==1.4.0\nrequests==2.32.3\n";

        var finding = Confusion(Acme, ("requirements.txt", requirements)).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.High);
        ((string?)finding.Properties["package"]).ShouldBe("acme-billing");
        finding.Message.ShouldContain("extra index");
        // The private index as the only index is the fix.
        Confusion(Acme, ("requirements.txt", "--index-url https://pypi.acme.example/simple\nacme-billing==1.4.0\n")).ShouldBeEmpty();
    }

    [Fact]
    public void NuGet_sources_without_package_source_mapping_are_high_and_a_mapping_fixes_it()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="Acme.Billing" Version="3.1.0" /></ItemGroup>
            </Project>
            """;
        const string sources = """
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="acme" value="https://nuget.acme.example/v3/index.json" />
              </packageSources>
            </configuration>
            """;
        var mapped = sources.Replace("</configuration>", """
              <packageSourceMapping>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="acme"><package pattern="Acme.*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """, StringComparison.Ordinal);

        var finding = Confusion(Acme, ("App/App.csproj", project), ("NuGet.Config", sources)).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.High);
        finding.Message.ShouldContain("packageSourceMapping");

        Confusion(Acme, ("App/App.csproj", project), ("NuGet.Config", mapped)).ShouldBeEmpty();
        // With the mapping, Acme.* is internal by the project's own declaration, policy or not.
        Confusion(null, ("App/App.csproj", project), ("NuGet.Config", mapped)).ShouldBeEmpty();
    }

    [Fact]
    public void Without_internal_names_nothing_is_confusion()
    {
        Confusion(null, ("package-lock.json", Lock(Registry("@acme/auth", "2.0.0")))).ShouldBeEmpty();
    }
}
