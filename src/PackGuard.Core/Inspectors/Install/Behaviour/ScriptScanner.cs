using System.Buffers;
using System.Text;

namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>
/// Reads one script as it streams past and finds what it does (<see cref="ScriptAnalysis"/>).
/// The text is decoded as UTF-8 into a window of <see cref="Segment"/> characters with
/// <see cref="Context"/> characters kept before and <see cref="Lookahead"/> after, so an anchor
/// is searched once, in one vectorised pass over every anchor of the dialect, and is judged with
/// its line around it. Memory is one window and bounded lists, whatever the script's size.
/// Single atoms that are damning (a credential path, <c>curl ... | sh</c>) become hits at once;
/// atoms that matter only together (a network call near an eval) are paired when the text ends.
/// </summary>
internal sealed partial class ScriptScanner : IDisposable
{
    public const int Segment = 64 * 1024;
    public const int Context = 4096;
    public const int Lookahead = 1024;
    private const int Capacity = Context + Segment + Lookahead;
    private const int MaxSignalsPerAtom = 256;
    private const int MaxHitsPerKind = 16;
    private const int MaxReferences = 64;

    private readonly Dialect _dialect;
    private readonly ScanMode _mode;
    private readonly AnchorSet _anchors;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly List<Signal> _signals = [];
    private readonly int[] _signalCounts = new int[Enum.GetValues<Atom>().Length];
    private readonly List<BehaviourHit> _hits = [];
    private readonly HashSet<(BehaviourKind, int)> _hitLines = [];
    private readonly int[] _hitCounts = new int[Enum.GetValues<BehaviourKind>().Length];
    private readonly List<string> _references = [];
    private readonly int _lineOffset;
    private readonly int _columnOffset;
    private char[]? _chars = ArrayPool<char>.Shared.Rent(Capacity);
    private int _length;
    private int _scanFrom;
    private long _base;
    private int _linePos;
    private int _line = 1;
    private long _lastNewline = -1;
    private ScriptFacts _facts;

    /// <param name="dialect">The script's language.</param>
    /// <param name="mode">How it is read.</param>
    /// <param name="firstLine">The line the text starts on, for code quoted from a larger file (package.json).</param>
    /// <param name="firstColumn">The column the text starts at on that line.</param>
    public ScriptScanner(Dialect dialect, ScanMode mode = ScanMode.File, int firstLine = 1, int firstColumn = 1)
    {
        _dialect = dialect;
        _mode = mode;
        _anchors = Anchors.For(dialect);
        _lineOffset = firstLine - 1;
        _columnOffset = firstColumn - 1;
    }

    /// <summary>Analyses a whole text at once (a command line, a decoded attribute value).</summary>
    public static ScriptAnalysis Analyze(string text, Dialect dialect, ScanMode mode = ScanMode.File, int firstLine = 1, int firstColumn = 1)
    {
        using var scanner = new ScriptScanner(dialect, mode, firstLine, firstColumn);
        scanner.Write(text);
        return scanner.Complete();
    }

    /// <summary>The next bytes of the script (UTF-8).</summary>
    public void Write(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty && _chars is not null)
        {
            MakeRoom();
            _decoder.Convert(utf8, _chars.AsSpan(_length, Capacity - _length), flush: false, out var used, out var produced, out _);
            _length += produced;
            utf8 = utf8[used..];
        }
    }

    /// <summary>The next characters of the script.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty && _chars is not null)
        {
            MakeRoom();
            var take = Math.Min(text.Length, Capacity - _length);
            text[..take].CopyTo(_chars.AsSpan(_length));
            _length += take;
            text = text[take..];
        }
    }

    /// <summary>The script ended: searches the rest, pairs atoms and returns what was found.</summary>
    public ScriptAnalysis Complete()
    {
        if (_chars is null)
            return new ScriptAnalysis([.. _hits], _facts, [.. _references]);
        Span<byte> none = [];
        _decoder.Convert(none, _chars.AsSpan(_length, Capacity - _length), flush: true, out _, out var produced, out _);
        _length += produced;
        Scan(_scanFrom, _length);
        Dispose();
        Pair();
        _hits.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return new ScriptAnalysis([.. _hits], _facts, [.. _references]);
    }

    public void Dispose()
    {
        if (_chars is not null)
            ArrayPool<char>.Shared.Return(_chars);
        _chars = null;
    }

    /// <summary>Searches a full window up to its look-ahead and slides it, keeping <see cref="Context"/> behind.</summary>
    private void MakeRoom()
    {
        if (Capacity - _length >= 1024)
            return;
        var end = _length - Lookahead;
        Scan(_scanFrom, end);
        AdvanceLines(end);
        var keep = end - Context;
        _chars!.AsSpan(keep, _length - keep).CopyTo(_chars);
        _base += keep;
        _length -= keep;
        _scanFrom = end - keep;
        _linePos -= keep;
    }

    private void AdvanceLines(int to)
    {
        if (to <= _linePos)
            return;
        var span = _chars!.AsSpan(_linePos, to - _linePos);
        var count = span.Count('\n');
        if (count > 0)
        {
            _line += count;
            _lastNewline = _base + _linePos + span.LastIndexOf('\n');
        }
        _linePos = to;
    }

    private void Scan(int from, int to)
    {
        var text = _chars!.AsSpan(0, _length);
        var i = from;
        while (i < to)
        {
            var found = text[i..].IndexOfAny(_anchors.Search);
            if (found < 0 || i + found >= to)
                break;
            i += found;
            foreach (var anchor in _anchors.StartingWith(text[i]))
            {
                if ((anchor.Dialects & _dialect) != 0 && anchor.Fits(text, i))
                    OnAnchor(anchor, text, i);
            }
            i++;
        }
    }
}
