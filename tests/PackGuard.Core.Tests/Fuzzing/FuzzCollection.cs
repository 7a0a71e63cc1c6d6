namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// Fuzz tests run alone, after the parallel tests: the oracle points <c>TMPDIR</c> at its own
/// directory for the run and watches it, which other tests writing temporary files would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
