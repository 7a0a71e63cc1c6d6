namespace PackGuard.Dependencies.Audit;

/// <summary>
/// What a team declares about where its dependencies may come from (<c>deps</c> in the policy
/// file): which names are its own, which registries are its own, which hosts a lockfile may fetch
/// from, and how young a release may be. The project's own configuration files (.npmrc scoped
/// registries, NuGet package source mapping) add to the internal names and registries.
/// </summary>
public sealed record DependencyPolicy
{
    /// <summary>At most this many entries in each list: a policy file is written by people.</summary>
    public const int MaxEntries = 1000;

    /// <summary>npm scopes that only the team publishes (<c>@acme</c>).</summary>
    public IReadOnlyList<string> InternalScopes { get; init; } = [];

    /// <summary>Name prefixes that only the team publishes (<c>acme-</c>, <c>Acme.</c>); compared as the ecosystem compares names.</summary>
    public IReadOnlyList<string> InternalPrefixes { get; init; } = [];

    /// <summary>The team's own registries (URLs or host names): internal packages must come from these.</summary>
    public IReadOnlyList<string> InternalRegistries { get; init; } = [];

    /// <summary>
    /// The hosts lockfiles may fetch packages from. When empty, the default: the public registry of
    /// each ecosystem, the registries the project's configuration names, and <see cref="InternalRegistries"/>.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>With <c>--online</c>: a version published less than this ago is <c>dependency/too-new</c>.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromHours(48);

    /// <summary>The policy used when the policy file says nothing.</summary>
    public static DependencyPolicy Default { get; } = new();

    /// <summary>Why a scope entry is not one (<see langword="null"/> when it is fine).</summary>
    public static string? ScopeProblem(string scope) =>
        scope.Length < 2 || scope[0] != '@' || scope.IndexOf('/', StringComparison.Ordinal) >= 0 || scope.Any(char.IsWhiteSpace)
            ? "is not an npm scope (write it as @name)"
            : null;

    /// <summary>Why a prefix entry is not one.</summary>
    public static string? PrefixProblem(string prefix) =>
        prefix.TrimEnd('*').Length < 2 || prefix.Any(char.IsWhiteSpace) ? "is not a name prefix of two characters or more without spaces" : null;
}
