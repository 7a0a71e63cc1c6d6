using PackGuard.Sources.Npm;
using PackGuard.Sources.NuGet;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// How one ecosystem orders its versions: npm by SemVer 2.0 (<see cref="SemVersion"/>), NuGet by
/// <see cref="NuGetVersion"/> (SemVer 2.0 with a fourth number and case-insensitive labels), PyPI
/// by PEP 440 (<see cref="Pep440Version"/>). A record's SEMVER and ECOSYSTEM ranges are both
/// read in the ecosystem's own ordering: for npm and NuGet that is SemVer precedence anyway, and
/// Python versions such as <c>1.0</c> are not SemVer at all.
/// </summary>
internal sealed class VersionScheme
{
    public static readonly VersionScheme Npm = new(
        text => SemVersion.TryParse(text, out var v) ? new Ordered<SemVersion>(v) : null,
        text => SemVersion.TryParse(text, out var v) ? [v.ToString()] : []);

    public static readonly VersionScheme NuGet = new(
        text => NuGetVersion.TryParse(text?.Trim(), out var v) ? new Ordered<NuGetVersion>(v) : null,
        // Prerelease labels compare without regard to case.
        text => NuGetVersion.TryParse(text?.Trim(), out var v) ? [v.Normalized.ToLowerInvariant()] : []);

    public static readonly VersionScheme PyPI = new(
        text => Pep440Version.TryParse(text, out var v) ? new Ordered<Pep440Version>(v) : null,
        // A local version also equals a listed version without the label (PEP 440, below).
        text => !Pep440Version.TryParse(text, out var v) ? [] : v.Local.Count == 0 ? [v.Canonical] : [v.Canonical, v.WithoutLocal().Canonical],
        // PEP 440: a bound without a local label ignores the local label of the version compared
        // with it (1.4.2+ubuntu1 is 1.4.2 against "<=1.4.2" and "==1.4.2").
        static (version, bound) => version is Ordered<Pep440Version> v && bound is Ordered<Pep440Version> b && b.Value.Local.Count == 0 && v.Value.Local.Count > 0
            ? v.Value.WithoutLocal().CompareTo(b.Value)
            : version.CompareTo(bound));

    private readonly Func<string, IComparable?> _parse;
    private readonly Func<string, string[]> _canonical;
    private readonly Func<IComparable, IComparable, int> _compareToBound;

    private VersionScheme(Func<string, IComparable?> parse, Func<string, string[]> canonical, Func<IComparable, IComparable, int>? compareToBound = null)
    {
        _parse = parse;
        _canonical = canonical;
        _compareToBound = compareToBound ?? (static (version, bound) => version.CompareTo(bound));
    }

    /// <summary>The scheme of one of <see cref="Ecosystems"/>, or <see langword="null"/>.</summary>
    public static VersionScheme? For(string ecosystem) => ecosystem switch
    {
        Ecosystems.Npm => Npm,
        Ecosystems.NuGet => NuGet,
        Ecosystems.PyPI => PyPI,
        _ => null,
    };

    /// <summary>The version, comparable with others of this scheme, or <see langword="null"/> when it does not parse.</summary>
    public IComparable? Parse(string text) => _parse(text);

    /// <summary>
    /// The version's canonical spelling, equal for two versions exactly when they are equal in
    /// this order (build metadata dropped, <c>1.0</c> written <c>1.0.0</c> for NuGet, PEP 440's
    /// normal form); for a PyPI version with a local label, its public version too. Empty when
    /// it does not parse.
    /// </summary>
    public IReadOnlyList<string> CanonicalForms(string text) => _canonical(text);

    /// <summary>
    /// How a dependency's version compares with a record's bound or listed version: as the two
    /// versions compare, except where the ecosystem's rules say otherwise (PyPI's local labels).
    /// </summary>
    public int CompareToBound(IComparable version, IComparable bound) => _compareToBound(version, bound);

    private sealed class Ordered<T>(T value) : IComparable
        where T : IComparable<T>
    {
        public T Value { get; } = value;

        public int CompareTo(object? obj) => obj is Ordered<T> other ? Value.CompareTo(other.Value) : 1;
    }
}
