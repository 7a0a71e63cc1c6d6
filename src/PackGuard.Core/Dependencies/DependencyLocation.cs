namespace PackGuard.Dependencies;

/// <summary>Where a dependency is declared: the file's path as shown to the user, and its line when known (1-based).</summary>
public sealed record DependencyLocation(string Path, int? Line = null);
