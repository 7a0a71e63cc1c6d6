namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Where a value was seen: the entry, the line and column, and the original source when the text
/// came out of a map. Messages write it <c>path:line:column</c>, as compilers do.
/// </summary>
internal sealed record ExposureLocation(string Path, long? Line, long? Column, string? OriginalPath)
{
    /// <summary>How a message names the place.</summary>
    public string Describe()
    {
        var at = Line is { } l ? Column is { } c ? $":{l}:{c}" : $":{l}" : "";
        return OriginalPath is null ? $"{Path}{at}" : $"{OriginalPath}{at} (in {Path})";
    }
}

/// <summary>
/// Each distinct value once: how often it was seen, in how many files, and its first few places.
/// Memory is bounded by <see cref="MaxValues"/> distinct values per kind, whatever the text; the
/// values past that are counted, not kept.
/// </summary>
internal sealed class ExposureTally
{
    /// <summary>Places kept per value.</summary>
    public const int MaxLocations = 5;

    /// <summary>Distinct values kept per kind.</summary>
    public const int MaxValues = 2000;

    private const int MaxFiles = 1000;

    private readonly Dictionary<(ExposureKind Kind, string Value), Seen> _values = [];
    private readonly Dictionary<ExposureKind, int> _distinct = [];

    /// <summary>Values of a kind seen after <see cref="MaxValues"/> were kept.</summary>
    public Dictionary<ExposureKind, long> Dropped { get; } = [];

    public IEnumerable<(ExposureKind Kind, string Value, Seen Seen)> All =>
        _values.Select(v => (v.Key.Kind, v.Key.Value, v.Value));

    /// <summary>Counts <paramref name="count"/> occurrences of a value in one file.</summary>
    /// <param name="kind">What the value is.</param>
    /// <param name="value">The value.</param>
    /// <param name="file">The file (entry path, and original source for map content).</param>
    /// <param name="locations">Its first places in that file.</param>
    /// <param name="count">How often it occurs there.</param>
    /// <param name="secondary">The file is a test, an example or third-party code, where such values are expected.</param>
    public void Add(ExposureKind kind, string value, string file, IReadOnlyList<ExposureLocation> locations, long count, bool secondary)
    {
        if (!_values.TryGetValue((kind, value), out var seen))
        {
            var distinct = _distinct.GetValueOrDefault(kind);
            if (distinct >= MaxValues)
            {
                Dropped[kind] = Dropped.GetValueOrDefault(kind) + count;
                return;
            }
            _distinct[kind] = distinct + 1;
            _values[(kind, value)] = seen = new Seen();
        }
        seen.Count += count;
        if (!secondary)
            seen.Primary = true;
        if (seen.Files.Count < MaxFiles)
            seen.Files.Add(file);
        foreach (var location in locations)
        {
            if (seen.Locations.Count >= MaxLocations)
                break;
            seen.Locations.Add(location);
        }
    }

    /// <summary>One value's record.</summary>
    internal sealed class Seen
    {
        public long Count { get; set; }

        /// <summary>Seen at least once outside tests, examples and third-party code.</summary>
        public bool Primary { get; set; }

        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

        public List<ExposureLocation> Locations { get; } = [];
    }
}
