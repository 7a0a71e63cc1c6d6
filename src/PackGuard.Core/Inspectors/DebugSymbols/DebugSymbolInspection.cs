using PackGuard.Artifacts;
using PackGuard.Inspectors.DebugSymbols.Elf;
using PackGuard.Inspectors.DebugSymbols.Pdb;
using PackGuard.Inspectors.DebugSymbols.Pe;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Per-artifact state of the debug-symbol inspector. Each entry is told apart by its first bytes,
/// never by its name alone, and only debug files get a reader; what they hold is measured as they
/// stream past and judged in <see cref="Complete"/>, once the manifest has said how open the
/// package is.
/// </summary>
internal sealed class DebugSymbolInspection(InspectionContext context) : IArtifactInspection
{
    private const string DsymMarker = ".dSYM/Contents/Resources/DWARF/";

    private readonly List<SymbolObservation> _observations = [];

    private CancellationToken Cancellation => context.CancellationToken;

    /// <summary>The most debug-symbol bytes held for one file.</summary>
    private long Cap => Math.Min(context.Limits.MaxSymbolSize, context.Limits.MaxEntrySize);

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.Kind != EntryKind.File || entry.NestedArchive != ArchiveFormat.None || head.Length < 4)
            return null;
        if (IsPortablePdb(entry, head))
            return new PortablePdbSink(this, Observe(entry, SymbolForm.PortablePdb), entry.Size);
        if (WindowsPdb.Format(head) is { } format)
            return new StringsSink(this, Observe(entry, SymbolForm.WindowsPdb, format));
        if (PeDebugReader.IsPe(head))
            return new PeSink(this, entry);
        if (ElfHeader.IsElf(head))
            return new ElfSink(this, Observe(entry, SymbolForm.Elf));
        if (entry.Path.Contains(DsymMarker, StringComparison.Ordinal) && MachO.Format(head) is { } machO)
            return new StringsSink(this, Observe(entry, SymbolForm.Dsym, machO));
        return null;
    }

    public void Complete(ArtifactSummary artifact)
    {
        var openness = SymbolOpenness.Of(artifact.Metadata, _observations);
        var findings = new DebugSymbolFindings(context.Findings, openness);
        foreach (var observation in _observations.OrderBy(o => o.Path, StringComparer.Ordinal))
            findings.Report(observation);
    }

    /// <summary>A portable PDB starts with a metadata root ("BSJB") whose stream headers, a few dozen bytes on, name "#Pdb".</summary>
    internal static bool IsPortablePdb(ArtifactEntry entry, ReadOnlySpan<byte> head) =>
        head.StartsWith(PortablePdbAnalyzer.Signature)
        && (head[..Math.Min(head.Length, 512)].IndexOf("#Pdb"u8) >= 0 || entry.FileName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));

    private static SymbolObservation Observe(ArtifactEntry entry, SymbolForm form, string? format = null) =>
        new(entry.Path, form)
        {
            InSymbolsPackage = entry.ContainerPrefix.EndsWith(".snupkg!", StringComparison.OrdinalIgnoreCase),
            Format = format,
        };

    private void Measure(SymbolObservation observation, byte[] pdb)
    {
        observation.Pdb = PortablePdbAnalyzer.Analyze(pdb, Cap, observation.Users, Cancellation);
        observation.Incomplete ??= observation.Pdb.Incomplete;
    }

    /// <summary>Holds a portable PDB, bounded, and measures it when it ends.</summary>
    private sealed class PortablePdbSink(DebugSymbolInspection owner, SymbolObservation observation, long? declared) : IEntryContentSink
    {
        // Sized by the declared size up to 1 MiB, then grown with what really arrives: a header
        // that declares a huge entry reserves nothing.
        private MemoryStream? _buffer = new((int)Math.Clamp(declared ?? 0, 0, Math.Min(owner.Cap, 1024 * 1024)));
        private long _bytes;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _bytes += chunk.Length;
            if (_buffer is null)
                return;
            if (_buffer.Length + chunk.Length > owner.Cap)
            {
                _buffer = null; // too large to hold: reported from its size alone
                return;
            }
            _buffer.Write(chunk);
        }

        public void Complete(bool truncated)
        {
            observation.Bytes = _bytes;
            owner._observations.Add(observation);
            if (_buffer is null)
            {
                observation.Incomplete = $"the PDB is larger than the symbol size limit ({Findings.ByteSize.FormatBinary(owner.Cap)}) and was not read";
                return;
            }
            if (truncated)
                observation.Incomplete = "the PDB was cut short (an archive limit or damage)";
            owner.Measure(observation, _buffer.Length == _buffer.Capacity ? _buffer.GetBuffer() : _buffer.ToArray());
            _buffer = null;
        }
    }

    /// <summary>Reads a PE image's debug directory; only images with an embedded PDB or a CodeView path are kept.</summary>
    private sealed class PeSink(DebugSymbolInspection owner, ArtifactEntry entry) : IEntryContentSink
    {
        private readonly PeDebugReader _reader = new(owner.Cap);

        public void Write(ReadOnlySpan<byte> chunk) => _reader.Write(chunk);

        public void Complete(bool truncated)
        {
            _reader.Complete(truncated);
            var data = _reader.Result;
            if (!data.HasDebugDirectory || (data.CodeViewPaths.Count == 0 && data.EmbeddedPdbSize is null))
                return;
            var observation = Observe(entry, data.EmbeddedPdbSize is null ? SymbolForm.PeImage : SymbolForm.EmbeddedPdb);
            observation.CodeViewPaths = data.CodeViewPaths;
            observation.Bytes = data.EmbeddedPdbSize ?? 0; // compressed, until it is inflated
            foreach (var path in data.CodeViewPaths)
                observation.Users.Scan(path, "codeview");
            if (data.Notes.Count > 0)
                observation.Incomplete = string.Join("; ", data.Notes);
            if (data.EmbeddedPdbData is { } compressed)
            {
                var pdb = EmbeddedPdb.Inflate(compressed, owner.Cap, out var problem);
                if (pdb is null)
                    observation.Incomplete ??= problem;
                else
                {
                    observation.Bytes = pdb.Length;
                    owner.Measure(observation, pdb);
                }
            }
            owner._observations.Add(observation);
        }
    }

    private sealed class ElfSink(DebugSymbolInspection owner, SymbolObservation observation) : IEntryContentSink
    {
        private readonly ElfDebugReader _reader = new(owner.Cap, observation.Users, owner.Cancellation);

        public void Write(ReadOnlySpan<byte> chunk) => _reader.Write(chunk);

        public void Complete(bool truncated)
        {
            _reader.Complete(truncated);
            if (_reader.Result is not { } elf)
                return;
            observation.Elf = elf;
            observation.Bytes = elf.DebugBytes;
            observation.Incomplete = elf.Incomplete;
            owner._observations.Add(observation);
        }
    }

    /// <summary>Searches a file's bytes for home directories (Windows PDBs, dSYM DWARF files).</summary>
    private sealed class StringsSink(DebugSymbolInspection owner, SymbolObservation observation) : IEntryContentSink
    {
        private readonly HomeMarkerScanner _scanner = new(observation.Users, "strings");
        private long _bytes;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _bytes += chunk.Length;
            _scanner.Write(chunk);
        }

        public void Complete(bool truncated)
        {
            _scanner.Complete();
            observation.Bytes = _bytes;
            if (truncated)
                observation.Incomplete = "the file was cut short (an archive limit or damage)";
            owner._observations.Add(observation);
        }
    }
}

/// <summary>The signatures of Windows PDB files.</summary>
internal static class WindowsPdb
{
    /// <summary>"MSF 7.00" (every PDB written since Visual C++ 7) or "2.00", or <see langword="null"/>.</summary>
    public static string? Format(ReadOnlySpan<byte> head) =>
        head.StartsWith("Microsoft C/C++ MSF 7.00\r\n"u8 + "\x1A"u8 + "DS\0\0\0"u8) ? "MSF 7.00"
        : head.StartsWith("Microsoft C/C++ program database 2.00\r\n"u8 + "\x1A"u8 + "JG\0\0"u8) ? "PDB 2.00"
        : null;
}

/// <summary>The magic numbers of Mach-O files.</summary>
internal static class MachO
{
    /// <summary>"Mach-O 64-bit", "Mach-O 32-bit" or "Mach-O universal", or <see langword="null"/>.</summary>
    public static string? Format(ReadOnlySpan<byte> head) => head.Length < 4 ? null : (head[0], head[1], head[2], head[3]) switch
    {
        (0xCF, 0xFA, 0xED, 0xFE) or (0xFE, 0xED, 0xFA, 0xCF) => "Mach-O 64-bit",
        (0xCE, 0xFA, 0xED, 0xFE) or (0xFE, 0xED, 0xFA, 0xCE) => "Mach-O 32-bit",
        (0xCA, 0xFE, 0xBA, 0xBE) or (0xCA, 0xFE, 0xBA, 0xBF) => "Mach-O universal",
        _ => null,
    };
}
