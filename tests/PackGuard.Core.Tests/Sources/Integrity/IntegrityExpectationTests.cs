using System.Security.Cryptography;
using PackGuard.Sources.Integrity;

namespace PackGuard.Tests.Sources.Integrity;

public sealed class IntegrityExpectationTests
{
    private static readonly byte[] Data = "hello"u8.ToArray();
    private static readonly string Sha512 = "sha512-" + Convert.ToBase64String(SHA512.HashData(Data));
    private static readonly string Sha256 = "sha256-" + Convert.ToBase64String(SHA256.HashData(Data));
    private static readonly string Sha1 = "sha1-" + Convert.ToBase64String(SHA1.HashData(Data));

    [Fact]
    public void The_strongest_algorithm_listed_is_the_one_checked()
    {
        var expected = IntegrityExpectation.FromSri($"{Sha1} {Sha256}  {Sha512}")!;

        expected.Algorithm.ShouldBe("sha512");
        expected.Candidates.Single().Sri.ShouldBe(Sha512);
    }

    [Fact]
    public void A_wrong_weaker_digest_does_not_matter_when_the_strong_one_matches()
    {
        var forgedSha1 = "sha1-" + Convert.ToBase64String(new byte[20]);
        var expected = IntegrityExpectation.FromSri($"{forgedSha1} {Sha512}")!;

        expected.Match(new ContentHash("sha512", SHA512.HashData(Data))).ShouldNotBeNull();
    }

    [Fact]
    public void Any_digest_of_the_strongest_algorithm_may_match()
    {
        var other = "sha512-" + Convert.ToBase64String(new byte[64]);
        var expected = IntegrityExpectation.FromSri($"{other} {Sha512}?opt")!;

        expected.Candidates.Count.ShouldBe(2);
        expected.Match(new ContentHash("sha512", SHA512.HashData(Data))).ShouldNotBeNull();
        expected.Match(new ContentHash("sha512", SHA512.HashData("other"u8))).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("md5-XUFAKrxLKna5cZ2REBfFkg==")]
    [InlineData("sha512-***not base64***")]
    [InlineData("garbage")]
    public void Unusable_sri_strings_give_nothing(string? sri)
    {
        IntegrityExpectation.FromSri(sri).ShouldBeNull();
    }

    [Fact]
    public void Npm_shasum_hex_is_read_as_sha1()
    {
        var hex = Convert.ToHexStringLower(SHA1.HashData(Data));

        var expected = IntegrityExpectation.FromSha1Hex(hex)!;

        expected.Candidates.Single().Sri.ShouldBe(Sha1);
        IntegrityExpectation.FromSha1Hex("xyz").ShouldBeNull();
    }

    [Fact]
    public void NuGet_base64_sha512_is_read_and_checked_for_length()
    {
        IntegrityExpectation.FromSha512Base64(Sha512["sha512-".Length..] + "\n")!.Candidates.Single().Sri.ShouldBe(Sha512);
        IntegrityExpectation.FromSha512Base64(Sha256["sha256-".Length..]).ShouldBeNull();
    }

    [Fact]
    public void Descriptions_abbreviate_digests()
    {
        var description = IntegrityExpectation.FromSri(Sha512)!.Describe();

        description.ShouldStartWith("sha512-");
        description.Length.ShouldBeLessThan(Sha512.Length);
    }
}
