using System.Text;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Token-aware JSON mutations for source maps and manifests: values of known keys replaced by the
/// wrong type, deep nesting, huge numbers and strings, broken <c>\u</c> escapes and lone
/// surrogates, invalid UTF-8, invalid VLQ mappings, duplicate keys, index maps nested past the
/// reader's depth, truncation at a token, and prefixes (BOM, XSSI guard) or trailing garbage.
/// The scanner tolerates JSON it cannot parse; none of this may make it throw.
/// </summary>
public static class JsonMutations
{
    private static readonly string[] Keys =
    [
        "sources", "sourcesContent", "sections", "mappings", "version", "names", "file", "sourceRoot", "map", "url",
        "offset", "line", "column", "ignoreList", "x_google_ignoreList", "debugId",
        "name", "license", "licenses", "repository", "private", "files", "scripts", "bin", "dependencies", "type", "main",
    ];

    private static readonly byte[][] BrokenEscapes =
    [
        "\\u"u8.ToArray(), "\\uD800"u8.ToArray(), "\\uDC00"u8.ToArray(), "\\uD800\\u0041"u8.ToArray(), "\\uDBFF\\uDFFF"u8.ToArray(),
        "\\uDC00\\uD800"u8.ToArray(), "\\u12"u8.ToArray(), "\\uZZZZ"u8.ToArray(), "\\x41"u8.ToArray(), "\\"u8.ToArray(), "\\0"u8.ToArray(),
        "\\u0000"u8.ToArray(), [0x01], [0x0A], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], "\\\""u8.ToArray(), "\""u8.ToArray(),
    ];

    /// <summary>Applies one JSON mutation to <paramref name="json"/>.</summary>
    public static byte[] Mutate(byte[] json, FuzzRandom random, out string description)
    {
        var strings = StringSpans(json);
        var keys = strings.Where(s => IsKey(json, s.End)).ToList();
        switch (random.Next(14))
        {
            case < 3 when keys.Count > 0:
            {
                var preferred = keys.Where(k => Keys.Contains(Text(json, k))).ToList();
                var key = random.Pick(preferred.Count > 0 && random.Chance(85) ? preferred : keys);
                var valueStart = SkipSpace(json, Array.IndexOf(json, (byte)':', key.End) + 1);
                var valueEnd = ValueEnd(json, valueStart);
                var value = Hostile(random, out var what);
                description = $"json:{Text(json, key)}={what}";
                return Replace(json, valueStart, valueEnd, value);
            }
            case 3:
            {
                var arrays = Structural(json, (byte)'[');
                var at = arrays.Count > 0 ? random.Pick(arrays) + 1 : 0;
                var value = Hostile(random, out var what);
                description = $"json:insert-element@{at}={what}";
                return Replace(json, at, at, [.. value, .. (arrays.Count > 0 && json.AsSpan(SkipSpace(json, at)).StartsWith("]"u8) ? ""u8 : ","u8)]);
            }
            case 4 when strings.Count > 0:
            {
                var target = random.Pick(strings);
                var at = random.Next(target.Start + 1, target.End);
                var escape = random.Pick(BrokenEscapes);
                description = $"json:escape@{at}={Printable(escape)}";
                return Replace(json, at, at, escape);
            }
            case 5 when keys.Count > 0:
            {
                var key = random.Pick(keys);
                var valueEnd = ValueEnd(json, SkipSpace(json, Array.IndexOf(json, (byte)':', key.End) + 1));
                var pair = json.AsSpan(key.Start, valueEnd - key.Start).ToArray();
                description = $"json:duplicate-key {Text(json, key)}";
                return Replace(json, valueEnd, valueEnd, [.. ","u8, .. pair]);
            }
            case 6:
            {
                var boundaries = Structural(json, 0);
                var at = boundaries.Count > 0 ? random.Pick(boundaries) + random.Next(0, 2) : random.Next(json.Length);
                at = Math.Min(at, json.Length);
                description = $"json:truncate@{at}";
                return json[..at];
            }
            case 7:
            {
                var (prefix, suffix, what) = random.Next(7) switch
                {
                    0 => ("\uFEFF", "", "bom"),
                    1 => (")]}'\n", "", "xssi"),
                    2 => (")]}", "", "xssi-no-newline"),
                    3 => (new string(' ', 20_000), "", "leading-space"),
                    4 => ("", "garbage", "trailing-garbage"),
                    5 => ("", "{}", "second-value"),
                    _ => ("\uFEFF)]}'\r\n", "\n\0", "bom-xssi"),
                };
                description = $"json:{what}";
                return [.. Encoding.UTF8.GetBytes(prefix), .. json, .. Encoding.UTF8.GetBytes(suffix)];
            }
            case 8:
            {
                var levels = random.Pick([1, 2, 31, 32, 33, 40, 200]);
                var before = "{\"version\":3,\"sections\":[{\"offset\":{\"line\":0,\"column\":0},\"map\":";
                description = $"json:index-map-nesting({levels})";
                return [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(before, levels))), .. json, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("}]}", levels)))];
            }
            case 9:
            {
                var count = random.Pick([1000, 20_000, 200_000]);
                var sources = "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"src/f{i}.ts\"")) + "]";
                var contents = "[" + string.Join(",", Enumerable.Range(0, count / (random.Chance(50) ? 1 : 2)).Select(i => $"\"x{i}\\n\"")) + "]";
                description = $"json:many-sources({count})";
                return Encoding.UTF8.GetBytes($"{{\"version\":3,\"sources\":{sources},\"sourcesContent\":{contents},\"mappings\":\"AAAA\"}}");
            }
            case 10:
            {
                var depth = random.Pick([64, 1000, 100_000, 1_000_000]);
                var open = random.Chance(50) ? "[" : "{\"a\":";
                var close = open == "[" ? "]" : "}";
                var closed = random.Chance(70);
                var at = keys.Count > 0 ? SkipSpace(json, Array.IndexOf(json, (byte)':', random.Pick(keys).End) + 1) : 0;
                var end = ValueEnd(json, at);
                description = $"json:nesting({depth}{open}{(closed ? "" : ", unclosed")})@{at}";
                var nested = new StringBuilder(depth * (open.Length + close.Length) + 1);
                nested.Insert(0, open, depth).Append('1');
                if (closed)
                    nested.Insert(nested.Length, close, depth);
                return Replace(json, at, end, Encoding.UTF8.GetBytes(nested.ToString()));
            }
            case 11:
            {
                var numbers = NumberSpans(json);
                if (numbers.Count == 0)
                    goto default;
                var (start, end) = random.Pick(numbers);
                var text = random.Pick(["1e309", "-1e-400", "123456789012345678901234567890", "4294967296", "-2147483649", "3.0", "-0", "1E+2", "9007199254740993"]);
                description = $"json:number@{start}={text}";
                return Replace(json, start, end, Encoding.ASCII.GetBytes(text));
            }
            case 12:
            {
                var mappings = keys.Where(k => Text(json, k) == "mappings").ToList();
                if (mappings.Count == 0)
                    goto default;
                var key = random.Pick(mappings);
                var valueStart = SkipSpace(json, Array.IndexOf(json, (byte)':', key.End) + 1);
                var vlq = random.Pick(["\"" + new string('g', 5000) + "\"", "\"!!!,;;\"", "\"" + string.Concat(Enumerable.Repeat("AAAA,", 50_000)) + "\"", "\"/////////////////w\"", "\";;;;;;;;\"", "\"\u00e9\u00e9\""]);
                description = $"json:mappings=vlq({vlq.Length})";
                return Replace(json, valueStart, ValueEnd(json, valueStart), Encoding.UTF8.GetBytes(vlq));
            }
            default:
            {
                description = "json:bytes ";
                var result = ByteMutations.Mutate(json, random, () => json, out var inner);
                description += inner;
                return result;
            }
        }
    }

    /// <summary>A value of the wrong type, size or encoding for wherever it lands.</summary>
    private static byte[] Hostile(FuzzRandom random, out string what)
    {
        switch (random.Next(12))
        {
            case 0:
                what = random.Pick(["null", "true", "false", "0", "-1", "1e309", "-1e-400", "123456789012345678901234567890", "1.", "01", "-", "+1", "NaN", "Infinity", "tru", "nul"]);
                return Encoding.ASCII.GetBytes(what);
            case 1:
                what = random.Pick(["\"x\"", "\"\"", "{}", "[]", "[null,1,{},[],true]", "{\"a\":\"b\"}", "[\"a\",null,3]", "[[\"nested\"]]", "{\"sources\":[\"a\"]}", "[{\"offset\":{\"line\":\"x\"},\"map\":null}]", "[{\"map\":[]}]", "[{}]"]);
                return Encoding.UTF8.GetBytes(what);
            case 2:
            {
                var depth = random.Pick([100, 10_000, 500_000]);
                what = $"deep-array({depth})";
                return Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', random.Chance(80) ? depth : depth / 2));
            }
            case 3:
            {
                var length = random.Pick([2049, 8193, 1 << 20]);
                what = $"long-string({length})";
                return Encoding.ASCII.GetBytes("\"" + new string('x', length) + "\"");
            }
            case 4:
            {
                var count = random.Pick([1000, 50_000]);
                var unit = random.Pick(["\\n", "\\u0041", "\\uD83D\\uDE00", "\\\\", "\\/"]);
                what = $"escapes({unit}x{count})";
                return Encoding.ASCII.GetBytes("\"" + string.Concat(Enumerable.Repeat(unit, count)) + "\"");
            }
            case 5:
            {
                var count = random.Pick([100, 20_000]);
                what = $"string-array({count})";
                return Encoding.ASCII.GetBytes("[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"../src/{i}.ts\"")) + "]");
            }
            case 6:
            {
                var escape = random.Pick(BrokenEscapes);
                what = $"broken-string({Printable(escape)})";
                return [.. "\"a"u8, .. escape, .. "b\""u8];
            }
            case 7:
                what = "path-array";
                return Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 5).Select(_ => System.Text.Json.JsonSerializer.Serialize(HostileText.Name(random)))) + "]");
            case 8:
            {
                var depth = random.Pick([50, 5000]);
                what = $"deep-object({depth})";
                return Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"map\":", depth)) + "{}" + new string('}', depth));
            }
            case 9:
                what = "sections-of-wrong-things";
                return Encoding.ASCII.GetBytes("[1,\"x\",null,{\"map\":1},{\"map\":\"x\"},{\"url\":5},{\"offset\":1,\"map\":{\"sections\":7}}]");
            case 10:
                what = "content-array-mixed";
                return Encoding.UTF8.GetBytes("[\"ok\\n\",7,null,{\"x\":1},[\"nested\"],true,\"\\uD800\"]");
            default:
                what = "raw-bytes";
                return random.Bytes(random.Length(64));
        }
    }

    /// <summary>Spans of string tokens, quotes included; an unterminated string ends the list.</summary>
    public static List<(int Start, int End)> StringSpans(byte[] json)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < json.Length && spans.Count < 100_000; i++)
        {
            if (json[i] != (byte)'"')
                continue;
            var start = i++;
            while (i < json.Length && json[i] != (byte)'"')
                i += json[i] == (byte)'\\' ? 2 : 1;
            if (i >= json.Length)
                break;
            spans.Add((start, i + 1));
        }
        return spans;
    }

    /// <summary>Positions of <paramref name="token"/> outside strings (0: every structural character).</summary>
    private static List<int> Structural(byte[] json, byte token)
    {
        var positions = new List<int>();
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                    i++;
                else if (b == (byte)'"')
                    inString = false;
                continue;
            }
            if (b == (byte)'"')
                inString = true;
            if (token == 0 ? b is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)'"' : b == token)
                positions.Add(i);
        }
        return positions;
    }

    private static List<(int Start, int End)> NumberSpans(byte[] json)
    {
        var spans = new List<(int, int)>();
        foreach (var colon in Structural(json, (byte)':').Concat(Structural(json, (byte)',')).Concat(Structural(json, (byte)'[')))
        {
            var start = SkipSpace(json, colon + 1);
            var end = start;
            while (end < json.Length && (char.IsAsciiDigit((char)json[end]) || json[end] is (byte)'-' or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+'))
                end++;
            if (end > start)
                spans.Add((start, end));
        }
        return spans;
    }

    private static bool IsKey(byte[] json, int end) => SkipSpace(json, end) is var at && at < json.Length && json[at] == (byte)':';

    private static int SkipSpace(byte[] json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            at++;
        return at;
    }

    /// <summary>Where the value that starts at <paramref name="start"/> ends (tolerant of broken JSON).</summary>
    private static int ValueEnd(byte[] json, int start)
    {
        if (start >= json.Length)
            return json.Length;
        var depth = 0;
        var inString = false;
        for (var i = start; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                    i++;
                else if (b == (byte)'"')
                {
                    inString = false;
                    if (depth == 0)
                        return i + 1;
                }
                continue;
            }
            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (depth == 0)
                        return i;
                    if (--depth == 0)
                        return i + 1;
                    break;
                case (byte)',' when depth == 0:
                    return i;
            }
        }
        return json.Length;
    }

    private static byte[] Replace(byte[] json, int start, int end, ReadOnlySpan<byte> value)
    {
        start = Math.Clamp(start, 0, json.Length);
        end = Math.Clamp(end, start, json.Length);
        var result = (byte[])[.. json.AsSpan(0, start), .. value, .. json.AsSpan(end)];
        return result.Length <= ByteMutations.MaxBytes ? result : result[..ByteMutations.MaxBytes];
    }

    private static string Text(byte[] json, (int Start, int End) span) =>
        Encoding.UTF8.GetString(json, span.Start + 1, Math.Max(0, span.End - span.Start - 2));

    private static string Printable(byte[] bytes) => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 8)));
}
