using System.Text;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>
/// Reads the headers of the line-number programs in <c>.debug_line</c> (DWARF 2 to 5): the
/// directories and files every compilation unit names and, in DWARF 5, the sources LLVM embeds
/// with <c>-gembed-source</c> (content type <c>DW_LNCT_LLVM_source</c>, 0x2001). Only headers are
/// read, never the line programs, and every count and length is checked against the bytes left.
/// </summary>
internal sealed class DwarfLineTables
{
    private const int LlvmSource = 0x2001;
    private const int PathContent = 1;
    private const int DirectoryIndexContent = 2;
    private const int MaxUnits = 100_000;
    private const int MaxExamples = 5;

    private readonly byte[] _line;
    private readonly byte[]? _lineStrings;
    private readonly byte[]? _strings;
    private readonly bool _bigEndian;
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly List<string> _embeddedExamples = [];

    private DwarfLineTables(byte[] line, byte[]? lineStrings, byte[]? strings, bool bigEndian)
    {
        _line = line;
        _lineStrings = lineStrings;
        _strings = strings;
        _bigEndian = bigEndian;
    }

    /// <summary>The highest DWARF version among the line tables.</summary>
    public int Version { get; private set; }

    /// <summary>Every distinct file path the line tables name (directory joined to name).</summary>
    public IReadOnlyCollection<string> Files => _files;

    /// <summary>Files whose source the line tables embed.</summary>
    public int EmbeddedSources { get; private set; }

    /// <summary>Bytes of the embedded sources.</summary>
    public long EmbeddedBytes { get; private set; }

    /// <summary>Lines of the embedded sources.</summary>
    public long EmbeddedLines { get; private set; }

    /// <summary>A few files whose source is embedded.</summary>
    public IReadOnlyList<string> EmbeddedExamples => _embeddedExamples;

    /// <summary>Why reading stopped early, or <see langword="null"/>.</summary>
    public string? Problem { get; private set; }

    /// <summary>Reads every unit's header.</summary>
    public static DwarfLineTables Read(byte[] line, byte[]? lineStrings, byte[]? strings, bool bigEndian, CancellationToken cancellationToken)
    {
        var tables = new DwarfLineTables(line, lineStrings, strings, bigEndian);
        long at = 0;
        for (var unit = 0; unit < MaxUnits && at < line.Length; unit++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = tables.ReadUnit(at);
            if (next <= at)
                break;
            at = next;
        }
        return tables;
    }

    /// <summary>Reads one unit's header; returns the offset of the next unit, or -1 when the rest cannot be read.</summary>
    private long ReadUnit(long start)
    {
        var cursor = new DwarfCursor(_line, start, _bigEndian);
        var length = (long)cursor.U32();
        var offsetSize = 4;
        if (length == 0xFFFF_FFFF)
        {
            length = (long)Math.Min(cursor.U64(), long.MaxValue);
            offsetSize = 8;
        }
        else if (length >= 0xFFFF_FFF0)
            return Fail("a line table has a reserved length");
        if (length <= 0 || length > _line.Length - cursor.Position)
            return Fail("a line table is longer than its section");
        var end = cursor.Position + length;
        var version = cursor.U16();
        if (version is < 2 or > 5)
            return Fail($"a line table has an unknown version ({version})");
        Version = Math.Max(Version, version);
        if (version >= 5)
            cursor.Skip(2); // address_size, segment_selector_size
        cursor.Skip(offsetSize); // header_length
        cursor.Skip(version >= 4 ? 5 : 4); // minimum_instruction_length, [maximum_operations_per_instruction], default_is_stmt, line_base, line_range
        var opcodeBase = cursor.U8();
        cursor.Skip(Math.Max(0, opcodeBase - 1));
        if (cursor.Failed || cursor.Position > end)
            return Fail("a line table header is cut short");
        if (version < 5)
            ReadLegacyNames(ref cursor, end);
        else if (!ReadEntries(ref cursor, end, offsetSize))
            return -1;
        return end;
    }

    /// <summary>DWARF 2-4: NUL-terminated directory names, then files as name, directory index, time, size.</summary>
    private void ReadLegacyNames(ref DwarfCursor cursor, long end)
    {
        var directories = new List<string>();
        while (cursor.Position < end && !cursor.Failed)
        {
            var directory = cursor.CString();
            if (directory.Length == 0)
                break;
            directories.Add(directory);
        }
        while (cursor.Position < end && !cursor.Failed)
        {
            var name = cursor.CString();
            if (name.Length == 0)
                break;
            var index = cursor.Uleb();
            cursor.Uleb();
            cursor.Uleb();
            AddFile(name, index > 0 && index <= (ulong)directories.Count ? directories[(int)index - 1] : null);
        }
    }

    /// <summary>DWARF 5: entry formats (content type, form), then the directory and file entries.</summary>
    private bool ReadEntries(ref DwarfCursor cursor, long end, int offsetSize)
    {
        var directories = new List<string>();
        for (var table = 0; table < 2; table++)
        {
            var formatCount = cursor.U8();
            var formats = new List<(ulong Content, ulong Form)>(formatCount);
            for (var i = 0; i < formatCount; i++)
                formats.Add((cursor.Uleb(), cursor.Uleb()));
            var count = cursor.Uleb();
            if (cursor.Failed || count > (ulong)(end - cursor.Position))
                return Stop("a line table names more entries than it holds");
            for (ulong entry = 0; entry < count; entry++)
            {
                string? path = null;
                string? source = null;
                ulong directory = 0;
                foreach (var (content, form) in formats)
                {
                    if (!cursor.Form(form, offsetSize, out var text, out var number))
                        return Stop($"a line table uses an attribute form PackGuard does not read (0x{form:x})");
                    switch (content)
                    {
                        case PathContent: path = Resolve(form, text, number); break;
                        case DirectoryIndexContent: directory = number; break;
                        case LlvmSource: source = Resolve(form, text, number); break;
                    }
                }
                if (cursor.Failed || cursor.Position > end)
                    return Stop("a line table header is cut short");
                if (table == 0)
                    directories.Add(path ?? "");
                else if (path is not null)
                    AddFile(path, directory < (ulong)directories.Count ? directories[(int)directory] : null, source);
            }
        }
        return true;
    }

    private void AddFile(string name, string? directory, string? source = null)
    {
        var path = directory is null || name.StartsWith('/') || (name.Length > 2 && name[1] == ':') ? name : directory.TrimEnd('/') + "/" + name;
        if (!_files.Add(path) || string.IsNullOrEmpty(source))
            return;
        EmbeddedSources++;
        var meter = new ContentMeter();
        meter.Add(Encoding.UTF8.GetBytes(source));
        EmbeddedBytes += meter.Bytes;
        EmbeddedLines += meter.Lines;
        if (_embeddedExamples.Count < MaxExamples)
            _embeddedExamples.Add(path);
    }

    /// <summary>A string attribute's text: inline, or from .debug_line_str or .debug_str by offset.</summary>
    private string? Resolve(ulong form, string? inline, ulong offset) => form switch
    {
        DwarfCursor.FormString => inline,
        DwarfCursor.FormLineStrp => StringAt(_lineStrings, offset),
        DwarfCursor.FormStrp => StringAt(_strings, offset),
        _ => null,
    };

    private static string? StringAt(byte[]? table, ulong offset)
    {
        if (table is null || offset >= (ulong)table.Length)
            return null;
        var span = table.AsSpan((int)offset);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? span[..end] : span);
    }

    private long Fail(string problem)
    {
        Problem ??= problem;
        return -1;
    }

    private bool Stop(string problem)
    {
        Problem ??= problem;
        return false;
    }
}
