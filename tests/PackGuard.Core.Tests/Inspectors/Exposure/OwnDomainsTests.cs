using PackGuard.Artifacts.Metadata;
using PackGuard.Inspectors.Exposure;

namespace PackGuard.Tests.Inspectors.Exposure;

public sealed class OwnDomainsTests
{
    [Fact]
    public void Come_from_the_home_page_a_private_repository_and_the_author()
    {
        var metadata = new PackageMetadata
        {
            Homepage = "https://docs.northwind.io/ledger",
            Repository = "https://git.northwind-corp.com/platform/ledger",
            AuthorContacts = ["support@anthropic.com", "https://acme.co.uk/team"],
        };

        OwnDomains.Of(metadata).ShouldBe(["northwind.io", "northwind-corp.com", "anthropic.com", "acme.co.uk"]);
    }

    [Fact]
    public void Forges_mail_providers_and_shared_hosting_are_nobodys_own()
    {
        var metadata = new PackageMetadata
        {
            Homepage = "https://github.com/acme/ledger#readme",
            Repository = "https://github.com/acme/ledger",
            AuthorContacts = ["jane@gmail.com", "https://acme.github.io/ledger"],
        };

        OwnDomains.Of(metadata).ShouldBe(["acme.github.io"]);
    }
}
