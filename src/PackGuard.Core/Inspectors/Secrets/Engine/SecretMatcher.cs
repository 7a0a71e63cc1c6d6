using System.Runtime.InteropServices;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Finds credentials in one segment of text in anchored passes, each cheap where nothing is
/// found: long token runs (<see cref="TokenRuns"/>), whose values are looked up in the prefix table
/// and checked for signatures; one vectorised search for markers; and one for provider words,
/// after which the next values are checked against the provider's shape. A rule's pattern only
/// ever runs on a small window at an anchor. Base64 values worth decoding are handed back to the
/// caller.
/// </summary>
internal sealed class SecretMatcher(SecretEngine engine)
{
    private const int MaxJoinedSegments = 3;

    private readonly List<CompiledRule> _rules = [];
    private readonly List<(CompiledRule Rule, int Anchor, string Prefix)> _anchors = [];
    private readonly List<(int Start, int Length)> _runs = [];
    private readonly HashSet<(int Rule, int Position)> _seen = [];
    private readonly Unescape _unescape = new();
    private readonly List<int> _escapes = [];
    private bool _escapesFound;
    private readonly int[] _ruleStarts = new int[engine.Rules.Count + 1];
    private (CompiledRule Rule, int Anchor, string Prefix)[] _sorted = [];

    /// <summary>
    /// Scans <paramref name="text"/>; only anchors before <paramref name="acceptBefore"/> are
    /// considered (the rest is overlap the next segment will see again).
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, int acceptBefore, List<RawMatch> matches, List<(int Start, int Length)> blobs)
    {
        _seen.Clear();
        _runs.Clear();
        _anchors.Clear();
        _escapes.Clear();
        _escapesFound = false;
        TokenRuns.Find(text, _runs);
        var lastValueEnd = -1;
        foreach (var (start, length) in _runs)
        {
            if (start >= acceptBefore)
                break;
            // Runs joined by '+' or '/' belong to one value: look at each value once (and do not
            // expand a long value again for every run inside it, which would be quadratic).
            if (start < lastValueEnd)
                continue;
            var (valueStart, valueEnd) = ValueToken(text, start, start + length);
            lastValueEnd = valueEnd;
            OnValue(text, valueStart, valueEnd, matches, blobs);
        }
        ScanMarkers(text, acceptBefore, matches);
        RunAnchoredRules(text, matches);
    }

    private void OnValue(ReadOnlySpan<char> text, int valueStart, int valueEnd, List<RawMatch> matches, List<(int Start, int Length)> blobs)
    {
        // The value's start, then the starts of up to three short segments joined to it by '.' or
        // '$' (SG.xxx.yyy, dp.pt.xxx, access_token$production$...).
        var subStart = valueStart;
        for (var hop = 0; ; hop++)
        {
            TryPrefixes(text, subStart, matches);
            if (hop == MaxJoinedSegments || subStart == 0 || text[subStart - 1] is not ('.' or '$'))
                break;
            var segment = subStart - 1;
            while (segment > 0 && TokenRuns.IsTokenChar(text[segment - 1]))
                segment--;
            if (segment == subStart - 1)
                break;
            subStart = segment;
        }

        // A token right after slashes (https://ghp_…@github.com, a path segment): try the first few.
        var afterSlash = valueStart;
        for (var slashes = 0; slashes < 4; slashes++)
        {
            var slash = text[afterSlash..valueEnd].IndexOf('/');
            if (slash < 0)
                break;
            afterSlash += slash;
            while (afterSlash < valueEnd && text[afterSlash] == '/')
                afterSlash++;
            if (afterSlash < valueEnd)
                TryPrefixes(text, afterSlash, matches);
        }

        if (engine.ContextWords is { } words)
            TryContextWords(text, valueStart, valueEnd, words, matches);

        if (engine.Signatures is { } signatures && valueEnd - valueStart >= TokenRuns.MinimumLength * 2)
            TrySignatures(text, valueStart, valueEnd, signatures, matches);

        if (Base64Blob.IsCandidate(text[valueStart..valueEnd]))
            blobs.Add((valueStart, valueEnd - valueStart));
    }

    private void TryPrefixes(ReadOnlySpan<char> text, int at, List<RawMatch> matches)
    {
        if (engine.PrefixesAt(text[at..]) is not { } candidates)
            return;
        foreach (var (prefix, rule) in candidates)
        {
            if (text[at..].StartsWith(prefix, StringComparison.Ordinal))
                _anchors.Add((rule, at, prefix));
        }
    }

    private void ScanMarkers(ReadOnlySpan<char> text, int acceptBefore, List<RawMatch> matches)
    {
        if (engine.Markers is { } markers)
        {
            for (var position = 0; position < acceptBefore;)
            {
                var hit = text[position..acceptBefore].IndexOfAny(markers);
                if (hit < 0)
                    break;
                OnMarker(text, position + hit, matches);
                position += hit + 1;
            }
        }
        foreach (var marker in engine.ShortMarkers)
        {
            for (var position = 0; position < acceptBefore;)
            {
                var hit = text[position..acceptBefore].IndexOfAny(marker);
                if (hit < 0)
                    break;
                OnMarker(text, position + hit, matches);
                position += hit + 1;
            }
        }
    }

    private void OnMarker(ReadOnlySpan<char> text, int at, List<RawMatch> matches)
    {
        _rules.Clear();
        engine.MarkerRulesAt(text[at..], _rules);
        foreach (var rule in _rules)
        {
            if (rule.Rule.Guard != SecretGuard.QuotedAssignment || QuotedAssignmentFollows(text, at))
                _anchors.Add((rule, at, ""));
        }
    }

    /// <summary>
    /// Bare tokens of a provider's shape count when a provider word stands shortly before them on
    /// the same line. Every such secret mixes digits and letters, so only those values look back
    /// for provider words: identifiers, which are most long values in code, cost nothing, and the
    /// cost does not grow with the number of provider words the way one search over the whole
    /// text does (measured: 60 words, 46 ms on a 13 MB bundle).
    /// </summary>
    private void TryContextWords(ReadOnlySpan<char> text, int valueStart, int valueEnd, System.Buffers.SearchValues<string> words, List<RawMatch> matches)
    {
        var value = text[valueStart..valueEnd];
        if (value.IndexOfAnyInRange('0', '9') < 0 || !value.ContainsAnyExceptInRange('0', '9'))
            return;
        var window = text[LineBoundedStart(text, valueStart, SecretEngine.ContextDistance)..valueStart];
        _rules.Clear();
        for (var offset = 0; offset < window.Length;)
        {
            var hit = window[offset..].IndexOfAny(words);
            if (hit < 0)
                break;
            engine.ContextRulesAt(window[(offset + hit)..], _rules);
            offset += hit + 1;
        }
        if (_rules.Count > 0)
            TryWholeToken(text, valueStart, valueEnd, matches);
    }

    /// <summary>Tokens that carry a fixed signature inside them; the whole token must match the rule.</summary>
    private void TrySignatures(ReadOnlySpan<char> text, int valueStart, int valueEnd, System.Buffers.SearchValues<string> signatures, List<RawMatch> matches)
    {
        var value = text[valueStart..valueEnd];
        _rules.Clear();
        for (var offset = 0; offset < value.Length;)
        {
            var hit = value[offset..].IndexOfAny(signatures);
            if (hit < 0)
                break;
            engine.SignatureRulesAt(value[(offset + hit)..], _rules);
            offset += hit + 1;
        }
        if (_rules.Count > 0)
            TryWholeToken(text, valueStart, valueEnd, matches);
    }

    /// <summary>Runs the rules gathered in _rules against the whole value token.</summary>
    private void TryWholeToken(ReadOnlySpan<char> text, int valueStart, int valueEnd, List<RawMatch> matches)
    {
        string? token = null;
        foreach (var rule in _rules)
        {
            token ??= text[valueStart..valueEnd].ToString();
            var match = rule.Regex.Match(token);
            if (!match.Success || match.Index != 0 || match.Length != token.Length)
                continue;
            Accept(rule, valueStart, token, "", "plain", matches);
        }
    }

    /// <summary>
    /// Runs each rule's pattern on the windows around its anchors. Overlapping windows of one
    /// rule are merged and scanned once: a file that repeats an anchor thousands of times
    /// (<c>sig=sig=sig=…</c>) would otherwise cost anchors × window length, and with it the
    /// matcher's time stays linear in the text for every rule. A pattern that starts at its
    /// window (<see cref="CompiledRule.StartsAtWindow"/>) runs on each anchor's own window
    /// instead; it stops where its match stops, so repeated anchors cost what they match.
    /// </summary>
    private void RunAnchoredRules(ReadOnlySpan<char> text, List<RawMatch> matches)
    {
        SortAnchors();
        var first = 0;
        while (first < _anchors.Count)
        {
            var rule = _anchors[first].Rule;
            if (rule.StartsAtWindow)
            {
                var (anchor, prefix) = (_anchors[first].Anchor, _anchors[first].Prefix);
                ScanWindow(text, rule, anchor, prefix, matches);
                first++;
                continue;
            }
            var regionStart = Math.Max(0, _anchors[first].Anchor - rule.Rule.LookBehind);
            var regionEnd = Math.Min(text.Length, _anchors[first].Anchor + rule.Rule.MaxLength);
            var last = first + 1;
            while (last < _anchors.Count && _anchors[last].Rule == rule && _anchors[last].Anchor - rule.Rule.LookBehind <= regionEnd)
            {
                regionEnd = Math.Min(text.Length, Math.Max(regionEnd, _anchors[last].Anchor + rule.Rule.MaxLength));
                last++;
            }
            ScanRegion(text, rule, regionStart, regionEnd, first, last, matches);
            first = last;
        }
    }

    /// <summary>One pattern over one merged region; a match counts when it covers one of the region's anchors and stays within that anchor's window.</summary>
    private void ScanRegion(ReadOnlySpan<char> text, CompiledRule rule, int regionStart, int regionEnd, int firstAnchor, int endAnchor, List<RawMatch> matches)
    {
        var region = text[regionStart..regionEnd];
        var found = false;
        foreach (var match in rule.Regex.EnumerateMatches(region))
        {
            var start = regionStart + match.Index;
            var end = start + match.Length;
            if (AnchorCovered(rule, start, end, firstAnchor, endAnchor) is not { } anchor)
                continue; // not at an anchor of this rule: not this rule's business
            found = true;
            var matched = region.Slice(match.Index, match.Length).ToString();
            var (secret, offset) = SecretOf(rule, matched);
            if (secret is not null && ContextHolds(text, rule, start))
                Accept(rule, start + offset, secret, VisiblePrefix(secret, _anchors[anchor].Prefix), "plain", matches);
        }
        if (!found && EscapeNearAnAnchor(text, rule, firstAnchor, endAnchor))
            TryEncoded(rule, region, regionStart, _anchors[firstAnchor].Prefix, matches);
    }

    /// <summary>
    /// Orders the anchors by rule, then by position. A counting sort by rule keeps each rule's
    /// anchors in the order they were found, which is almost always by position already; only a
    /// rule whose anchors came out of order is sorted. A comparison sort of every anchor took half
    /// the time on a file of a million repeated anchors.
    /// </summary>
    private void SortAnchors()
    {
        var anchors = CollectionsMarshal.AsSpan(_anchors);
        if (anchors.Length < 2)
            return;
        Array.Clear(_ruleStarts);
        foreach (ref readonly var anchor in anchors)
            _ruleStarts[anchor.Rule.Index + 1]++;
        for (var i = 1; i < _ruleStarts.Length; i++)
            _ruleStarts[i] += _ruleStarts[i - 1];
        if (_sorted.Length < anchors.Length)
            _sorted = new (CompiledRule, int, string)[Math.Max(anchors.Length, _sorted.Length * 2)];
        foreach (ref readonly var anchor in anchors)
            _sorted[_ruleStarts[anchor.Rule.Index]++] = anchor;
        _sorted.AsSpan(0, anchors.Length).CopyTo(anchors);

        for (var first = 0; first < anchors.Length;)
        {
            var last = first + 1;
            var ordered = true;
            while (last < anchors.Length && anchors[last].Rule == anchors[first].Rule)
            {
                ordered &= anchors[last].Anchor >= anchors[last - 1].Anchor;
                last++;
            }
            if (!ordered)
                anchors[first..last].Sort(static (a, b) => a.Anchor.CompareTo(b.Anchor));
            first = last;
        }
    }

    /// <summary>A window-anchored pattern on one anchor's window: at most one match, from the window's start.</summary>
    private void ScanWindow(ReadOnlySpan<char> text, CompiledRule rule, int anchor, string prefix, List<RawMatch> matches)
    {
        var windowStart = Math.Max(0, anchor - rule.Rule.LookBehind);
        var window = text[windowStart..Math.Min(text.Length, anchor + rule.Rule.MaxLength)];
        foreach (var match in rule.Regex.EnumerateMatches(window))
        {
            var matched = window.Slice(match.Index, match.Length).ToString();
            var (secret, offset) = SecretOf(rule, matched);
            if (secret is not null && ContextHolds(text, rule, windowStart + match.Index))
                Accept(rule, windowStart + match.Index + offset, secret, VisiblePrefix(secret, prefix), "plain", matches);
            return;
        }
        if (EscapeNearAnAnchor(text, rule, anchor))
            TryEncoded(rule, window, windowStart, prefix, matches, onlyFirst: true);
    }

    /// <summary>Whether an escape stands near any of the anchors [first, end) of a merged region.</summary>
    private bool EscapeNearAnAnchor(ReadOnlySpan<char> text, CompiledRule rule, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (EscapeNearAnAnchor(text, rule, _anchors[i].Anchor))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether decoding could change a match at this anchor: an escape in the look-behind or within
    /// <see cref="EscapeReach"/> characters after the anchor (an encoded marker such as
    /// <c>%3A%2F%2F</c> or <c>:\/\/</c>, the <c>\n</c> after a key's BEGIN line, an escaped quote
    /// after <c>password=</c>). Escapes further on, such as the line breaks of a JSON-encoded
    /// source file, are passed over: decoding for each of them cost a quarter of the scan time
    /// of a 60 MB map.
    /// </summary>
    private bool EscapeNearAnAnchor(ReadOnlySpan<char> text, CompiledRule rule, int anchor) =>
        HasEscape(text, Math.Max(0, anchor - rule.Rule.LookBehind), Math.Min(text.Length, anchor + EscapeReach));

    /// <summary>How far after an anchor an escape makes the anchor's window worth decoding.</summary>
    private const int EscapeReach = 48;

    /// <summary>
    /// Whether text[start..end) holds an escape (<c>%</c> or <c>\</c>). The escapes of the
    /// segment are found once, so that many overlapping windows do not each search again.
    /// </summary>
    private bool HasEscape(ReadOnlySpan<char> text, int start, int end)
    {
        if (!_escapesFound)
        {
            _escapesFound = true;
            for (var at = 0; ;)
            {
                var hit = text[at..].IndexOfAny('%', '\\');
                if (hit < 0)
                    break;
                _escapes.Add(at + hit);
                at += hit + 1;
            }
        }
        var index = _escapes.BinarySearch(start);
        if (index < 0)
            index = ~index;
        return index < _escapes.Count && _escapes[index] < end;
    }

    /// <summary>The index of an anchor that the match [start, end) covers within its window, if any.</summary>
    private int? AnchorCovered(CompiledRule rule, int start, int end, int firstAnchor, int endAnchor)
    {
        // First anchor at or after start (anchors of one rule are sorted).
        int low = firstAnchor, high = endAnchor;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_anchors[middle].Anchor < start)
                low = middle + 1;
            else
                high = middle;
        }
        for (var i = low; i < endAnchor && _anchors[i].Anchor < end; i++)
        {
            var anchor = _anchors[i].Anchor;
            if (start >= anchor - rule.Rule.LookBehind && end <= anchor + rule.Rule.MaxLength)
                return i;
        }
        return null;
    }

    /// <summary>
    /// The same pattern on the decoded window (or region); each match is placed where its secret
    /// starts in the encoded text. A window-anchored pattern matches once, from the start.
    /// </summary>
    private void TryEncoded(CompiledRule rule, ReadOnlySpan<char> window, int windowStart, string prefix, List<RawMatch> matches, bool onlyFirst = false)
    {
        var encoding = _unescape.Decode(window);
        if (encoding == "plain")
            return;
        var decoded = _unescape.Text;
        foreach (var match in rule.Regex.EnumerateMatches(decoded))
        {
            var (secret, offset) = SecretOf(rule, decoded.Slice(match.Index, match.Length).ToString());
            if (secret is not null)
                Accept(rule, windowStart + _unescape.OriginOf(match.Index + offset), secret, VisiblePrefix(secret, prefix), encoding, matches);
            if (onlyFirst)
                return;
        }
    }

    private void Accept(CompiledRule rule, int position, string secret, string visiblePrefix, string encoding, List<RawMatch> matches)
    {
        if (!_seen.Add((rule.Index, position)))
            return;
        if (rule.Rule.MinEntropy > 0 && Entropy.Of(secret.AsSpan(visiblePrefix.Length)) < rule.Rule.MinEntropy)
            return;
        var validation = rule.Rule.Validator?.Validate(secret) ?? Validators.Validation.NotChecked;
        // A checksum that holds beats any heuristic: real keys may have runs of one character.
        if (validation.Outcome != Validators.ValidationOutcome.Valid &&
            Placeholders.IsPlaceholder(secret[visiblePrefix.Length..]) && !Placeholders.IsDocumentedExample(secret))
            return;
        if (rule.Rule.DiscardInvalid && validation.Outcome == Validators.ValidationOutcome.Invalid)
            return;
        matches.Add(new RawMatch(rule, position, secret, visiblePrefix, encoding, validation));
    }

    /// <summary>Within 40 characters: <c>:</c> or <c>=</c>, optional blanks, then a quote.</summary>
    private static bool QuotedAssignmentFollows(ReadOnlySpan<char> text, int at)
    {
        var end = Math.Min(text.Length, at + 40);
        for (var i = at; i < end; i++)
        {
            if (text[i] is not (':' or '='))
                continue;
            var j = i + 1;
            while (j < end && text[j] is ' ' or '\t' or '=' or '>')
                j++;
            if (j < end && text[j] is '"' or '\'' or '`')
                return true;
        }
        return false;
    }

    private static (string? Secret, int Offset) SecretOf(CompiledRule rule, string matched)
    {
        if (!rule.HasSecretGroup)
            return (matched, 0);
        var group = rule.Regex.Match(matched).Groups["secret"];
        return group.Success && group.Length > 0 ? (group.Value, group.Index) : (null, 0);
    }

    private static bool ContextHolds(ReadOnlySpan<char> text, CompiledRule rule, int secretStart)
    {
        if (rule.ContextWords.Length == 0 || rule.Rule.Anchor == AnchorKind.Context)
            return true;
        var window = text[LineBoundedStart(text, secretStart, SecretEngine.ContextDistance)..Math.Min(text.Length, secretStart + 1)];
        foreach (var word in rule.ContextWords)
        {
            if (window.Contains(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static string VisiblePrefix(string secret, string prefix) =>
        prefix.Length > 0 && secret.StartsWith(prefix, StringComparison.Ordinal) ? prefix : "";

    private static readonly System.Buffers.SearchValues<char> ValueChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/");

    /// <summary>The value a token run belongs to: base64 characters around it, then any padding.</summary>
    private static (int Start, int End) ValueToken(ReadOnlySpan<char> text, int start, int end)
    {
        start = text[..start].LastIndexOfAnyExcept(ValueChars) + 1;
        var after = text[end..].IndexOfAnyExcept(ValueChars);
        end = after < 0 ? text.Length : end + after;
        while (end < text.Length && text[end] == '=')
            end++;
        return (start, end);
    }

    private static int LineBoundedStart(ReadOnlySpan<char> text, int position, int distance)
    {
        var start = Math.Max(0, position - distance);
        var newline = text[start..position].LastIndexOf('\n');
        return newline < 0 ? start : start + newline + 1;
    }
}
