namespace PackGuard.Sources.NuGet;

/// <summary>NuGet package id rules: word characters separated by single '.' or '-', at most 100 characters.</summary>
internal static class NuGetPackageId
{
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="id"/> is not a valid package id, or <see langword="null"/> when it is.</summary>
    public static string? Validate(string id)
    {
        if (id.Length == 0)
            return "the package id is empty";
        if (id.Length > MaxLength)
            return $"a package id cannot be longer than {MaxLength} characters";

        // Equivalent to ^\w+([.-]\w+)*$ without a regex: every separator sits between word characters.
        bool previousWasWord = false;
        foreach (char c in id)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                previousWasWord = true;
            }
            else if (c is '.' or '-' && previousWasWord)
            {
                previousWasWord = false;
            }
            else
            {
                return "a package id can only contain letters, digits, '_' and single '.' or '-' between them";
            }
        }
        return previousWasWord ? null : "a package id cannot end with '.' or '-'";
    }
}
