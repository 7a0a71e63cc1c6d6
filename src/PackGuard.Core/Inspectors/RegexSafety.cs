using System.Text.RegularExpressions;

namespace PackGuard.Inspectors;

/// <summary>
/// The one place PackGuard builds a <see cref="Regex"/> at run time. Every input PackGuard reads is
/// potentially made by an attacker, so every pattern runs on the NonBacktracking engine, whose
/// time is linear in the input: no pattern and no input can make it backtrack catastrophically.
/// The plain constructors and the static helpers are banned (<c>eng/BannedSymbols.txt</c>);
/// <c>[GeneratedRegex]</c> methods must say <see cref="RegexOptions.NonBacktracking"/> or give a
/// match timeout, which a test checks by reflection.
/// </summary>
public static class RegexSafety
{
    /// <summary>Options every run-time pattern gets, besides the caller's.</summary>
    public const RegexOptions Required = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Builds a linear-time regex for <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is malformed or uses a construct NonBacktracking lacks (lookarounds, backreferences, atomic groups).</exception>
    public static Regex Create(string pattern, RegexOptions options = RegexOptions.None) =>
        new(pattern, options | Required, Regex.InfiniteMatchTimeout);

    /// <summary>Whether <paramref name="regex"/> is safe on hostile input: linear-time, or bounded by a match timeout.</summary>
    public static bool IsSafe(Regex regex) =>
        regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout;
}
