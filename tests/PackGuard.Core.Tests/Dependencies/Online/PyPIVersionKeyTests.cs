using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

public sealed class PyPIVersionKeyTests
{
    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0", "1")]
    [InlineData("v1.01", "1.1")]
    [InlineData("2.0.0b1", "2.0.0-Beta1")]
    [InlineData("2.0.0b1", "2.0.0.beta.1")]
    [InlineData("1.0a", "1.0alpha0")]
    [InlineData("1.0rc1", "1.0c1")]
    [InlineData("1.0rc1", "1.0-preview-1")]
    [InlineData("1.0.post2", "1.0-2")]
    [InlineData("1.0.post2", "1.0-r2")]
    [InlineData("1.0.dev0", "1.0-dev")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("1.0+Local-1", "1.0+local.1")]
    public void Same_version(string a, string b) => PyPIVersionKey.Of(a).ShouldBe(PyPIVersionKey.Of(b));

    [Theory]
    [InlineData("1.0", "1.0.1")]
    [InlineData("1.0b1", "1.0b2")]
    [InlineData("1.0", "1!1.0")]
    [InlineData("1.0.post1", "1.0")]
    [InlineData("10.0", "1.0")]
    [InlineData("2013b", "2013c")]
    public void Different_versions(string a, string b) => PyPIVersionKey.Of(a).ShouldNotBe(PyPIVersionKey.Of(b));

    [Theory]
    [InlineData("", "")]
    [InlineData("latest", "latest")]
    [InlineData("1.0-foo", "1.0-foo")]
    [InlineData("1.0.post99999999999999", "1.0.post99999999999999")]
    public void What_is_not_PEP_440_is_compared_as_lower_case_text(string version, string key) => PyPIVersionKey.Of(version).ShouldBe(key);
}
