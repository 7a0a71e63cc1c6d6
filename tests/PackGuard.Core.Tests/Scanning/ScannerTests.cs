using static PackGuard.Tests.Scanning.ScanFixture;

namespace PackGuard.Tests.Scanning;

public sealed class ScannerTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _root = Directory.CreateTempSubdirectory("packguard-scanner-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true); // removes links, never what they point at

    [Fact]
    public async Task A_directorys_size_counts_its_own_files_and_not_what_its_links_point_at()
    {
        // Found by the fuzzer (a directory target with a link to /): summing the size followed the
        // link and enumerated the whole disk, a scan that never ended and ignored cancellation.
        var package = Directory.CreateDirectory(Path.Combine(_root, "package")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        File.WriteAllBytes(Path.Combine(package, "index.js"), new byte[10]);
        File.WriteAllBytes(Path.Combine(outside, "big.bin"), new byte[1000]);
        Directory.CreateSymbolicLink(Path.Combine(package, "out"), outside);
        Directory.CreateSymbolicLink(Path.Combine(package, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(package, "root"), "/");

        var result = await Task.Run(() => ScanPath(package, isDirectory: true)).WaitAsync(Bound);

        result.Target.Size.ShouldBe(10);
    }
}
