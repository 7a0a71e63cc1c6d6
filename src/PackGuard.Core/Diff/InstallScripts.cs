using System.Buffers;

namespace PackGuard.Diff;

/// <summary>Which npm scripts run when a package is installed, and which of their commands fetch code to run it.</summary>
internal static class InstallScripts
{
    /// <summary>
    /// The lifecycle scripts npm runs on <c>npm install</c> of a registry package. <c>prepare</c> is left
    /// out: it runs only for git and local installs.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = ["preinstall", "install", "postinstall"];

    // Downloaders, shells fed from a pipe, inline interpreters and URLs: a command with one of these
    // brings code from elsewhere or runs code that is not a file of the package.
    private static readonly SearchValues<string> Fetchers = SearchValues.Create(
        ["curl ", "wget ", "invoke-webrequest", "iwr ", "invoke-expression", "iex ", "iex(", "powershell", "pwsh",
         "| sh", "|sh", "| bash", "|bash", "bash -c", "sh -c", "node -e", "node --eval", "node -p", "python -c",
         "http://", "https://", "certutil", "bitsadmin", "base64 -d", "base64 --decode"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="command"/> downloads or pipes code into an interpreter.</summary>
    public static bool Fetches(string command) => command.AsSpan().ContainsAny(Fetchers);
}
