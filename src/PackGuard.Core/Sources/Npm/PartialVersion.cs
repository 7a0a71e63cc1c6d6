namespace PackGuard.Sources.Npm;

/// <summary>
/// A version as ranges write it: parts may be missing or wildcards (<c>1</c>, <c>1.2</c>,
/// <c>1.x</c>, <c>*</c>). A missing part is <see langword="null"/>; parts after a wildcard are
/// wildcards too.
/// </summary>
internal sealed record PartialVersion(long? Major, long? Minor, long? Patch, IReadOnlyList<string> Prerelease)
{
    public bool IsComplete => Patch is not null;

    public SemVersion ToVersion() => new(Major ?? 0, Minor ?? 0, Patch ?? 0, IsComplete ? Prerelease : []);

    public static bool TryParse(string text, out PartialVersion partial)
    {
        partial = null!;
        if (text.StartsWith('v') || text.StartsWith('V'))
            text = text[1..];
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
            text = text[..plus];
        string[] prerelease = [];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!SemVersion.ValidIdentifiers(text[(dash + 1)..], out prerelease))
                return false;
            text = text[..dash];
        }

        var parts = text.Split('.');
        if (parts.Length > 3)
            return false;
        var numbers = new long?[3];
        var wildcard = false;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "x" or "X" or "*")
            {
                wildcard = true;
                continue;
            }
            if (wildcard || !SemVersion.TryNumber(parts[i], out var number))
            {
                // 1.x.3 reads as 1.x, as in npm; anything else is not a version.
                if (wildcard && SemVersion.TryNumber(parts[i], out _))
                    continue;
                return false;
            }
            numbers[i] = number;
        }
        if (numbers[2] is null && prerelease.Length > 0)
            return false;
        partial = new PartialVersion(numbers[0], numbers[1], numbers[2], prerelease);
        return true;
    }
}
