using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources;

public sealed class LocalResolverTests : IDisposable
{
    private readonly TestSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private Task<ResolvedTarget> Resolve(string raw) =>
        _box.Resolver().ResolveAsync(TargetSpecParser.Parse(raw), null, CancellationToken.None);

    [Fact]
    public async Task A_file_resolves_to_its_full_path_relative_to_the_working_directory()
    {
        var path = _box.Write("work/dist/pkg.tgz", "bytes");

        var target = await Resolve("dist/pkg.tgz");

        target.LocalPath.ShouldBe(path);
        target.IsDirectory.ShouldBeFalse();
        target.Spec.Raw.ShouldBe("dist/pkg.tgz");
        target.Ecosystem.ShouldBeNull();
        _box.Http.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_directory_resolves_as_a_directory()
    {
        _box.Write("work/out/package.json", "{}");

        var target = await Resolve(Path.Combine(_box.Work, "out"));

        target.IsDirectory.ShouldBeTrue();
        target.LocalPath.ShouldBe(Path.Combine(_box.Work, "out"));
    }

    [Fact]
    public async Task A_missing_path_is_unavailable_and_says_so()
    {
        var ex = await Should.ThrowAsync<TargetUnavailableException>(() => Resolve("nope/missing.tgz"));

        ex.Message.ShouldBe("No such file or directory: nope/missing.tgz");
    }
}
