using System.Buffers.Binary;
using PackGuard.Artifacts;

namespace PackGuard.Inspectors.DebugSymbols.Pe;

/// <summary>
/// Reads a PE file's debug directory as the file streams past, keeping only the bytes it needs:
/// the headers, the directory, and the data of its CodeView and EmbeddedPortablePdb entries. (A
/// <see cref="System.Reflection.PortableExecutable.PEReader"/> needs the whole image at hand; a
/// DLL can be tens of megabytes, its debug data a few hundred bytes.) The headers say where the
/// directory lies, the directory where the data lies; both normally follow what points to them.
/// </summary>
internal sealed class PeDebugReader(long maxSymbolSize) : IEntryContentSink
{
    /// <summary>Headers must lie in this many leading bytes (they take a few hundred).</summary>
    private const int MaxPrefix = 64 * 1024;
    private const int MaxEntries = 64;
    private const int EntrySize = 28;
    private const int MaxCodeViewSize = 64 * 1024;
    private const int CodeViewType = 2;
    private const int ReproducibleType = 16;
    private const int EmbeddedPortablePdbType = 17;

    private readonly byte[] _prefix = new byte[MaxPrefix];
    private readonly List<ByteRange> _codeViews = [];
    private int _prefixLength;
    private long _position;
    private Stage _stage = Stage.Headers;
    private ByteRange? _directory;
    private ByteRange? _embedded;
    private bool _truncated;

    private enum Stage
    {
        Headers,
        Directory,
        Data,
        Done,
    }

    /// <summary>Whether a file that starts with <paramref name="head"/> is a PE image ("MZ", then "PE\0\0" where the DOS header points).</summary>
    public static bool IsPe(ReadOnlySpan<byte> head)
    {
        if (head.Length < 64 || head[0] != (byte)'M' || head[1] != (byte)'Z')
            return false;
        var lfanew = BinaryPrimitives.ReadInt32LittleEndian(head[0x3C..]);
        if (lfanew < 64 || lfanew > MaxPrefix - 4)
            return false;
        // A PE header past the head is rare but legal; the reader then waits for it.
        return lfanew + 4 > head.Length || head.Slice(lfanew, 4).SequenceEqual("PE\0\0"u8);
    }

    /// <summary>What the debug directory held; set by <see cref="Complete"/>.</summary>
    public PeDebugData Result { get; private set; } = PeDebugData.None;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        var offset = _position;
        _position += chunk.Length;
        if (_prefixLength < MaxPrefix)
        {
            var take = Math.Min(chunk.Length, MaxPrefix - _prefixLength);
            chunk[..take].CopyTo(_prefix.AsSpan(_prefixLength));
            _prefixLength += take;
        }
        if (_stage == Stage.Done)
            return;
        Offer(offset, chunk);
        Stage before;
        do
        {
            before = _stage;
            Advance(offset, chunk);
        }
        while (_stage != before && _stage != Stage.Done);
    }

    public void Complete(bool truncated)
    {
        _truncated = truncated;
        Result = Finish();
    }

    private void Offer(long offset, ReadOnlySpan<byte> chunk)
    {
        _directory?.Offer(offset, chunk);
        foreach (var range in _codeViews)
            range.Offer(offset, chunk);
        _embedded?.Offer(offset, chunk);
    }

    /// <summary>A new range is first filled from the kept prefix, then from the chunk at hand.</summary>
    private ByteRange Track(long start, int length, long offset, ReadOnlySpan<byte> chunk)
    {
        var range = new ByteRange(start, length);
        range.Offer(0, _prefix.AsSpan(0, _prefixLength));
        range.Offer(offset, chunk);
        return range;
    }

    private void Advance(long offset, ReadOnlySpan<byte> chunk)
    {
        switch (_stage)
        {
            case Stage.Headers:
                var headers = PeHeaders.TryRead(_prefix.AsSpan(0, _prefixLength), out var needMore);
                if (headers is null)
                {
                    if (!needMore || _prefixLength >= MaxPrefix)
                        _stage = Stage.Done;
                    return;
                }
                Managed = headers.Value.Managed;
                if (headers.Value.DebugDirectoryOffset is not { } at || headers.Value.DebugDirectorySize <= 0)
                {
                    _stage = Stage.Done;
                    return;
                }
                var size = Math.Min(headers.Value.DebugDirectorySize, MaxEntries * EntrySize) / EntrySize * EntrySize;
                _directory = Track(at, size, offset, chunk);
                _stage = Stage.Directory;
                return;
            case Stage.Directory:
                if (_directory is { Complete: true })
                {
                    ReadDirectory(_directory.Data, offset, chunk);
                    _stage = Stage.Data;
                }
                else if (_directory is { Missed: true })
                    _stage = Stage.Done;
                return;
            case Stage.Data:
                if (_codeViews.All(r => r.Complete || r.Missed) && _embedded is null or { Complete: true } or { Missed: true })
                    _stage = Stage.Done;
                return;
        }
    }

    /// <summary>Whether the image has a CLI header (a .NET assembly).</summary>
    private bool Managed { get; set; }

    private readonly List<string> _notes = [];
    private long? _embeddedDeclared;
    private bool _reproducible;

    private void ReadDirectory(byte[] directory, long offset, ReadOnlySpan<byte> chunk)
    {
        for (var at = 0; at + EntrySize <= directory.Length; at += EntrySize)
        {
            var entry = directory.AsSpan(at, EntrySize);
            var type = BinaryPrimitives.ReadInt32LittleEndian(entry[12..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(entry[16..]);
            var pointer = BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]);
            if (type == ReproducibleType)
                _reproducible = true;
            if (size == 0 || pointer == 0)
                continue;
            if (type == CodeViewType && _codeViews.Count < 4)
                _codeViews.Add(Track(pointer, (int)Math.Min(size, MaxCodeViewSize), offset, chunk));
            else if (type == EmbeddedPortablePdbType && _embedded is null)
            {
                _embeddedDeclared = size;
                if (size > Math.Min(maxSymbolSize, Array.MaxLength))
                    _notes.Add($"its embedded PDB ({size:N0} bytes compressed) is larger than the symbol size limit and was not read");
                else
                    _embedded = Track(pointer, (int)size, offset, chunk);
            }
        }
    }

    private PeDebugData Finish()
    {
        if (_directory is null)
            return PeDebugData.None with { Managed = Managed };
        var notes = new List<string>(_notes);
        if (!_directory.Complete)
            notes.Add(_truncated ? "the file was cut short before its debug directory" : "its debug directory could not be read");
        var paths = new List<string>();
        foreach (var range in _codeViews)
        {
            if (range.Complete && CodeView.ReadPath(range.Data) is { } path)
                paths.Add(path);
            else if (!range.Complete)
                notes.Add(_truncated ? "the file was cut short before its CodeView record" : "its CodeView record lies before the debug directory and could not be read");
        }
        byte[]? compressed = null;
        if (_embedded is { Complete: true })
            compressed = _embedded.Data;
        else if (_embedded is not null)
            notes.Add(_truncated ? "the file was cut short inside its embedded PDB" : "its embedded PDB lies before the debug directory and could not be read");
        return new PeDebugData(true, Managed, paths, _embeddedDeclared, compressed, _reproducible, notes);
    }
}

/// <summary>What a PE image's debug directory holds.</summary>
/// <param name="HasDebugDirectory">The image has a debug directory at all.</param>
/// <param name="Managed">The image is a .NET assembly.</param>
/// <param name="CodeViewPaths">The PDB paths of its CodeView entries.</param>
/// <param name="EmbeddedPdbSize">The size of its EmbeddedPortablePdb data (compressed), when it has one.</param>
/// <param name="EmbeddedPdbData">That data ("MPDB", size, deflate stream), when it could be read.</param>
/// <param name="Reproducible">The image says it was built deterministically.</param>
/// <param name="Notes">What could not be read, and why.</param>
internal sealed record PeDebugData(bool HasDebugDirectory, bool Managed, IReadOnlyList<string> CodeViewPaths,
    long? EmbeddedPdbSize, byte[]? EmbeddedPdbData, bool Reproducible, IReadOnlyList<string> Notes)
{
    public static PeDebugData None { get; } = new(false, false, [], null, null, false, []);
}
