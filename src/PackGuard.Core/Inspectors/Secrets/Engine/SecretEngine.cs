using System.Buffers;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// The compiled rule set: a table of token prefixes by their first two characters, one
/// vectorised search over all markers, and one over all context words. Built once per scan and
/// shared by every entry; immutable and thread-safe.
/// </summary>
internal sealed class SecretEngine
{
    /// <summary>How far before a secret a context word may stand.</summary>
    public const int ContextDistance = 80;

    /// <summary>More markers than this and the shared search leaves its vectorised path.</summary>
    public const int MaxMarkers = 32;

    private readonly List<(string Prefix, CompiledRule Rule)>?[] _prefixes = new List<(string, CompiledRule)>?[128 * 128];
    private readonly (string Marker, CompiledRule[] Rules)[] _markerRules;
    private readonly (string Marker, CompiledRule[] Rules)[]?[] _markersByFirst = new (string, CompiledRule[])[]?[128];
    private readonly (string Word, CompiledRule[] Rules)[] _contextRules;
    private readonly (string Signature, CompiledRule[] Rules)[] _signatureRules;

    private SecretEngine(IReadOnlyList<SecretRule> rules)
    {
        if (rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"two rules share the id {duplicate.Key}");
        Rules = [.. rules.Select((r, i) => new CompiledRule(r, i))];
        foreach (var rule in Rules)
        {
            foreach (var prefix in rule.Rule.Prefixes)
            {
                if (prefix.Length < 2 || prefix[0] >= 128 || prefix[1] >= 128)
                    throw new ArgumentException($"{rule.Rule.Id}: prefixes must be at least two ASCII characters ({prefix})");
                ref var slot = ref _prefixes[(prefix[0] * 128) + prefix[1]];
                slot ??= [];
                slot.Add((prefix, rule));
            }
        }
        foreach (var slot in _prefixes)
            slot?.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));

        _markerRules = [.. Rules.Where(r => r.Rule.Anchor == AnchorKind.Marker)
            .SelectMany(r => r.Rule.Markers.SelectMany(EncodedVariants).Select(m => (Marker: m, Rule: r)))
            .GroupBy(x => x.Marker, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Rule).Distinct().ToArray()))];
        foreach (var group in _markerRules.GroupBy(m => m.Marker[0] < 128 ? m.Marker[0] : 0))
            _markersByFirst[group.Key] = [.. group];
        if (_markerRules.Length > MaxMarkers)
            throw new ArgumentException($"{_markerRules.Length} markers; at most {MaxMarkers} keep the marker search vectorised");
        // Short markers (://) make the shared search fall off its fast path (measured: 6.5 GB/s to
        // 0.5 GB/s on a real bundle), while alone they are a vectorised IndexOf: keep them apart.
        // The order of the values decides how the search buckets them, and that swings its speed
        // tenfold (1.9 ms to 24 ms for the same ten markers on a 13 MB bundle); shortest first was
        // consistently fast on bundles and maps.
        var longMarkers = _markerRules.Select(m => m.Marker).Where(m => m.Length >= SharedMarkerLength)
            .OrderBy(m => m.Length).ThenBy(m => m, StringComparer.Ordinal).ToArray();
        Markers = longMarkers.Length > 0 ? SearchValues.Create(longMarkers, StringComparison.OrdinalIgnoreCase) : null;
        ShortMarkers = [.. _markerRules.Select(m => m.Marker).Where(m => m.Length < SharedMarkerLength)
            .Select(m => SearchValues.Create([m], StringComparison.OrdinalIgnoreCase))];

        _contextRules = [.. Rules.Where(r => r.Rule.Anchor == AnchorKind.Context)
            .SelectMany(r => r.ContextWords.Select(w => (Word: w, Rule: r)))
            .GroupBy(x => x.Word, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Rule).Distinct().ToArray()))];
        ContextWords = _contextRules.Length > 0 ? SearchValues.Create([.. _contextRules.Select(c => c.Word)], StringComparison.OrdinalIgnoreCase) : null;

        _signatureRules = [.. Rules.Where(r => r.Rule.Anchor == AnchorKind.Signature)
            .SelectMany(r => r.Rule.Signatures.Select(sig => (Signature: sig, Rule: r)))
            .GroupBy(x => x.Signature, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Rule).Distinct().ToArray()))];
        Signatures = _signatureRules.Length > 0 ? SearchValues.Create([.. _signatureRules.Select(s => s.Signature)], StringComparison.Ordinal) : null;
    }

    /// <summary>Signatures of signature-anchored rules, or null.</summary>
    public SearchValues<string>? Signatures { get; }

    /// <summary>Signature rules for a signature at the start of <paramref name="text"/>, appended to <paramref name="output"/>.</summary>
    public void SignatureRulesAt(ReadOnlySpan<char> text, List<CompiledRule> output)
    {
        foreach (var (signature, rules) in _signatureRules)
        {
            if (text.StartsWith(signature, StringComparison.Ordinal))
                output.AddRange(rules);
        }
    }

    /// <summary>
    /// A marker as written, and as it reads once percent-encoded (<c>%3a%2f%2f</c>) or escaped
    /// in a JSON string (<c>:\/\/</c>): URLs carry credentials in both forms. The matcher decodes
    /// the window before the pattern runs.
    /// </summary>
    internal static IEnumerable<string> EncodedVariants(string marker)
    {
        var lower = marker.ToLowerInvariant();
        yield return lower;
        if (lower.IndexOfAny([':', '/']) < 0)
            yield break;
        yield return lower.Replace(":", "%3a", StringComparison.Ordinal).Replace("/", "%2f", StringComparison.Ordinal);
        if (lower.Contains('/'))
            yield return lower.Replace("/", "\\/", StringComparison.Ordinal);
    }

    /// <summary>Prepares <paramref name="rules"/>; each pattern is compiled when first needed.</summary>
    /// <exception cref="ArgumentException">A rule's prefixes or anchors are malformed (a malformed pattern throws on first use; the catalog tests compile every one).</exception>
    public static SecretEngine Create(IReadOnlyList<SecretRule> rules) => new(rules);

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Markers shorter than this are searched for one by one.</summary>
    public const int SharedMarkerLength = 4;

    /// <summary>Markers of at least <see cref="SharedMarkerLength"/> characters, lower-case, in one search; null when there are none.</summary>
    public SearchValues<string>? Markers { get; }

    /// <summary>Shorter markers, each searched on its own.</summary>
    public IReadOnlyList<SearchValues<string>> ShortMarkers { get; }

    /// <summary>Words of context-anchored rules, or null.</summary>
    public SearchValues<string>? ContextWords { get; }

    /// <summary>Prefix rules whose prefix could start at <paramref name="text"/>[0] (longest first).</summary>
    public List<(string Prefix, CompiledRule Rule)>? PrefixesAt(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] < 128 && text[1] < 128 ? _prefixes[(text[0] * 128) + text[1]] : null;

    /// <summary>Marker rules matching at the start of <paramref name="text"/>, appended to <paramref name="output"/>.</summary>
    public void MarkerRulesAt(ReadOnlySpan<char> text, List<CompiledRule> output)
    {
        var first = char.ToLowerInvariant(text[0]);
        if (first >= 128 || _markersByFirst[first] is not { } candidates)
            return;
        foreach (var (marker, rules) in candidates)
        {
            if (text.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
                output.AddRange(rules);
        }
    }

    /// <summary>Context rules for a context word at the start of <paramref name="text"/>, appended to <paramref name="output"/>.</summary>
    public void ContextRulesAt(ReadOnlySpan<char> text, List<CompiledRule> output)
    {
        foreach (var (word, rules) in _contextRules)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                output.AddRange(rules);
        }
    }
}
