using System.Text;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Walking;

public sealed class GzipLevelTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deflate_data_that_does_not_decode_under_a_tar_is_blamed_on_the_gzip_data(bool readAhead)
    {
        // Seen in the fuzzer's summary: the inflater's error surfaced while TarReader read a header,
        // and was reported as "a tar header is malformed: the archive entry was compressed using an
        // unsupported compression method", blaming the tar and naming no real problem.
        // The same bytes on every run (ustar, fixed mtime: pax headers carry the process id), so the
        // damage always lands in the same place of the same deflate stream.
        var tarball = TestArchive.Gzip(TestArchive.Tar(
            [TestFile.Text("package/package.json", """{"name":"demo"}"""),
             new TestFile("package/lib/big.js", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"var v{i} = {i * 7919 % 10007};\n"))))],
            System.Formats.Tar.TarEntryFormat.Ustar, TestArchive.FixedTime));
        for (var i = tarball.Length / 3; i < (tarball.Length / 3) + 64; i++)
            tarball[i] ^= 0xA5;

        var error = Walk.Unreadable(tarball, "damaged.tgz", readAhead);

        error.Problem.ShouldBe("the gzip data is corrupt: the deflate data does not decode");
    }
}
