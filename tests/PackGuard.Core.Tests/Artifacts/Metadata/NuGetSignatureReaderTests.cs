using PackGuard.Artifacts.Metadata;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class NuGetSignatureReaderTests
{
    [Fact]
    public void An_author_signature_with_a_repository_countersignature_names_both_and_the_owners()
    {
        using var author = TestSignature.Certificate("CN=Acme Tools, O=Acme Corp, C=US");
        using var repository = TestSignature.Certificate("CN=NuGet.org Repository by Microsoft, O=NuGet.org Repository by Microsoft");

        var signature = NuGetSignatureReader.Read(TestSignature.Build(author, repository, ["zed", "acme"]));

        signature.Problem.ShouldBeNull();
        signature.Author.ShouldNotBeNull();
        signature.Author.CommonName.ShouldBe("Acme Tools");
        signature.Author.Organization.ShouldBe("Acme Corp");
        signature.Author.Identity.ShouldBe("Acme Tools (Acme Corp)");
        signature.Author.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(author.RawData)));
        signature.Repository!.Identity.ShouldBe("NuGet.org Repository by Microsoft");
        signature.RepositoryServiceIndex.ShouldBe("https://api.nuget.org/v3/index.json");
        signature.Owners.ShouldBe(["acme", "zed"]);
    }

    [Fact]
    public void A_repository_signature_alone_has_no_author()
    {
        using var repository = TestSignature.Certificate("CN=NuGet.org Repository by Microsoft");

        var signature = NuGetSignatureReader.Read(TestSignature.Build(null, repository, ["acme"]));

        signature.Problem.ShouldBeNull();
        signature.Author.ShouldBeNull();
        signature.Repository!.CommonName.ShouldBe("NuGet.org Repository by Microsoft");
        signature.Owners.ShouldBe(["acme"]);
    }

    [Fact]
    public void A_signer_named_by_subject_key_identifier_is_found()
    {
        using var author = TestSignature.Certificate("CN=Acme Tools");

        var signature = NuGetSignatureReader.Read(TestSignature.Build(author, null, subjectKeyId: true));

        signature.Author!.CommonName.ShouldBe("Acme Tools");
        signature.Repository.ShouldBeNull();
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30, 0x03, 0x06, 0x01, 0x2a })]
    [InlineData(new byte[] { 0x30, 0x80, 0x06 })]
    [InlineData(new byte[] { 0x42, 0x42, 0x42 })]
    public void Garbage_is_a_problem_not_an_exception(byte[] data)
    {
        var signature = NuGetSignatureReader.Read(data);

        signature.Problem.ShouldNotBeNull();
        signature.Author.ShouldBeNull();
    }

    [Fact]
    public void Every_truncation_of_a_real_shaped_signature_is_handled()
    {
        using var author = TestSignature.Certificate("CN=Acme Tools");
        using var repository = TestSignature.Certificate("CN=Repo");
        var bytes = TestSignature.Build(author, repository, ["acme"]);

        for (var length = 0; length < bytes.Length; length += 7)
            Should.NotThrow(() => NuGetSignatureReader.Read(bytes.AsMemory(0, length)));
    }

    [Fact]
    public void Random_byte_flips_of_a_signature_never_throw()
    {
        using var author = TestSignature.Certificate("CN=Acme Tools");
        using var repository = TestSignature.Certificate("CN=Repo");
        var original = TestSignature.Build(author, repository, ["acme"]);
        var random = new Random(20261121);

        for (var round = 0; round < 1000; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            Should.NotThrow(() => NuGetSignatureReader.Read(bytes), $"round {round}");
        }
    }
}
