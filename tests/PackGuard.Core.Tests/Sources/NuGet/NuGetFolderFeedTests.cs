using System.Security.Cryptography;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources.NuGet;

public sealed class NuGetFolderFeedTests : IDisposable
{
    private readonly TestSandbox _box = new();

    public NuGetFolderFeedTests() => _box.Write("work/nuget.config", """
        <configuration>
          <packageSources><clear /><add key="local" value="feed" /></packageSources>
        </configuration>
        """);

    public void Dispose() => _box.Dispose();

    private Task<ResolvedTarget> Resolve(string raw) =>
        _box.Resolver().ResolveAsync(TargetSpecParser.Parse(raw), null, CancellationToken.None);

    private string Package(string relativePath, string version, bool withHash = false, string? hash = null)
    {
        var bytes = TestArchive.Zip([TestFile.Text("Demo.nuspec", $"<package><metadata><id>Demo</id><version>{version}</version></metadata></package>")]);
        var path = Path.Combine(_box.Work, "feed", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        if (withHash || hash is not null)
            File.WriteAllText(path + ".sha512", hash ?? Convert.ToBase64String(SHA512.HashData(bytes)));
        return path;
    }

    [Fact]
    public async Task A_flat_folder_is_matched_case_insensitively_and_used_in_place()
    {
        Package("demo.1.0.0.nupkg", "1.0.0");
        var latest = Package("DEMO.1.2.0.nupkg", "1.2.0");
        Package("Demo.2.0.0-beta.nupkg", "2.0.0-beta");
        Package("Demo.Extra.9.0.0.nupkg", "9.0.0");
        Package("Demo.3.0.0.symbols.nupkg", "3.0.0");

        var target = await Resolve("nuget:Demo");

        target.LocalPath.ShouldBe(latest);
        target.ResolvedVersion.ShouldBe("1.2.0");
        target.Registry.ShouldBe(new Uri(Path.Combine(_box.Work, "feed")));
        target.VerifiedIntegrity.ShouldBeNull();
        _box.Http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_hierarchical_folder_is_read_and_its_sha512_verified()
    {
        var path = Package("demo/1.0.0/demo.1.0.0.nupkg", "1.0.0", withHash: true);

        var target = await Resolve("nuget:Demo@1.0");

        target.LocalPath.ShouldBe(path);
        target.VerifiedIntegrity.ShouldBe("sha512-" + await File.ReadAllTextAsync(path + ".sha512"));
    }

    [Fact]
    public async Task A_package_that_no_longer_matches_its_sha512_is_refused()
    {
        Package("demo/1.0.0/demo.1.0.0.nupkg", "1.0.0", hash: Convert.ToBase64String(SHA512.HashData("other"u8)));

        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo@1.0.0"));

        ex.Message.ShouldContain("Integrity check failed");
    }

    [Fact]
    public async Task A_missing_folder_means_the_package_is_not_there()
    {
        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nuget:Demo"));

        ex.Message.ShouldContain("was not found in any configured source");
        ex.Message.ShouldContain(Path.Combine(_box.Work, "feed"));
    }
}
