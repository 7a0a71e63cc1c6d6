using System.Buffers;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Runtime.InteropServices;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.DebugSymbols.Pdb;

/// <summary>
/// Reads a portable PDB with System.Reflection.Metadata: its documents, the sources embedded in
/// them (custom debug information <c>0E8A571B-6926-466E-B4AD-8AB04611F5FE</c>, raw or deflated) and
/// its Source Link document. The PDB is hostile input: damage ends the reading with what was
/// measured so far, and decompression is bounded by a byte budget.
/// </summary>
internal static class PortablePdbAnalyzer
{
    public static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    public static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    /// <summary>The first four bytes of every ECMA-335 metadata root, a portable PDB's included ("BSJB").</summary>
    public static ReadOnlySpan<byte> Signature => "BSJB"u8;

    private const int MaxExamples = 5;

    /// <summary>Measures the PDB in <paramref name="image"/>; home directories in its paths go to <paramref name="users"/>.</summary>
    /// <param name="image">The whole PDB.</param>
    /// <param name="budget">Most bytes of embedded source decompressed to count lines.</param>
    /// <param name="users">Collects the home directories the document paths reveal.</param>
    /// <param name="cancellationToken">Cancelled when the scan is abandoned.</param>
    public static PdbMeasurement Analyze(byte[] image, long budget, UserPathSet users, CancellationToken cancellationToken)
    {
        var state = new State(budget);
        try
        {
            using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableCollectionsMarshal.AsImmutableArray(image));
            var reader = provider.GetMetadataReader();
            state.SourceLink = ReadSourceLink(reader);
            foreach (var root in state.SourceLink?.LocalRoots ?? [])
                users.Scan(root, "source-link");
            foreach (var handle in reader.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = reader.GetDocument(handle);
                var name = document.Name.IsNil ? "" : reader.GetString(document.Name);
                state.Documents++;
                users.Scan(name, "document");
                foreach (var cdiHandle in reader.GetCustomDebugInformation(handle))
                {
                    var cdi = reader.GetCustomDebugInformation(cdiHandle);
                    if (!cdi.Kind.IsNil && reader.GetGuid(cdi.Kind) == EmbeddedSourceKind)
                    {
                        state.Embedded(name, reader.GetBlobReader(cdi.Value));
                        break;
                    }
                }
            }
        }
        catch (Exception e) when (IsMalformed(e))
        {
            state.Incomplete ??= $"the PDB is malformed ({e.Message.TrimEnd('.')})";
        }
        return state.Result();
    }

    private static SourceLinkMap? ReadSourceLink(MetadataReader reader)
    {
        foreach (var cdiHandle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var cdi = reader.GetCustomDebugInformation(cdiHandle);
            if (!cdi.Kind.IsNil && reader.GetGuid(cdi.Kind) == SourceLinkKind)
                return SourceLinkMap.Parse(reader.GetBlobBytes(cdi.Value));
        }
        return null;
    }

    /// <summary>What System.Reflection.Metadata and the decompressor throw on damaged input.</summary>
    public static bool IsMalformed(Exception e) =>
        e is BadImageFormatException or InvalidOperationException or ArgumentException or OverflowException
            or InvalidDataException or IOException or NotSupportedException or IndexOutOfRangeException;

    private sealed class State(long budget)
    {
        private readonly List<string> _firstParty = [];
        private long _decompressed;

        public int Documents { get; set; }
        public SourceLinkMap? SourceLink { get; set; }
        public string? Incomplete { get; set; }
        private int _embedded;
        private int _generated;
        private long _firstPartyBytes;
        private long _firstPartyLines;
        private long _generatedBytes;

        /// <summary>
        /// An EmbeddedSource blob: a 32-bit format, then the text. Format 0 means the text is stored
        /// as is; a positive format is the text's size, deflate-compressed after it.
        /// </summary>
        public void Embedded(string name, BlobReader blob)
        {
            _embedded++;
            var generated = DocumentClassifier.IsGenerated(name);
            if (blob.Length < 4)
            {
                Incomplete ??= $"the embedded source of {name} is malformed";
                return;
            }
            var format = blob.ReadInt32();
            var stored = blob.ReadBytes(blob.RemainingBytes);
            var meter = new ContentMeter();
            if (format == 0)
                meter.Add(stored);
            else if (format > 0)
                Inflate(name, stored, format, ref meter);
            else
                Incomplete ??= $"the embedded source of {name} has an unknown format ({format})";
            var bytes = format > 0 ? format : meter.Bytes;
            if (generated)
            {
                _generated++;
                _generatedBytes += bytes;
                return;
            }
            _firstParty.Add(name);
            _firstPartyBytes += bytes;
            _firstPartyLines += meter.Lines;
        }

        private void Inflate(string name, byte[] deflated, int size, ref ContentMeter meter)
        {
            if (_decompressed + size > budget)
            {
                Incomplete ??= "the embedded sources are larger than the symbol size limit; lines were counted for the sources within it, bytes are the sizes the PDB declares";
                return;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                using var inflater = new DeflateStream(new MemoryStream(deflated, writable: false), CompressionMode.Decompress);
                long total = 0;
                int read;
                // Never past the declared size: a blob that inflates further is damaged (or a bomb).
                while (total < size && (read = inflater.Read(buffer, 0, (int)Math.Min(buffer.Length, size - total))) > 0)
                {
                    meter.Add(buffer.AsSpan(0, read));
                    total += read;
                }
                _decompressed += total;
                if (total < size)
                    Incomplete ??= $"the embedded source of {name} is shorter than it declares";
            }
            catch (InvalidDataException)
            {
                Incomplete ??= $"the embedded source of {name} does not inflate";
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public PdbMeasurement Result() => new()
        {
            Documents = Documents,
            EmbeddedDocuments = _embedded,
            GeneratedEmbeddedDocuments = _generated,
            FirstPartyBytes = _firstPartyBytes,
            FirstPartyLines = _firstPartyLines,
            GeneratedBytes = _generatedBytes,
            TopDirectories = TopDirectories(_firstParty),
            ExampleDocuments = [.. _firstParty.Take(MaxExamples)],
            SourceLink = SourceLink,
            Incomplete = Incomplete,
        };

        /// <summary>Counts documents per directory below the documents' common root.</summary>
        private static IReadOnlyList<NamedCount> TopDirectories(List<string> documents)
        {
            if (documents.Count == 0)
                return [];
            var paths = documents.Select(d => d.Replace('\\', '/')).ToList();
            var root = paths[0][..(paths[0].LastIndexOf('/') + 1)];
            foreach (var path in paths)
            {
                while (root.Length > 0 && !path.StartsWith(root, StringComparison.Ordinal))
                    root = root[..(root.TrimEnd('/').LastIndexOf('/') + 1)];
            }
            return [.. paths
                .Select(p => p[root.Length..])
                .Select(p => p.LastIndexOf('/') is var slash and > 0 ? p[..slash] : ".")
                .GroupBy(d => d, StringComparer.Ordinal)
                .Select(g => new NamedCount(g.Key, g.LongCount()))
                .OrderByDescending(c => c.Files)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(10)];
        }
    }
}
