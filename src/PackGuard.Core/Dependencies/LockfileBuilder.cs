namespace PackGuard.Dependencies;

/// <summary>
/// Collects what a reader finds in one file: dependencies (a package seen again with the same
/// version, source, hash and alias is merged into the first, which keeps its location), sources
/// and problems, within <see cref="LockfileLimits"/>.
/// </summary>
internal sealed class LockfileBuilder
{
    private readonly List<Dependency> _dependencies = [];
    private readonly Dictionary<(string, string, string?, string?, string?, string?), int> _index = [];
    private readonly List<string> _problems = [];
    private readonly List<PackageSource> _sources = [];
    private readonly HashSet<(string, PackageSourceKind, string?)> _sourceKeys = [];
    private const int MaxProblemLength = 300;

    private bool _full;

    public LockfileBuilder(string displayPath, LockfileLimits limits)
    {
        DisplayPath = displayPath;
        Limits = limits;
    }

    /// <summary>The path of the file as shown to the user.</summary>
    public string DisplayPath { get; }

    public LockfileLimits Limits { get; }

    public string? FormatVersion { get; set; }

    public int Count => _dependencies.Count;

    /// <summary>A location in the file being read.</summary>
    public DependencyLocation At(int? line) => new(DisplayPath, line);

    /// <summary>Adds <paramref name="dependency"/>, or merges it into an equal one already added.</summary>
    public void Add(Dependency dependency)
    {
        if (dependency.Name.Length == 0)
            return;
        if (dependency.Name.Length > Limits.MaxNameLength)
        {
            Problem($"a package name of {dependency.Name.Length} characters, longer than any registry allows: {Quote(dependency.Name)}", dependency.Location.Line,
                dependency.Location.Path == DisplayPath ? null : dependency.Location.Path);
            return;
        }
        var key = (dependency.Ecosystem, dependency.Key, dependency.Version, dependency.Resolved, dependency.Integrity, dependency.Alias);
        if (_index.TryGetValue(key, out var at))
        {
            _dependencies[at] = Merge(_dependencies[at], dependency);
            return;
        }
        if (_dependencies.Count >= Limits.MaxDependencies)
        {
            if (!_full)
                Problem($"more than {Limits.MaxDependencies} dependencies; the rest were not read");
            _full = true;
            return;
        }
        _index[key] = _dependencies.Count;
        _dependencies.Add(dependency);
    }

    /// <summary>Records a problem; <paramref name="line"/> and <paramref name="file"/> (an included file) say where.</summary>
    public void Problem(string message, int? line = null, string? file = null)
    {
        if (_problems.Count >= 1000)
            return;
        var where = (file, line) switch
        {
            (null, null) => "",
            (null, { } l) => $"line {l}: ",
            ({ } f, null) => $"{f}: ",
            ({ } f, { } l) => $"{f} line {l}: ",
        };
        // Messages quote the file (parsers' own messages too): keep each one to a screen line or two.
        if (message.Length > MaxProblemLength)
            message = message[..MaxProblemLength] + "...";
        _problems.Add(where + message);
        if (_problems.Count == 1000)
            _problems.Add("more problems were not recorded");
    }

    /// <summary>Records a package source once (same URL, kind and scope).</summary>
    public void Source(PackageSource source)
    {
        var url = SourceUrls.WithoutCredentials(source.Url.Trim());
        if (url.Length == 0 || !_sourceKeys.Add((url, source.Kind, source.Scope)))
            return;
        _sources.Add(source with { Url = url });
    }

    /// <summary>Text from the file, shortened for a problem message.</summary>
    public string Quote(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= Limits.MaxQuote ? $"'{line}'" : $"'{line[..Limits.MaxQuote]}...'";
    }

    public Lockfile Build(string path, string format) =>
        new(path, format, _dependencies.ToArray(), _problems.ToArray())
        {
            FormatVersion = FormatVersion,
            Sources = _sources.ToArray(),
        };

    private static Dependency Merge(Dependency first, Dependency again) => first with
    {
        Direct = first.Direct || again.Direct,
        Dev = first.Dev && again.Dev,
        Optional = first.Optional && again.Optional,
        HasInstallScript = first.HasInstallScript == true || again.HasInstallScript == true
            ? true
            : first.HasInstallScript ?? again.HasInstallScript,
        Requested = first.Requested ?? again.Requested,
        Hashes = first.Hashes.Count > 0 ? first.Hashes : again.Hashes,
    };
}
