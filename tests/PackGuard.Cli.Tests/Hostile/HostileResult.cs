using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// What one hostile run did and cost, with the checks every case must pass: it ended in time, with
/// exit code 0, 1 or 3 and no crash, under <see cref="MemoryLimit"/>, writing nothing outside its
/// cache, and its report or error message names the problem.
/// </summary>
/// <param name="Name">The case's name, for messages.</param>
/// <param name="ExitCode">The exit code; -1 when the run was killed at the time limit.</param>
/// <param name="StandardOutput">Standard output (the JSON report).</param>
/// <param name="StandardError">Standard error.</param>
/// <param name="Elapsed">Wall time of the child process.</param>
/// <param name="PeakResidentBytes">Highest VmHWM seen.</param>
/// <param name="TimedOut">Whether the run was killed at <see cref="HostileRun.TimeLimit"/>.</param>
/// <param name="NewFiles">Files that appeared in the case directory outside the cache and config directories.</param>
internal sealed record HostileResult(string Name, int ExitCode, string StandardOutput, string StandardError,
    TimeSpan Elapsed, long PeakResidentBytes, bool TimedOut, IReadOnlyList<string> NewFiles)
{
    /// <summary>Most resident memory a scan of a hostile artifact may use.</summary>
    public const long MemoryLimit = 1L << 30;

    private JsonNode? _report;

    /// <summary>The parsed JSON report; fails the test when standard output is not one.</summary>
    public JsonNode Report => _report ??= ParseReport();

    /// <summary>Every finding in the report.</summary>
    public IReadOnlyList<JsonNode> Findings => [.. Report["findings"]!.AsArray().Select(f => f!)];

    /// <summary>The distinct rule ids the report holds, in order of first appearance.</summary>
    public IReadOnlyList<string> RuleIds => [.. Findings.Select(f => f["ruleId"]!.GetValue<string>()).Distinct()];

    /// <summary>One line for the test log: the figures docs/hostile-input.md quotes.</summary>
    public string Summary()
    {
        var outcome = ExitCode == 3 ? FirstLine(StandardError)
            : StandardOutput.TrimStart().StartsWith('{') ? string.Join(", ", SafeRuleIds())
            : "(text report)";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name}: exit {ExitCode}, {Elapsed.TotalSeconds:0.00} s, peak RSS {PeakResidentBytes / (1024.0 * 1024):0} MiB; {outcome}");
    }

    /// <summary>
    /// The checks every case shares: finished in time, no crash, a contract exit code, bounded
    /// memory, and no file written outside the cache and config directories.
    /// </summary>
    public HostileResult ShouldEndWithinBounds()
    {
        TimedOut.ShouldBeFalse($"{Name}: still running after {HostileRun.TimeLimit.TotalSeconds} s; killed.\n{this}");
        StandardError.ShouldNotContain("Unhandled exception", customMessage: $"{Name}: the process crashed.\n{this}");
        StandardError.ShouldNotContain("This is a bug in PackGuard", customMessage: $"{Name}: an unexpected exception reached the command line.\n{this}");
        ExitCode.ShouldBeOneOf([0, 1, 3], $"{Name}: exit code {ExitCode} is not a verdict or 'unreadable'.\n{this}");
        PeakResidentBytes.ShouldBeGreaterThan(0, $"{Name}: no memory sample was taken");
        PeakResidentBytes.ShouldBeLessThan(MemoryLimit, $"{Name}: peak resident memory {PeakResidentBytes / (1024 * 1024)} MiB.\n{this}");
        NewFiles.ShouldBeEmpty($"{Name}: the scan wrote outside its cache");
        return this;
    }

    /// <summary>The scan produced a report (exit 0 or 1) with a finding of <paramref name="ruleId"/>.</summary>
    public JsonNode ShouldReport(string ruleId)
    {
        ShouldEndWithinBounds();
        ExitCode.ShouldBeOneOf([0, 1], $"{Name}: expected a report.\n{this}");
        return Findings.FirstOrDefault(f => f["ruleId"]!.GetValue<string>() == ruleId)
            ?? throw new ShouldAssertException($"{Name}: no {ruleId} finding.\n{this}");
    }

    /// <summary>The findings of <paramref name="ruleId"/>.</summary>
    public IReadOnlyList<JsonNode> FindingsOf(string ruleId) =>
        [.. Findings.Where(f => f["ruleId"]!.GetValue<string>() == ruleId)];

    /// <summary>The scan refused the artifact (exit 3) with a message that contains every phrase given.</summary>
    public void ShouldBeUnreadable(params string[] phrases)
    {
        ShouldEndWithinBounds();
        ExitCode.ShouldBe(3, $"{Name}: expected the artifact to be unreadable.\n{this}");
        StandardError.ShouldStartWith("packguard: ");
        foreach (var phrase in phrases)
            StandardError.ShouldContain(phrase, customMessage: $"{Name}: the message must say what is wrong");
    }

    public override string ToString() =>
        $"exit {ExitCode}, {Elapsed.TotalSeconds:0.00} s, peak {PeakResidentBytes / (1024 * 1024)} MiB\n--- stdout (first 4000 chars)\n{Clip(StandardOutput)}\n--- stderr\n{Clip(StandardError)}";

    private JsonNode ParseReport()
    {
        try
        {
            return JsonNode.Parse(StandardOutput) ?? throw new ShouldAssertException($"{Name}: empty report");
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"{Name}: standard output is not JSON ({e.Message}).\n{this}");
        }
    }

    private IEnumerable<string> SafeRuleIds()
    {
        try
        {
            return RuleIds;
        }
        catch (ShouldAssertException)
        {
            return ["(no report)"];
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string Clip(string text) => text.Length <= 4000 ? text : text[..4000] + "…";
}
