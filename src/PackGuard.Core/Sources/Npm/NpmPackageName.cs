namespace PackGuard.Sources.Npm;

/// <summary>
/// npm package-name rules for packages that may already exist (validate-npm-package-name's
/// "valid for old packages"): PackGuard scans what the registry serves, and the registry still
/// serves legacy names with capitals (<c>JSONStream</c>) or <c>~'!()*</c>.
/// </summary>
internal static class NpmPackageName
{
    public const int MaxLength = 214;

    // Names npm refuses outright.
    private static readonly string[] Reserved = ["node_modules", "favicon.ico"];

    /// <summary>Why <paramref name="name"/> is not a valid npm package name, or <see langword="null"/> when it is.</summary>
    public static string? Validate(string name)
    {
        if (name.Length == 0)
            return "the package name is empty";
        if (name.Trim().Length != name.Length)
            return "a package name cannot start or end with spaces";
        if (name[0] is '.' or '_')
            return $"a package name cannot start with '{name[0]}'";
        if (name.Length > MaxLength)
            return $"a package name cannot be longer than {MaxLength} characters";
        if (Reserved.Contains(name, StringComparer.Ordinal))
            return $"'{name}' is a reserved name";

        string[] parts;
        if (name[0] == '@')
        {
            parts = name[1..].Split('/');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                return "a scoped package name has the form @scope/name";
        }
        else
        {
            parts = [name];
        }

        if (parts.Any(p => !p.All(IsUrlSafe)))
            return "a package name can only contain URL-safe characters (letters, digits, '-', '.', '_')";
        return null;
    }

    /// <summary>The <c>@scope</c> of a scoped name, else <see langword="null"/>.</summary>
    public static string? ScopeOf(string name) =>
        name.StartsWith('@') && name.IndexOf('/') is var slash and > 1 ? name[..slash] : null;

    /// <summary>The name as it appears in a registry path: <c>@scope%2fname</c> for scoped names.</summary>
    public static string Escape(string name) => name.Replace("/", "%2f", StringComparison.Ordinal);

    // What encodeURIComponent leaves alone.
    private static bool IsUrlSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')';
}
