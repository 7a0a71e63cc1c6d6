using PackGuard.Artifacts;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class MetadataCollectorTests
{
    [Fact]
    public void An_npm_tarball_yields_its_package_json()
    {
        var metadata = Collect(TestArchive.NpmTarball(
            TestFile.Text("index.js", "x"),
            TestFile.Text("package.json", """{"name":"demo","version":"1.2.3","license":"MIT"}"""),
            TestFile.Text("node_modules/dep/package.json", """{"name":"dep"}""")), "demo.tgz");

        metadata.Ecosystem.ShouldBe("npm");
        metadata.Name.ShouldBe("demo");
        metadata.Version.ShouldBe("1.2.3");
        metadata.ManifestPath.ShouldBe("package/package.json");
    }

    [Fact]
    public void A_second_copy_of_package_json_replaces_the_first_as_extraction_does()
    {
        var metadata = Collect(TestArchive.NpmTarball(
            TestFile.Text("package.json", """{"name":"decoy","license":"MIT","repository":"github:acme/decoy"}"""),
            TestFile.Text("package.json", """{"name":"real","license":"UNLICENSED"}""")), "dup.tgz");

        metadata.Name.ShouldBe("real");
        metadata.License.ShouldBe("UNLICENSED");
        metadata.Repository.ShouldBeNull();
    }

    [Fact]
    public void A_tarball_with_another_single_top_directory_is_understood()
    {
        var metadata = Collect(TestArchive.TarGz([
            TestFile.Text("node/package.json", """{"name":"types-node"}"""),
            TestFile.Text("node/index.d.ts", ""),
        ]), "types.tgz");

        metadata.Name.ShouldBe("types-node");
        metadata.ManifestPath.ShouldBe("node/package.json");
    }

    [Fact]
    public void Package_directory_wins_over_other_top_directories()
    {
        var metadata = Collect(TestArchive.TarGz([
            TestFile.Text("other/package.json", """{"name":"other"}"""),
            TestFile.Text("package/package.json", """{"name":"right"}"""),
        ]), "two.tgz");

        metadata.Name.ShouldBe("right");
    }

    [Fact]
    public void A_package_json_in_a_subdirectory_of_a_directory_target_is_not_the_manifest()
    {
        var root = Directory.CreateTempSubdirectory("packguard-meta-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "examples"));
            File.WriteAllText(Path.Combine(root.FullName, "examples", "package.json"), """{"name":"example"}""");
            File.WriteAllText(Path.Combine(root.FullName, "README.md"), "readme");
            var collector = new MetadataCollector();

            new ArtifactWalker(ArtifactLimits.Default, new FindingList()).WalkDirectory(root.FullName, collector, CancellationToken.None);

            collector.Result.ShouldBe(PackageMetadata.None);

            File.WriteAllText(Path.Combine(root.FullName, "package.json"), """{"name":"root","private":true}""");
            collector = new MetadataCollector();
            new ArtifactWalker(ArtifactLimits.Default, new FindingList()).WalkDirectory(root.FullName, collector, CancellationToken.None);
            collector.Result.Name.ShouldBe("root");
            collector.Result.IsPrivate.ShouldBeTrue();
            collector.Result.ManifestPath.ShouldBe("package.json");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_nupkg_yields_its_nuspec()
    {
        var metadata = Collect(TestArchive.Zip([
            TestFile.Text("_rels/.rels", "<Relationships/>"),
            TestFile.Text("Acme.Lib.nuspec", "<package><metadata><id>Acme.Lib</id><version>1.0.0</version><license type=\"expression\">MIT</license></metadata></package>"),
            TestFile.Text("content/package.json", """{"name":"not-me"}"""),
        ]), "Acme.Lib.1.0.0.nupkg");

        metadata.Ecosystem.ShouldBe("nuget");
        metadata.Name.ShouldBe("Acme.Lib");
        metadata.License.ShouldBe("MIT");
        metadata.ManifestPath.ShouldBe("Acme.Lib.nuspec");
    }

    [Fact]
    public void A_nupkg_signature_is_read_with_the_nuspec()
    {
        using var author = TestSignature.Certificate("CN=Acme Tools, O=Acme Corp");
        var metadata = Collect(TestArchive.Zip([
            TestFile.Text("Acme.Lib.nuspec", "<package><metadata><id>Acme.Lib</id><version>1.0.0</version></metadata></package>"),
            new TestFile(".signature.p7s", TestSignature.Build(author, null)),
        ]), "Acme.Lib.1.0.0.nupkg");

        metadata.Signature!.Author!.Identity.ShouldBe("Acme Tools (Acme Corp)");
        metadata.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_damaged_nupkg_signature_is_noted_on_the_signature_only()
    {
        var metadata = Collect(TestArchive.Zip([
            TestFile.Text("Acme.Lib.nuspec", "<package><metadata><id>Acme.Lib</id><version>1.0.0</version></metadata></package>"),
            TestFile.Text(".signature.p7s", "not a signature"),
        ]), "Acme.Lib.1.0.0.nupkg");

        metadata.Signature!.Problem.ShouldNotBeNull();
        metadata.Signature.Author.ShouldBeNull();
        metadata.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_wheel_yields_its_metadata()
    {
        var metadata = Collect(TestArchive.Zip([
            TestFile.Text("acme/__init__.py", ""),
            TestFile.Text("acme-2.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme\nVersion: 2.0\nLicense: MIT\n"),
        ]), "acme-2.0-py3-none-any.whl");

        metadata.Ecosystem.ShouldBe("pypi");
        metadata.Name.ShouldBe("acme");
        metadata.Version.ShouldBe("2.0");
        metadata.ManifestPath.ShouldBe("acme-2.0.dist-info/METADATA");
    }

    [Fact]
    public void Manifests_inside_nested_archives_are_ignored()
    {
        var inner = TestArchive.NpmTarball(TestFile.Text("package.json", """{"name":"inner"}"""));

        Collect(TestArchive.Zip([new TestFile("bundle.tgz", inner)]), "outer.zip").ShouldBe(PackageMetadata.None);
    }

    [Fact]
    public void No_manifest_gives_none()
    {
        Collect(TestArchive.NpmTarball(TestFile.Text("index.js", "x")), "bare.tgz").ShouldBe(PackageMetadata.None);
    }

    [Fact]
    public void An_oversized_manifest_is_a_problem_and_its_beginning_is_kept()
    {
        var json = """{"name":"huge","version":"9.9.9","description":" """ + new string('x', MetadataCollector.MaxManifestBytes) + "\"}";

        var metadata = Collect(TestArchive.NpmTarball(TestFile.Text("package.json", json)), "huge.tgz");

        metadata.Name.ShouldBe("huge");
        metadata.Version.ShouldBe("9.9.9");
        metadata.Problems.ShouldHaveSingleItem().ShouldBe("package/package.json is larger than 4 MiB; only its beginning was read.");
    }

    [Fact]
    public void A_manifest_cut_by_an_archive_limit_is_a_problem()
    {
        var json = """{"name":"cut","version":"1.0.0","keywords":[""" + string.Join(',', Enumerable.Repeat("\"k\"", 500)) + "]}";
        using var artifact = new TempArtifact(TestArchive.NpmTarball(TestFile.Text("package.json", json)), "cut.tgz");
        var collector = new MetadataCollector();

        new ArtifactWalker(new ArtifactLimits(MaxEntrySize: 1000), new FindingList()).WalkFile(artifact.Path, collector, CancellationToken.None);

        collector.Result.Name.ShouldBe("cut");
        collector.Result.Problems.ShouldHaveSingleItem().ShouldContain("was cut short");
    }

    [Fact]
    public void A_malformed_manifest_is_a_problem_not_an_exception()
    {
        var metadata = Collect(TestArchive.NpmTarball(TestFile.Text("package.json", "{\"name\": \"oops\", ")), "bad.tgz");

        metadata.Name.ShouldBe("oops");
        metadata.Problems.ShouldHaveSingleItem().ShouldContain("is not valid JSON");
        metadata.ManifestPath.ShouldBe("package/package.json");
    }

    private static PackageMetadata Collect(byte[] artifact, string fileName)
    {
        using var temp = new TempArtifact(artifact, fileName);
        var collector = new MetadataCollector();
        new ArtifactWalker(ArtifactLimits.Default, new FindingList()).WalkFile(temp.Path, collector, CancellationToken.None);
        return collector.Result;
    }
}
