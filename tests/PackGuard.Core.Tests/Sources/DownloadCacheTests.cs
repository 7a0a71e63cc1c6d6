using System.Security.Cryptography;
using PackGuard.Sources;
using PackGuard.Sources.Integrity;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources;

public sealed class DownloadCacheTests : IDisposable
{
    private readonly TestSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void Root_comes_from_packguard_cache_dir_then_xdg_then_home()
    {
        var env = _box.Environment;
        DownloadCache.FromEnvironment(env).RootPath.ShouldBe(Path.Combine(_box.Home, ".cache", "packguard"));

        _box.Variables["XDG_CACHE_HOME"] = "relative/is/ignored";
        DownloadCache.FromEnvironment(env).RootPath.ShouldBe(Path.Combine(_box.Home, ".cache", "packguard"));

        _box.Variables["XDG_CACHE_HOME"] = Path.Combine(_box.Root, "xdg");
        DownloadCache.FromEnvironment(env).RootPath.ShouldBe(Path.Combine(_box.Root, "xdg", "packguard"));

        _box.Variables["PACKGUARD_CACHE_DIR"] = "mycache";
        DownloadCache.FromEnvironment(env).RootPath.ShouldBe(Path.Combine(_box.Work, "mycache"));
    }

    [Fact]
    public void Files_are_named_by_algorithm_and_hex_digest()
    {
        var hash = new ContentHash("sha512", SHA512.HashData("x"u8));

        var path = _box.Cache.PathFor(hash, "tgz");

        path.ShouldBe(Path.Combine(_box.Cache.RootPath, "sha512", hash.Hex[..2], hash.Hex + ".tgz"));
    }

    [Theory]
    [InlineData("../tgz")]
    [InlineData("t/gz")]
    [InlineData("")]
    public void Extensions_cannot_escape_the_root(string extension)
    {
        Should.Throw<ArgumentException>(() => _box.Cache.PathFor(new ContentHash("sha512", new byte[64]), extension));
    }

    [Fact]
    public async Task A_committed_file_is_found_and_a_corrupted_one_is_dropped()
    {
        var data = "package bytes"u8.ToArray();
        var hash = new ContentHash("sha512", SHA512.HashData(data));
        var expected = IntegrityExpectation.FromSri(hash.Sri)!;

        string path;
        await using (var writer = _box.Cache.BeginWrite())
        {
            await writer.Stream.WriteAsync(data);
            path = await writer.CommitAsync(hash, "tgz", CancellationToken.None);
        }

        (await _box.Cache.FindAsync(expected, "tgz", CancellationToken.None))!.Value.Path.ShouldBe(path);
        _box.TempFiles().ShouldBeEmpty();

        await File.WriteAllTextAsync(path, "tampered");
        (await _box.Cache.FindAsync(expected, "tgz", CancellationToken.None)).ShouldBeNull();
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task An_uncommitted_write_leaves_nothing_behind()
    {
        string temp;
        await using (var writer = _box.Cache.BeginWrite())
        {
            temp = writer.TempPath;
            await writer.Stream.WriteAsync("partial"u8.ToArray());
            File.Exists(temp).ShouldBeTrue();
        }

        File.Exists(temp).ShouldBeFalse();
        temp.ShouldStartWith(_box.Cache.RootPath + Path.DirectorySeparatorChar);
    }
}
