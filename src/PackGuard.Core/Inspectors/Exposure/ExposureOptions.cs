namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// What a team tells PackGuard about its own internal surface: the codenames of unreleased
/// products, projects and services that must never appear in a published package
/// (<c>exposure.codenames</c> in the policy file).
/// </summary>
public sealed record ExposureOptions
{
    /// <summary>The longest codename accepted.</summary>
    public const int MaxCodenameLength = 64;

    /// <summary>The most codenames accepted: they share one vectorised search, which slows as it grows.</summary>
    public const int MaxCodenames = 64;

    /// <summary>The shortest codename accepted: shorter words match everywhere.</summary>
    public const int MinCodenameLength = 3;

    /// <summary>Codenames, matched case-insensitively on word boundaries.</summary>
    public IReadOnlyList<string> Codenames { get; init; } = [];

    /// <summary>No codenames.</summary>
    public static ExposureOptions Default { get; } = new();

    /// <summary>Why a codename cannot be used, or null when it can.</summary>
    public static string? Problem(string codename)
    {
        if (codename.Length < MinCodenameLength || codename.Length > MaxCodenameLength)
            return $"must be {MinCodenameLength} to {MaxCodenameLength} characters long";
        if (codename.Any(char.IsControl))
            return "must not hold control characters";
        if (char.IsWhiteSpace(codename[0]) || char.IsWhiteSpace(codename[^1]))
            return "must not start or end with a space";
        if (!codename.Any(char.IsLetterOrDigit))
            return "must hold a letter or a digit";
        return null;
    }
}
