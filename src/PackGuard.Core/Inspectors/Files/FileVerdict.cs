using System.Text.Json.Nodes;
using PackGuard.Findings;

namespace PackGuard.Inspectors.Files;

/// <summary>The judgement on one file: how bad, why, and the facts behind it.</summary>
/// <param name="Severity">The severity before context (test folders) lowers it.</param>
/// <param name="Reason">Why, as a clause after the file's path: "is an npm configuration (.npmrc) ... and holds _authToken".</param>
/// <param name="Credentials">Names of the credentials it holds (keys, never values); empty for none.</param>
/// <param name="Details">Further properties for the report (remotes, key names, row counts).</param>
internal sealed record FileVerdict(Severity Severity, string Reason, IReadOnlyList<string> Credentials, JsonObject? Details = null)
{
    /// <summary>The candidate's own verdict, for files judged by name alone.</summary>
    public static FileVerdict Of(FileCandidate candidate) => new(candidate.Severity, candidate.Reason, []);
}
