using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class WalkProgressTests
{
    [Theory]
    [InlineData("big.tgz")]
    [InlineData("big.zip")]
    public void Reports_progress_through_the_file_up_to_its_end(string fileName)
    {
        var random = new Random(7);
        var noise = new byte[6 * 1024 * 1024];
        random.NextBytes(noise);
        TestFile[] files = [new("package/noise.bin", noise), TestFile.Text("package/index.js", "x")];
        var bytes = fileName.EndsWith(".zip", StringComparison.Ordinal) ? TestArchive.Zip(files) : TestArchive.TarGz(files);
        using var artifact = new TempArtifact(bytes, fileName);
        var reports = new List<WalkProgress>();

        new ArtifactWalker(ArtifactLimits.Default, new FindingList()) { Progress = new Recorder(reports) }
            .WalkFile(artifact.Path, new RecordingVisitor(), CancellationToken.None);

        reports.Count.ShouldBeGreaterThan(2);
        reports.ShouldAllBe(r => r.TotalBytes == bytes.Length && r.BytesRead <= bytes.Length);
        reports.Max(r => r.BytesRead).ShouldBe(bytes.Length);
    }

    private sealed class Recorder(List<WalkProgress> reports) : IProgress<WalkProgress>
    {
        public void Report(WalkProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }
}
