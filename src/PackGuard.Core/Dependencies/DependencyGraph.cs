namespace PackGuard.Dependencies;

/// <summary>
/// Which packages are needed only for development, from the graph when the lockfile does not say
/// (Yarn, pnpm 9, uv): a package reachable from a development root and from no production root.
/// Nodes are the lockfile's own keys; unknown keys in edges are ignored.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);
    private readonly List<string> _production = [];
    private readonly List<string> _development = [];

    public void Edge(string from, string to)
    {
        if (!_edges.TryGetValue(from, out var targets))
            _edges[from] = targets = [];
        targets.Add(to);
    }

    public void ProductionRoot(string key) => _production.Add(key);

    public void DevelopmentRoot(string key) => _development.Add(key);

    /// <summary>Whether any root was given: without roots nothing can be said about development-only packages.</summary>
    public bool HasRoots => _production.Count + _development.Count > 0;

    /// <summary>The keys reachable from a development root and from no production root.</summary>
    public HashSet<string> DevelopmentOnly()
    {
        var production = Reach(_production, null);
        var development = Reach(_development, production);
        return development;
    }

    private HashSet<string> Reach(List<string> roots, HashSet<string>? excluded)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var root in roots)
        {
            if ((excluded is null || !excluded.Contains(root)) && seen.Add(root))
                stack.Push(root);
        }
        while (stack.Count > 0)
        {
            if (!_edges.TryGetValue(stack.Pop(), out var targets))
                continue;
            foreach (var target in targets)
            {
                if ((excluded is null || !excluded.Contains(target)) && seen.Add(target))
                    stack.Push(target);
            }
        }
        return seen;
    }
}
