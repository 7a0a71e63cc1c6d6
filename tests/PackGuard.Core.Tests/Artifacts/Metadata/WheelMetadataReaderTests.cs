using System.Text;
using PackGuard.Artifacts.Metadata;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class WheelMetadataReaderTests
{
    [Fact]
    public void Headers_are_read_up_to_the_description()
    {
        var metadata = Read("""
            Metadata-Version: 2.4
            Name: acme-tools
            Version: 0.9.1
            License-Expression: BSD-3-Clause
            Project-URL: Documentation, https://acme.example/docs
            Project-URL: Source Code, https://github.com/acme/tools.git
            Requires-Dist: requests (>=2.0)
            Requires-Dist: click>=8; extra == "cli"
            Requires-Dist: rich[jupyter]~=13.0
            Classifier: License :: OSI Approved :: MIT License

            Name: not-a-header
            The long description follows.
            """);

        metadata.Ecosystem.ShouldBe("pypi");
        metadata.Name.ShouldBe("acme-tools");
        metadata.Version.ShouldBe("0.9.1");
        metadata.License.ShouldBe("BSD-3-Clause");
        metadata.Repository.ShouldBe("https://github.com/acme/tools");
        metadata.DeclaredTools.ShouldBe(["requests", "click", "rich"]);
        metadata.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("License: Apache 2.0", "Apache 2.0")]
    [InlineData("License: UNKNOWN\nClassifier: License :: OSI Approved :: MIT License", "MIT")]
    [InlineData("Classifier: License :: OSI Approved :: GNU General Public License v3 (GPLv3)", "GPL-3.0-only")]
    [InlineData("Classifier: License :: OSI Approved :: Apache Software License", "Apache Software License")]
    [InlineData("Classifier: License :: Other/Proprietary License", "Other/Proprietary License")]
    [InlineData("Classifier: License :: OSI Approved :: MIT License\nClassifier: License :: OSI Approved :: Apache Software License", "MIT OR Apache Software License")]
    [InlineData("Classifier: Programming Language :: Python :: 3", null)]
    [InlineData("License: Copyright (c) Acme\n        Permission is hereby granted...\nClassifier: License :: OSI Approved :: BSD License", "BSD License")]
    [InlineData("License: Copyright (c) Acme\n        Permission is hereby granted...", "Copyright (c) Acme")]
    public void The_licence_comes_from_the_best_header(string headers, string? expected) =>
        Read("Name: x\n" + headers + "\n").License.ShouldBe(expected);

    [Theory]
    [InlineData("Project-URL: Repository, https://gitlab.com/a/b\nHome-page: https://a.example", "https://gitlab.com/a/b")]
    [InlineData("Project-URL: Source, git+https://github.com/a/b.git", "https://github.com/a/b")]
    [InlineData("Project-URL: Homepage, https://a.example\nHome-page: https://github.com/a/home", "https://github.com/a/home")]
    [InlineData("Home-page: UNKNOWN", null)]
    public void The_repository_comes_from_a_source_url_else_the_home_page(string headers, string? expected) =>
        Read("Name: x\n" + headers + "\n").Repository.ShouldBe(expected);

    [Fact]
    public void Garbage_is_a_problem_not_an_exception()
    {
        var metadata = WheelMetadataReader.Read(new byte[] { 0xFF, 0xFE, 0x00, 0x01, 0x0A }, "x-1.dist-info/METADATA");

        metadata.Name.ShouldBeNull();
        metadata.Problems.ShouldHaveSingleItem().ShouldContain("has no Name header");
    }

    private static PackGuard.Artifacts.Metadata.PackageMetadata Read(string text) =>
        WheelMetadataReader.Read(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)), "acme_tools-0.9.1.dist-info/METADATA");
}
