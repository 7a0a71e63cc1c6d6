using System.Globalization;

namespace PackGuard.Sources.NuGet;

/// <summary>
/// A NuGet version: one to four numeric parts, an optional SemVer 2.0 prerelease and build
/// metadata. Comparison and equality follow NuGet: build metadata is ignored and prerelease
/// labels compare case-insensitively.
/// </summary>
internal sealed class NuGetVersion : IComparable<NuGetVersion>, IEquatable<NuGetVersion>
{
    private NuGetVersion(int major, int minor, int patch, int revision, string[] release)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Revision = revision;
        Release = release;
    }

    public int Major { get; }
    public int Minor { get; }
    public int Patch { get; }
    public int Revision { get; }

    /// <summary>Prerelease labels (empty for a stable version), in their original case.</summary>
    public IReadOnlyList<string> Release { get; }

    public bool IsPrerelease => Release.Count > 0;

    /// <summary>
    /// NuGet's normalised form: leading zeros dropped, three parts plus a fourth only when it is
    /// not zero, no build metadata. <c>1.0</c> → <c>1.0.0</c>, <c>1.00.0.0</c> → <c>1.0.0</c>.
    /// </summary>
    public string Normalized
    {
        get
        {
            var text = Revision == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
                : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}.{Revision}");
            return IsPrerelease ? text + "-" + string.Join('.', Release) : text;
        }
    }

    public static bool TryParse(string? text, out NuGetVersion version)
    {
        version = null!;
        if (string.IsNullOrEmpty(text))
            return false;

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0 && !Labels(text[(plus + 1)..], out _))
            return false;
        var core = plus >= 0 ? text[..plus] : text;

        string[] release = [];
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!Labels(core[(dash + 1)..], out release))
                return false;
            core = core[..dash];
        }

        var parts = core.Split('.');
        if (parts.Length > 4)
            return false;
        var numbers = new int[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return false;
        }
        version = new NuGetVersion(numbers[0], numbers[1], numbers[2], numbers[3], release);
        return true;
    }

    public int CompareTo(NuGetVersion? other)
    {
        if (other is null)
            return 1;
        var byNumbers = (Major, Minor, Patch, Revision).CompareTo((other.Major, other.Minor, other.Patch, other.Revision));
        if (byNumbers != 0)
            return byNumbers;
        // A release sorts above any of its prereleases.
        if (IsPrerelease != other.IsPrerelease)
            return IsPrerelease ? -1 : 1;
        for (var i = 0; i < Math.Min(Release.Count, other.Release.Count); i++)
        {
            var byLabel = CompareLabel(Release[i], other.Release[i]);
            if (byLabel != 0)
                return byLabel;
        }
        return Release.Count.CompareTo(other.Release.Count);
    }

    public bool Equals(NuGetVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is NuGetVersion other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Major, Minor, Patch, Revision, string.Join('.', Release).ToUpperInvariant());

    public override string ToString() => Normalized;

    private static int CompareLabel(string a, string b)
    {
        var aNumeric = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var aNumber);
        var bNumeric = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bNumber);
        if (aNumeric && bNumeric)
            return aNumber.CompareTo(bNumber);
        if (aNumeric != bNumeric)
            return aNumeric ? -1 : 1;
        return StringComparer.OrdinalIgnoreCase.Compare(a, b);
    }

    private static bool Labels(string text, out string[] labels)
    {
        labels = text.Split('.');
        return labels.All(l => l.Length > 0 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
