using Xunit.Abstractions;
using static PackGuard.Cli.Tests.Hostile.HostileCorpus;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// Hostile manifests and lockfiles: truncated, mistyped, entity bombs, external entities, too
/// deep, too large, too many dependencies. A manifest PackGuard cannot read is a
/// <c>manifest/unreadable</c> finding that says why, never a crash.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileManifestTests(ITestOutputHelper output)
{
    private const string Unreadable = "manifest/unreadable";

    [Fact]
    public void A_truncated_package_json_is_an_unreadable_manifest_finding()
    {
        var message = ScanNpm("truncated package.json", TruncatedPackageJson);

        message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void A_package_json_with_fields_of_the_wrong_type_names_each_field()
    {
        var message = ScanNpm("package.json with wrong types", WrongTypesPackageJson);

        message.ShouldContain("\"name\"");
    }

    [Fact]
    public void A_package_json_nested_100_000_levels_deep_is_an_unreadable_manifest_finding()
    {
        var message = ScanNpm("package.json nested 100,000 levels", DeeplyNestedPackageJson(100_000));

        message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void A_100_MB_package_json_is_read_up_to_the_manifest_limit()
    {
        using var run = new HostileRun(output, "100 MB package.json");
        var path = run.Artifact("giant.tgz", s => GiantPackageJson(s, 100_000_000));

        var finding = run.Scan(path).ShouldReport(Unreadable);

        finding["message"]!.GetValue<string>().ShouldContain("larger than 4 MiB");
    }

    [Fact]
    public void A_package_json_with_1_000_000_dependencies_is_read_up_to_the_manifest_limit()
    {
        using var run = new HostileRun(output, "package.json with 1,000,000 dependencies");
        var path = run.Artifact("deps.tgz", s => PackageJsonWithManyDependencies(s, 1_000_000));

        var result = run.Scan(path);

        result.ShouldReport(Unreadable)["message"]!.GetValue<string>().ShouldContain("larger than 4 MiB");
        result.Report["target"]!["name"]!.GetValue<string>().ShouldBe("hostile-pkg");
    }

    [Fact]
    public void A_truncated_nuspec_is_an_unreadable_manifest_finding()
    {
        var message = ScanNuGet("truncated .nuspec", TruncatedNuspec);

        message.ShouldContain("not valid XML");
    }

    [Fact]
    public void A_billion_laughs_nuspec_is_refused_without_expanding_an_entity()
    {
        var message = ScanNuGet("billion laughs .nuspec", BillionLaughsNuspec);

        message.ShouldContain("DTD is prohibited");
    }

    [Fact]
    public void A_nuspec_with_an_external_entity_is_refused_without_reading_it()
    {
        var message = ScanNuGet("external entity .nuspec", ExternalEntityNuspec);

        message.ShouldContain("DTD is prohibited");
        message.ShouldNotContain("root:");
    }

    [Fact]
    public void A_nuspec_with_1_000_000_dependencies_is_read_up_to_the_manifest_limit()
    {
        var message = ScanNuGet("nuspec with 1,000,000 dependencies", NuspecWithManyDependencies(1_000_000));

        message.ShouldContain("larger than 4 MiB");
    }

    [Fact]
    public void Malformed_and_giant_lockfiles_are_scanned_as_text_without_harm()
    {
        using var run = new HostileRun(output, "malformed lockfiles and a 100 MB package-lock.json");
        var path = run.Artifact("locks.tgz", s => MalformedLockfiles(s, 100_000_000));

        var result = run.Scan(path).ShouldEndWithinBounds();

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Report["target"]!["entryCount"]!.GetValue<int>().ShouldBe(6);
    }

    private string ScanNpm(string caseName, string manifest)
    {
        using var run = new HostileRun(output, caseName);
        var path = run.Artifact("pkg.tgz", s => NpmPackage(s, manifest));
        var finding = run.Scan(path).ShouldReport(Unreadable);
        finding["location"]!["path"]!.GetValue<string>().ShouldBe("package/package.json");
        return finding["message"]!.GetValue<string>();
    }

    private string ScanNuGet(string caseName, string nuspec)
    {
        using var run = new HostileRun(output, caseName);
        var path = run.Artifact("Hostile.Package.6.6.6.nupkg", NuGetPackage(nuspec));
        var finding = run.Scan(path).ShouldReport(Unreadable);
        finding["location"]!["path"]!.GetValue<string>().ShouldBe("Hostile.Package.nuspec");
        return finding["message"]!.GetValue<string>();
    }
}
