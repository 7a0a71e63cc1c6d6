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
    public static readonly VersionScheme Npm = new(text => SemVersion.TryParse(text, out var v) ? new Ordered<SemVersion>(v) : null);
    public static readonly VersionScheme NuGet = new(text => NuGetVersion.TryParse(text?.Trim(), out var v) ? new Ordered<NuGetVersion>(v) : null);
    public static readonly VersionScheme PyPI = new(text => Pep440Version.TryParse(text, out var v) ? new Ordered<Pep440Version>(v) : null);

    private readonly Func<string, IComparable?> _parse;

    private VersionScheme(Func<string, IComparable?> parse) => _parse = parse;

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

    private sealed class Ordered<T>(T value) : IComparable
        where T : IComparable<T>
    {
        private readonly T _value = value;

        public int CompareTo(object? obj) => obj is Ordered<T> other ? _value.CompareTo(other._value) : 1;
    }
}
