using System.Runtime.CompilerServices;

namespace PackGuard.Artifacts.Inventory;

/// <summary>
/// Measures a script in one streaming pass (see <see cref="ScriptMeasures"/>). Memory is bounded:
/// a byte histogram, a window of one chunk plus <see cref="Overlap"/> bytes, and capped sets. A
/// match is taken only where it starts before the last <see cref="Overlap"/> bytes of the window;
/// the rest is carried into the next window, so each position is searched once and no literal is
/// cut at a chunk boundary.
/// </summary>
internal sealed class ScriptMeter
{
    /// <summary>A line longer than this is minified (or generated, or a blob).</summary>
    public const int LongLine = 500;

    /// <summary>The most host names kept per script.</summary>
    public const int MaxEndpoints = 1_000;

    /// <summary>The most imported package names kept per script.</summary>
    public const int MaxImports = 1_000;

    private const int Overlap = 512;
    private const int MaxHost = 253;
    private const int MaxUrl = 200;
    private const int MaxSpecifier = 214; // npm's limit on a package name

    /// <summary>The tokens: <c>exec(</c> and <c>import(</c> only as bare calls (<c>re.exec(</c> is a regex).</summary>
    private static readonly (byte[] Token, string Name, bool DotAllowed)[] ApiTokens =
    [
        ("eval("u8.ToArray(), "eval(", true),
        ("Function("u8.ToArray(), "Function(", true),
        ("child_process"u8.ToArray(), "child_process", true),
        ("exec("u8.ToArray(), "exec(", false),
        ("execSync("u8.ToArray(), "execSync(", true),
        ("spawn("u8.ToArray(), "spawn(", true),
        ("import("u8.ToArray(), "import(", false),
    ];

    /// <summary>The tokens counted, as reports name them.</summary>
    public static IReadOnlyList<string> ApiNames { get; } = [.. ApiTokens.Select(a => a.Name)];

    private static readonly HashSet<string> IgnoredHosts = new(StringComparer.Ordinal)
    {
        // Namespaces and documentation placeholders, not places code talks to.
        "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "json-schema.org",
        "example.com", "www.example.com", "example.org", "www.example.org", "example.net", "localhost",
        "127.0.0.1", "0.0.0.0",
    };

    private readonly long[] _histogram = new long[256];
    private readonly Dictionary<string, string> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _apis = new(StringComparer.Ordinal);
    private readonly HashSet<string> _imports = new(StringComparer.Ordinal);
    private byte[] _window = [];
    private int _carry;
    private long _bytes;
    private long _line;
    private long _longLineBytes;
    private bool _capped;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        Count(chunk);
        var length = _carry + chunk.Length;
        if (_window.Length < length)
            Array.Resize(ref _window, Math.Max(length, _window.Length * 2));
        chunk.CopyTo(_window.AsSpan(_carry));
        var limit = length - Overlap;
        if (limit <= 0)
        {
            _carry = length;
            return;
        }
        Search(_window.AsSpan(0, length), limit);
        _window.AsSpan(limit, Overlap).CopyTo(_window);
        _carry = Overlap;
    }

    public ScriptMeasures Complete()
    {
        Search(_window.AsSpan(0, _carry), _carry);
        _carry = 0;
        _window = [];
        var longBytes = _longLineBytes + (_line > LongLine ? _line : 0);
        return new ScriptMeasures(
            Entropy(),
            _bytes == 0 ? 0 : (double)longBytes / _bytes,
            _endpoints,
            _apis,
            _imports,
            _capped);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs over every byte of every script, once per process
    private void Count(ReadOnlySpan<byte> chunk)
    {
        _bytes += chunk.Length;
        var histogram = _histogram;
        foreach (var b in chunk)
            histogram[b]++;
        var rest = chunk;
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line += rest.Length;
                return;
            }
            _line += newline + 1;
            if (_line > LongLine)
                _longLineBytes += _line;
            _line = 0;
            rest = rest[(newline + 1)..];
        }
    }

    private double Entropy()
    {
        if (_bytes == 0)
            return 0;
        double entropy = 0;
        foreach (var count in _histogram)
        {
            if (count == 0)
                continue;
            var p = (double)count / _bytes;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(ReadOnlySpan<byte> window, int limit)
    {
        foreach (var (token, name, dotAllowed) in ApiTokens)
        {
            foreach (var at in Occurrences(window, token, limit))
            {
                if (at == 0 || (!IsIdentifier(window[at - 1]) && (dotAllowed || window[at - 1] != (byte)'.')))
                    _apis[name] = _apis.GetValueOrDefault(name) + 1;
            }
        }
        foreach (var at in Occurrences(window, "://"u8, limit))
            Url(window, at);
        foreach (var at in Occurrences(window, "require("u8, limit))
            Specifier(window, at, "require("u8.Length);
        foreach (var at in Occurrences(window, "import"u8, limit))
            Specifier(window, at, "import"u8.Length);
        foreach (var at in Occurrences(window, "from"u8, limit))
            Specifier(window, at, "from"u8.Length);
    }

    /// <summary>Positions where <paramref name="token"/> starts before <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<int> Occurrences(ReadOnlySpan<byte> window, ReadOnlySpan<byte> token, int limit)
    {
        var found = new List<int>();
        var from = 0;
        while (from < limit)
        {
            var i = window[from..].IndexOf(token);
            if (i < 0 || from + i >= limit)
                break;
            found.Add(from + i);
            from += i + 1;
        }
        return found;
    }


    private void Url(ReadOnlySpan<byte> window, int separator)
    {
        var start = separator;
        while (start > 0 && separator - start < 5 && IsLetter(window[start - 1]))
            start--;
        var scheme = System.Text.Encoding.ASCII.GetString(window[start..separator]).ToLowerInvariant();
        if (scheme is not ("http" or "https" or "ws" or "wss"))
            return;
        var hostStart = separator + 3;
        var end = hostStart;
        while (end < window.Length && end - hostStart <= MaxHost && IsHostByte(window[end]))
            end++;
        if (end == window.Length || end - hostStart > MaxHost || !EndsHost(window[end]))
            return;
        var host = System.Text.Encoding.ASCII.GetString(window[hostStart..end]).ToLowerInvariant().TrimEnd('.');
        if (!IsHostName(host) || IgnoredHosts.Contains(host) || _endpoints.ContainsKey(host))
            return;
        if (_endpoints.Count >= MaxEndpoints)
        {
            _capped = true;
            return;
        }
        var urlEnd = end;
        while (urlEnd < window.Length && urlEnd - start < MaxUrl && !EndsUrl(window[urlEnd]))
            urlEnd++;
        _endpoints[host] = System.Text.Encoding.UTF8.GetString(window[start..urlEnd]);
    }

    private void Specifier(ReadOnlySpan<byte> window, int at, int length)
    {
        if (at > 0 && (IsIdentifier(window[at - 1]) || window[at - 1] == (byte)'.'))
            return;
        var i = at + length;
        while (i < window.Length && (window[i] == (byte)' ' || window[i] == (byte)'(' && length == "import"u8.Length))
            i++;
        if (i >= window.Length || window[i] is not ((byte)'"' or (byte)'\'' or (byte)'`'))
            return;
        var quote = window[i];
        var close = window[(i + 1)..].IndexOf(quote);
        if (close <= 0 || close > MaxSpecifier)
            return;
        var specifier = window.Slice(i + 1, close);
        if (specifier[0] is (byte)'.' or (byte)'/' || specifier.StartsWith("node:"u8) || specifier.ContainsAny(" \t\r\n$\\"u8))
            return;
        var name = PackageName(System.Text.Encoding.UTF8.GetString(specifier));
        if (name is null || _imports.Contains(name))
            return;
        if (_imports.Count >= MaxImports)
        {
            _capped = true;
            return;
        }
        _imports.Add(name);
    }

    /// <summary><c>lodash/fp</c> → <c>lodash</c>; <c>@scope/pkg/sub</c> → <c>@scope/pkg</c>.</summary>
    private static string? PackageName(string specifier)
    {
        var parts = specifier.Split('/');
        if (specifier[0] == '@')
            return parts.Length >= 2 && parts[1].Length > 0 ? parts[0] + "/" + parts[1] : null;
        return parts[0].Length > 0 ? parts[0] : null;
    }

    private static bool IsHostName(string host)
    {
        if (host.Length < 4 || host[0] is '.' or '-' || host.Contains("..", StringComparison.Ordinal))
            return false;
        var labels = host.Split('.');
        if (labels.Length < 2)
            return false;
        if (labels.Length == 4 && labels.All(l => l.Length is > 0 and <= 3 && l.All(char.IsAsciiDigit)))
            return true; // an IPv4 address
        var tld = labels[^1];
        return tld.Length >= 2 && tld.All(char.IsAsciiLetter);
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsIdentifier(byte b) => IsLetter(b) || (uint)(b - '0') <= 9 || b is (byte)'_' or (byte)'$';

    private static bool IsHostByte(byte b) => IsLetter(b) || (uint)(b - '0') <= 9 || b is (byte)'.' or (byte)'-';

    // "${host}", "%s" and "user@host" are templates or credentials, not a host literal.
    private static bool EndsHost(byte b) => !IsHostByte(b) && b is not ((byte)'$' or (byte)'{' or (byte)'%' or (byte)'@' or (byte)'_' or >= 0x80);

    private static bool EndsUrl(byte b) => b is (byte)'"' or (byte)'\'' or (byte)'`' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'
        or (byte)')' or (byte)'<' or (byte)'>' or (byte)'\\';
}
