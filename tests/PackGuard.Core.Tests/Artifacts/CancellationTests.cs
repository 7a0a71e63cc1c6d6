using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class CancellationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cancelling_during_the_walk_stops_it(bool readAhead)
    {
        var files = Enumerable.Range(0, 50).Select(i => new TestFile($"f{i}.bin", new byte[100_000])).ToArray();
        using var artifact = new TempArtifact(TestArchive.NpmTarball(files), "many.tgz");
        using var cancellation = new CancellationTokenSource();
        var seen = 0;
        var visitor = new RecordingVisitor(_ =>
        {
            if (++seen == 3)
                cancellation.Cancel();
            return true;
        });

        Should.Throw<OperationCanceledException>(() => Walk.File(artifact.Path, visitor: visitor, readAhead: readAhead, cancellationToken: cancellation.Token));

        visitor.Entries.Count.ShouldBe(3);
    }

    [Fact]
    public void An_already_cancelled_token_walks_nothing()
    {
        using var artifact = new TempArtifact(TestArchive.NpmTarball(TestFile.Text("a.js", "a")), "a.tgz");
        var visitor = new RecordingVisitor();

        Should.Throw<OperationCanceledException>(() =>
            new ArtifactWalker(ArtifactLimits.Default, new FindingList()).WalkFile(artifact.Path, visitor, new CancellationToken(canceled: true)));

        visitor.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void A_visitor_exception_is_not_mistaken_for_damage()
    {
        using var artifact = new TempArtifact(TestArchive.NpmTarball(TestFile.Text("a.js", "a")), "a.tgz");
        var visitor = new ThrowingVisitor();

        Should.Throw<InvalidDataException>(() =>
            new ArtifactWalker(ArtifactLimits.Default, new FindingList()).WalkFile(artifact.Path, visitor, CancellationToken.None))
            .Message.ShouldBe("inspector bug");
    }

    private sealed class ThrowingVisitor : IEntryVisitor
    {
        public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head) => throw new InvalidDataException("inspector bug");
    }
}
