namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// The hostile cases run one at a time and alone: each measures a child process's time and memory,
/// which other tests competing for the same two cores would distort.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "Hostile input";
}
