using System.Globalization;

namespace PackGuard.Sources.Npm;

/// <summary>
/// A Semantic Versioning 2.0 version as npm compares it: numeric major.minor.patch, then
/// prerelease identifiers (numbers numerically, below alphanumerics, which compare in ASCII
/// order); build metadata is ignored.
/// </summary>
internal sealed class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    // npm's limit: numbers must stay exact in a JavaScript double.
    private const long MaxSafeInteger = 9007199254740991;

    public SemVersion(long major, long minor, long patch, IReadOnlyList<string>? prerelease = null)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease ?? [];
    }

    public long Major { get; }
    public long Minor { get; }
    public long Patch { get; }
    public IReadOnlyList<string> Prerelease { get; }
    public bool IsPrerelease => Prerelease.Count > 0;

    /// <summary>
    /// Parses <c>1.2.3</c>, <c>1.2.3-beta.1</c>, <c>1.2.3+build</c>; like npm's loose mode it
    /// also accepts a leading <c>v</c> or <c>=</c> and surrounding spaces.
    /// </summary>
    public static bool TryParse(string? text, out SemVersion version)
    {
        version = null!;
        if (text is null)
            return false;
        text = text.Trim().TrimStart('=').TrimStart();
        if (text.StartsWith('v') || text.StartsWith('V'))
            text = text[1..];

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            if (!ValidIdentifiers(text[(plus + 1)..], out _))
                return false;
            text = text[..plus];
        }
        string[] prerelease = [];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!ValidIdentifiers(text[(dash + 1)..], out prerelease))
                return false;
            text = text[..dash];
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || !TryNumber(parts[0], out var major) || !TryNumber(parts[1], out var minor) || !TryNumber(parts[2], out var patch))
            return false;
        version = new SemVersion(major, minor, patch, prerelease);
        return true;
    }

    internal static bool TryNumber(string text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 16 && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxSafeInteger;
    }

    internal static bool ValidIdentifiers(string text, out string[] identifiers)
    {
        identifiers = text.Split('.');
        return identifiers.All(i => i.Length > 0 && i.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    /// <summary>Same major.minor.patch, ignoring prerelease.</summary>
    public bool SameRelease(SemVersion other) => Major == other.Major && Minor == other.Minor && Patch == other.Patch;

    public int CompareTo(SemVersion? other)
    {
        if (other is null)
            return 1;
        var byRelease = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byRelease != 0)
            return byRelease;
        if (IsPrerelease != other.IsPrerelease)
            return IsPrerelease ? -1 : 1;
        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var byIdentifier = CompareIdentifier(Prerelease[i], other.Prerelease[i]);
            if (byIdentifier != 0)
                return byIdentifier;
        }
        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    public bool Equals(SemVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SemVersion other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', Prerelease));

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}") + (IsPrerelease ? "-" + string.Join('.', Prerelease) : "");

    private static int CompareIdentifier(string a, string b)
    {
        var aNumeric = a.All(char.IsAsciiDigit);
        var bNumeric = b.All(char.IsAsciiDigit);
        if (aNumeric && bNumeric)
        {
            // Compare by length first: identifiers can exceed long without being invalid.
            var trimmedA = a.TrimStart('0');
            var trimmedB = b.TrimStart('0');
            return trimmedA.Length != trimmedB.Length
                ? trimmedA.Length.CompareTo(trimmedB.Length)
                : string.CompareOrdinal(trimmedA, trimmedB);
        }
        if (aNumeric != bNumeric)
            return aNumeric ? -1 : 1;
        return string.CompareOrdinal(a, b);
    }
}
