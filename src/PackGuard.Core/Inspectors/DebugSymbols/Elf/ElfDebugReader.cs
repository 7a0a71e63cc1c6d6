using System.Text;
using PackGuard.Artifacts;

namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>
/// Reads what an ELF binary carries for a debugger as it streams past. Linkers put the sections
/// that are not loaded (DWARF, the symbol table, the section names) after the loaded segments and
/// the section table at the very end, so the reader keeps the file from the end of its last
/// loaded segment on, bounded by the symbol size limit (beyond it, the end of the file is kept:
/// the section table and names still tell what the file holds). A stripped binary keeps a few
/// hundred bytes here, a binary with debug information its debug information.
/// </summary>
internal sealed class ElfDebugReader(long maxSymbolSize, UserPathSet users, CancellationToken cancellationToken) : IEntryContentSink
{
    private const int MaxPrefix = 64 * 1024;

    private readonly byte[] _prefix = new byte[MaxPrefix];
    private int _prefixLength;
    private long _position;
    private ElfHeader? _header;
    private TailWindow? _window;
    private bool _truncated;

    /// <summary>What the file carries; set by <see cref="Complete"/>, <see langword="null"/> when it is no ELF file after all.</summary>
    public ElfMeasurement? Result { get; private set; }

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
        if (_window is null)
            Start(offset, chunk);
        else
            _window.Offer(offset, chunk);
    }

    private void Start(long offset, ReadOnlySpan<byte> chunk)
    {
        var prefix = _prefix.AsSpan(0, _prefixLength);
        _header ??= ElfHeader.Read(prefix);
        if (_header is null)
            return;
        var loaded = _header.EndOfLoadedContent(prefix);
        if (loaded is null && _prefixLength < MaxPrefix)
            return; // the program headers are further on; wait for them
        var start = loaded ?? 0;
        if (_header.SectionHeaderOffset > 0)
            start = Math.Min(start, _header.SectionHeaderOffset);
        _window = new TailWindow(start, Math.Min(maxSymbolSize, int.MaxValue));
        _window.Offer(0, prefix);
        _window.Offer(offset, chunk);
    }

    public void Complete(bool truncated)
    {
        _truncated = truncated;
        if (_window is null && _header is not null && _prefixLength > 0)
        {
            // A file shorter than its program headers claim: keep what there is.
            _window = new TailWindow(0, Math.Min(maxSymbolSize, int.MaxValue));
            _window.Offer(0, _prefix.AsSpan(0, _prefixLength));
        }
        if (_header is null || _window is null)
            return;
        Result = Measure(_header, _window);
    }

    private ElfMeasurement Measure(ElfHeader header, TailWindow window)
    {
        var (bytes, offset) = window.Contents();
        var sections = ElfSections.Read(bytes, offset, header);
        if (sections is null)
        {
            var why = _truncated ? "the file was cut short before its section table"
                : window.Partial ? "its section table lies outside the part of the file that was kept"
                : "it has no readable section table";
            return new ElfMeasurement([], 0, false, null, null, 0, 0, 0, 0, [], why);
        }
        if (sections.Clipped)
            return new ElfMeasurement([], 0, false, null, null, 0, 0, 0, 0, [],
                _truncated ? "the file was cut short inside its section table" : "its section table runs past the end of the file");
        var debug = sections.All
            .Where(s => s.Type != ElfSection.NoBits && s.Size > 0 && (s.Name.StartsWith(".debug_", StringComparison.Ordinal) || s.Name.StartsWith(".zdebug_", StringComparison.Ordinal)))
            .ToList();
        var symbolTable = sections.All.Any(s => s.Type == ElfSection.SymbolTable && s.Size > 0);
        var debugLink = DebugLink(sections);
        if (debug.Count == 0)
            return new ElfMeasurement([], 0, symbolTable, null, debugLink, 0, 0, 0, 0, [], null);

        var problems = new List<string>();
        var budget = Math.Min(maxSymbolSize, int.MaxValue);
        byte[]? Load(string name)
        {
            var section = sections.Find(name) ?? sections.Find(".z" + name[1..]);
            if (section is null || budget <= 0)
                return null;
            var content = sections.Content(section.Value, budget, out var problem);
            if (problem is not null)
                problems.Add(problem);
            budget -= content?.Length ?? 0;
            return content;
        }
        var lineStrings = Load(".debug_line_str");
        var strings = Load(".debug_str");
        var line = Load(".debug_line");
        if (lineStrings is not null)
            StringTables.Scan(lineStrings, users, "dwarf");
        if (strings is not null)
            StringTables.Scan(strings, users, "dwarf");
        var tables = line is null ? null : DwarfLineTables.Read(line, lineStrings, strings, header.BigEndian, cancellationToken);
        if (tables is not null)
        {
            foreach (var file in tables.Files)
                users.Scan(file, "dwarf");
            if (tables.Problem is not null)
                problems.Add(tables.Problem);
        }
        if (window.Partial && debug.Any(s => !sections.Holds(s)))
            problems.Insert(0, "its debug sections are larger than the symbol size limit; only the end of the file was read");
        else if (_truncated)
            problems.Insert(0, "the file was cut short");
        return new ElfMeasurement(
            [.. debug.Select(s => s.Name).Distinct().Take(32)],
            debug.Sum(s => s.Size),
            symbolTable,
            tables?.Version is > 0 ? tables.Version : null,
            debugLink,
            tables?.Files.Count ?? 0,
            tables?.EmbeddedSources ?? 0,
            tables?.EmbeddedBytes ?? 0,
            tables?.EmbeddedLines ?? 0,
            tables?.EmbeddedExamples ?? [],
            problems.Count == 0 ? null : string.Join("; ", problems.Distinct()))
        {
            ToolchainOnly = tables is { Files.Count: > 0, EmbeddedSources: 0 } && tables.Files.All(ToolchainSources.IsRuntime),
            ExampleFiles = tables is null ? [] : [.. tables.Files.Take(3)],
        };
    }

    private static string? DebugLink(ElfSections sections)
    {
        if (sections.Find(".gnu_debuglink") is not { } link || !sections.Holds(link))
            return null;
        var content = sections.Content(link, 4096, out _);
        if (content is null)
            return null;
        var end = Array.IndexOf(content, (byte)0);
        var name = Encoding.UTF8.GetString(content, 0, end < 0 ? content.Length : end);
        return name.Length == 0 ? null : name;
    }
}
