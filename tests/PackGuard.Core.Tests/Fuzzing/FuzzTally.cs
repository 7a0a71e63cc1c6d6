using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PackGuard.Artifacts;

namespace PackGuard.Tests.Fuzzing;

/// <summary>Counts what a fuzz run tried and how it ended, and prints the summary.</summary>
public sealed partial class FuzzTally
{
    private readonly Dictionary<string, int[]> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byFormat = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, int FirstSeed)> _problems = new(StringComparer.Ordinal);
    private TimeSpan _slowest;
    private int _slowestSeed;

    /// <summary>Inputs judged so far.</summary>
    public int Inputs { get; private set; }

    /// <summary>Inputs that scanned to a result.</summary>
    public int Scanned { get; private set; }

    /// <summary>Inputs reported unreadable.</summary>
    public int Unreadable { get; private set; }

    /// <summary>Inputs that failed the oracle.</summary>
    public int Failed { get; private set; }

    /// <summary>Records one input's outcome.</summary>
    public void Add(FuzzInput input, FuzzOutcome outcome)
    {
        Inputs++;
        var counts = _byKind.TryGetValue(input.Kind, out var found) ? found : _byKind[input.Kind] = new int[3];
        counts[(int)outcome.Verdict]++;
        var format = input.IsDirectory ? "directory" : ContentSniffer.Detect(input.Bytes.AsSpan(0, Math.Min(input.Bytes.Length, ContentSniffer.HeadSize))).ToString().ToLowerInvariant();
        _byFormat[format] = _byFormat.GetValueOrDefault(format) + 1;
        switch (outcome.Verdict)
        {
            case FuzzVerdict.Scanned:
                Scanned++;
                break;
            case FuzzVerdict.Unreadable:
                Unreadable++;
                var problem = Numbers().Replace(outcome.Detail ?? "", "N");
                _problems[problem] = _problems.TryGetValue(problem, out var seen) ? (seen.Count + 1, seen.FirstSeed) : (1, input.Seed);
                break;
            default:
                Failed++;
                break;
        }
        if (outcome.Elapsed > _slowest)
            (_slowest, _slowestSeed) = (outcome.Elapsed, input.Seed);
    }

    /// <summary>The summary: inputs, rate, outcomes, per-format counts and the reasons artifacts were unreadable.</summary>
    public string Summary(TimeSpan elapsed, FuzzBudget budget)
    {
        var text = new StringBuilder();
        var rate = Inputs / Math.Max(elapsed.TotalSeconds, 0.001);
        text.AppendLine(CultureInfo.InvariantCulture, $"Fuzzed {Inputs} inputs (seeds {budget.FirstSeed} to {budget.SeedOf(Math.Max(0, Inputs - 1))}) in {elapsed.TotalSeconds:0.0} s: {rate:0.0} inputs/s.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Outcomes: {Scanned} scanned, {Unreadable} unreadable, {Failed} failures. Slowest input: seed {_slowestSeed}, {_slowest.TotalMilliseconds:0} ms.");
        text.AppendLine("Per seed format (scanned / unreadable / failed):");
        foreach (var (kind, counts) in _byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-13} {counts.Sum(),6}  ({counts[0]} / {counts[1]} / {counts[2]})");
        text.AppendLine("Per detected format after mutation: " + string.Join(", ", _byFormat.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value}")));
        text.AppendLine("Why artifacts were unreadable (most common first):");
        foreach (var (problem, (count, seed)) in _problems.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Take(60))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {count,6}  {problem} (first: seed {seed})");
        return text.ToString();
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
