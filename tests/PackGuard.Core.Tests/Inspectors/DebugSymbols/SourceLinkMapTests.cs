using System.Text;
using PackGuard.Inspectors.DebugSymbols.Pdb;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

public sealed class SourceLinkMapTests
{
    [Fact]
    public void A_github_map_names_the_repository_and_is_public()
    {
        var map = Parse("""{"documents":{"/_/*":"https://raw.githubusercontent.com/App-vNext/Polly/0123abc/*"}}""")!;

        map.Mappings.ShouldBe(1);
        map.Hosts.ShouldBe(["raw.githubusercontent.com"]);
        map.Repositories.ShouldBe(["github.com/App-vNext/Polly"]);
        map.LocalRoots.ShouldBe(["/_/"]);
        map.PublicForgeOnly.ShouldBeTrue();
    }

    [Fact]
    public void An_azure_devops_map_names_organisation_project_and_repository_and_is_not_public()
    {
        var map = Parse("""{"documents":{"C:\\agent\\_work\\1\\s\\*":"https://dev.azure.com/contoso/Billing/_apis/git/repositories/pricing-engine/items?api-version=1.0&versionType=commit&version=abc&path=/*"}}""")!;

        map.Repositories.ShouldBe(["dev.azure.com/contoso/Billing/pricing-engine"]);
        map.LocalRoots.ShouldBe([@"C:\agent\_work\1\s\"]);
        map.PublicForgeOnly.ShouldBeFalse();
    }

    [Fact]
    public void One_private_mapping_makes_the_map_not_public()
    {
        var map = Parse("""{"documents":{"/_/*":"https://raw.githubusercontent.com/acme/lib/abc/*","/_/ext/*":"https://git.acme.internal/platform/ext/raw/abc/*"}}""")!;

        map.Hosts.ShouldBe(["git.acme.internal", "raw.githubusercontent.com"]);
        map.PublicForgeOnly.ShouldBeFalse();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"files":{}}""")]
    [InlineData("""{"documents":[1,2]}""")]
    [InlineData("""{"documents":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}}}""")]
    public void Anything_else_is_no_map(string json) => Parse(json).ShouldBeNull();

    private static SourceLinkMap? Parse(string json) => SourceLinkMap.Parse(Encoding.UTF8.GetBytes(json));
}
