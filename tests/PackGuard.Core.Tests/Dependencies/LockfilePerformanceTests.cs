using System.Diagnostics;

namespace PackGuard.Tests.Dependencies;

/// <summary>A 5,000-package lockfile of any format must read in well under a second (see docs/deps.md for measured figures).</summary>
public sealed class LockfilePerformanceTests : IDisposable
{
    private const int Packages = 5_000;

    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    public static TheoryData<string> Formats => new(SyntheticLockfiles.FileNames);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Five_thousand_packages_read_in_well_under_a_second(string fileName)
    {
        _fixture.Write(fileName, SyntheticLockfiles.Generate(fileName, Packages));

        var lockfile = _fixture.Read(fileName);
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            _fixture.Read(fileName);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Count.ShouldBeGreaterThanOrEqualTo(Packages);
        lockfile.Dependencies.ShouldAllBe(d => d.Integrity != null && d.Location.Line > 0);
        // A loose bound for a Debug build on a shared machine: it catches work that grows faster than the
        // file. The figures of a Release build are measured by bench/PackGuard.Bench (lockfiles) and in docs/deps.md.
        best.ShouldBeLessThan(TimeSpan.FromSeconds(2), $"{fileName}: {best.TotalMilliseconds:0} ms");
    }
}
