namespace PackGuard.Dependencies.Audit;

/// <summary>
/// Which package names are the team's own: the policy's internal scopes and prefixes, and what the
/// project's configuration routes to a registry that is not public (an <c>.npmrc</c>
/// <c>@acme:registry=</c> line pointing inside, a NuGet package source mapping pattern for a private
/// feed). An internal name must never be fetched from a public registry.
/// </summary>
internal sealed class InternalNames
{
    private readonly List<(string Scope, string Why)> _scopes = [];
    private readonly List<(string Prefix, string Why)> _prefixes = [];
    private readonly List<(string Name, string Why)> _exact = [];

    public InternalNames(DependencyPolicy policy, IEnumerable<PackageSource> sources)
    {
        foreach (var scope in policy.InternalScopes)
            _scopes.Add((scope, $"the policy names {scope} as an internal scope"));
        foreach (var prefix in policy.InternalPrefixes)
            _prefixes.Add((prefix.TrimEnd('*'), $"the policy names {prefix.TrimEnd('*')} as an internal prefix"));
        foreach (var source in sources)
        {
            if (source.Kind != PackageSourceKind.Scoped || source.Scope is not { Length: > 1 } scope
                || RegistryHosts.HostOf(source.Url) is not { } host || RegistryHosts.IsPublic(host))
                continue;
            var why = $"{source.Location.Path} routes {scope} to {host}";
            if (scope.StartsWith('@'))
                _scopes.Add((scope, why));
            else if (scope.EndsWith('*'))
            {
                if (scope.Length > 2)
                    _prefixes.Add((scope.TrimEnd('*'), why));
            }
            else
            {
                _exact.Add((scope, why));
            }
        }
    }

    /// <summary>Whether any internal name is known.</summary>
    public bool Any => _scopes.Count > 0 || _prefixes.Count > 0 || _exact.Count > 0;

    /// <summary>Why <paramref name="dependency"/>'s name is internal, or <see langword="null"/> when it is not.</summary>
    public string? Why(Dependency dependency)
    {
        var name = dependency.Name;
        if (dependency.Ecosystem == Ecosystems.Npm && name.StartsWith('@'))
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var scope = slash < 0 ? name : name[..slash];
            foreach (var (s, why) in _scopes)
            {
                if (string.Equals(s, scope, StringComparison.OrdinalIgnoreCase))
                    return why;
            }
        }
        var key = dependency.Key;
        foreach (var (prefix, why) in _prefixes)
        {
            if (key.StartsWith(PackageNames.Key(dependency.Ecosystem, prefix), StringComparison.OrdinalIgnoreCase))
                return why;
        }
        foreach (var (exact, why) in _exact)
        {
            if (PackageNames.SameName(dependency.Ecosystem, exact, dependency.Name))
                return why;
        }
        return null;
    }
}
