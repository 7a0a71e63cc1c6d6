using PackGuard.Artifacts.Metadata;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class OpennessTests
{
    [Theory]
    [InlineData("MIT", true)]
    [InlineData("mit", true)]
    [InlineData("Apache-2.0", true)]
    [InlineData("(MIT OR Apache-2.0)", true)]
    [InlineData("MIT OR LicenseRef-Proprietary", true)]
    [InlineData("MIT AND LicenseRef-Proprietary", false)]
    [InlineData("Apache-2.0 WITH LLVM-exception", true)]
    [InlineData("GPL-2.0+", true)]
    [InlineData("BSD-3-Clause AND (ISC OR 0BSD)", true)]
    [InlineData("MIT License", true)]
    [InlineData("Apache 2.0", true)]
    [InlineData("https://licenses.nuget.org/MIT", true)]
    [InlineData("http://www.apache.org/licenses/LICENSE-2.0", true)]
    [InlineData("License :: OSI Approved :: MIT License", true)]
    [InlineData("UNLICENSED", false)]
    [InlineData("SEE LICENSE IN README.md", false)]
    [InlineData("SEE LICENSE IN LICENSE.md", false)]
    [InlineData("Proprietary", false)]
    [InlineData("BUSL-1.1", false)]
    [InlineData("SSPL-1.0", false)]
    [InlineData("Elastic-2.0", false)]
    [InlineData("https://example.com/eula", false)]
    [InlineData("MIT OR", false)]
    public void Tells_open_source_licences_from_others(string declared, bool open)
    {
        LicenseExpression.IsOpenSource(declared).ShouldBe(open);
    }

    [Fact]
    public void Private_packages_are_proprietary_whatever_their_licence()
    {
        var metadata = new PackageMetadata { License = "MIT", Repository = "https://github.com/a/b", IsPrivate = true };
        PackageOpenness.Of(metadata).Level.ShouldBe(Openness.Proprietary);
    }

    [Theory]
    [InlineData("MIT", "https://github.com/acme/lib", "OpenSource")]
    [InlineData("MIT", "https://gitlab.com/acme/lib", "OpenSource")]
    [InlineData("MIT", "https://git.internal.acme.com/acme/lib", "OpenLicenseOnly")]
    [InlineData("MIT", "https://github.com/", "OpenLicenseOnly")]
    [InlineData("MIT", null, "OpenLicenseOnly")]
    [InlineData("SEE LICENSE IN README.md", "https://github.com/acme/lib", "Proprietary")]
    [InlineData(null, "https://github.com/acme/lib", "Proprietary")]
    public void Openness_needs_an_open_licence_and_a_public_repository(string? license, string? repository, string level)
    {
        var metadata = new PackageMetadata { License = license, Repository = repository, ManifestPath = "package/package.json" };
        PackageOpenness.Of(metadata).Level.ToString().ShouldBe(level);
    }
}
