using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using PackGuard.Inspectors.DebugSymbols.Pdb;

namespace PackGuard.Inspectors.DebugSymbols.Samples;

/// <summary>A source document of a sample PDB: its path and, when embedded, its text.</summary>
internal sealed record SampleDocument(string Path, string? Source = null);

/// <summary>
/// Builds real portable PDBs and .NET DLLs for rule samples and tests, with the writers of
/// System.Reflection.Metadata (<see cref="PortablePdbBuilder"/>, <see cref="ManagedPEBuilder"/>)
/// that the compilers use. The output is deterministic: fixed ids, no time stamps.
/// </summary>
internal static class PdbSamples
{
    private static readonly Guid Sha256Algorithm = new("8829d00f-11b8-4213-878b-770e8597ac16");
    private static readonly Guid CSharp = new("3f5162f8-07c6-11d3-9053-00c04fa302a1");
    private static readonly Guid Mvid = new("5b2c1b3c-0000-4000-8000-00000000ac3e");
    private static readonly BlobContentId PdbId = new(new Guid("0e4a7c3d-1f2b-4c5d-9e8f-7a6b5c4d3e2f"), 0x5EED5EED);
    private const ushort PortablePdbVersion = 0x0100;

    /// <summary>A standalone portable PDB naming <paramref name="documents"/>, with an optional Source Link document.</summary>
    public static byte[] PortablePdb(IReadOnlyList<SampleDocument> documents, string? sourceLink = null)
    {
        var builder = new BlobBuilder();
        Pdb(documents, sourceLink, Assembly().GetRowCounts()).Serialize(builder);
        return builder.ToArray();
    }

    /// <summary>
    /// A .NET class library whose debug directory holds a CodeView entry naming <paramref name="pdbPath"/>
    /// and, when <paramref name="embedded"/> is given, an EmbeddedPortablePdb entry holding a PDB of those documents.
    /// </summary>
    public static byte[] Dll(string pdbPath, IReadOnlyList<SampleDocument>? embedded = null, string? sourceLink = null)
    {
        var metadata = Assembly();
        var debug = new DebugDirectoryBuilder();
        debug.AddCodeViewEntry(pdbPath, PdbId, PortablePdbVersion);
        debug.AddReproducibleEntry();
        if (embedded is not null)
        {
            var pdb = new BlobBuilder();
            Pdb(embedded, sourceLink, metadata.GetRowCounts()).Serialize(pdb);
            debug.AddEmbeddedPortablePdbEntry(pdb, PortablePdbVersion);
        }
        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder(),
            debugDirectoryBuilder: debug, deterministicIdProvider: _ => new BlobContentId(Mvid, 0x5EED5EED));
        var image = new BlobBuilder();
        pe.Serialize(image);
        return image.ToArray();
    }

    /// <summary>A Source Link document mapping <paramref name="root"/> to <paramref name="url"/>.</summary>
    public static string SourceLink(string root, string url) =>
        new System.Text.Json.Nodes.JsonObject { ["documents"] = new System.Text.Json.Nodes.JsonObject { [root + "*"] = url + "*" } }.ToJsonString();

    private static MetadataBuilder Assembly()
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString("Acme.Secret.dll"), metadata.GetOrAddGuid(Mvid), default, default);
        metadata.AddAssembly(metadata.GetOrAddString("Acme.Secret"), new Version(1, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.None);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        return metadata;
    }

    private static PortablePdbBuilder Pdb(IReadOnlyList<SampleDocument> documents, string? sourceLink, ImmutableArray<int> rowCounts)
    {
        var metadata = new MetadataBuilder();
        var embeddedSource = metadata.GetOrAddGuid(PortablePdbAnalyzer.EmbeddedSourceKind);
        foreach (var document in documents)
        {
            var text = Encoding.UTF8.GetBytes(document.Source ?? document.Path);
            var handle = metadata.AddDocument(metadata.GetOrAddDocumentName(document.Path), metadata.GetOrAddGuid(Sha256Algorithm),
                metadata.GetOrAddBlob(SHA256.HashData(text)), metadata.GetOrAddGuid(CSharp));
            if (document.Source is not null)
                metadata.AddCustomDebugInformation(handle, embeddedSource, metadata.GetOrAddBlob(EmbeddedSourceBlob(text)));
        }
        if (sourceLink is not null)
            metadata.AddCustomDebugInformation(EntityHandle.ModuleDefinition, metadata.GetOrAddGuid(PortablePdbAnalyzer.SourceLinkKind),
                metadata.GetOrAddBlob(Encoding.UTF8.GetBytes(sourceLink)));
        return new PortablePdbBuilder(metadata, rowCounts, default, _ => PdbId);
    }

    /// <summary>As the compilers write it: text under 200 bytes stored as is (format 0), longer text deflated after its size.</summary>
    private static byte[] EmbeddedSourceBlob(byte[] text)
    {
        using var blob = new MemoryStream();
        if (text.Length < 200)
        {
            blob.Write(BitConverter.GetBytes(0));
            blob.Write(text);
            return blob.ToArray();
        }
        blob.Write(BitConverter.GetBytes(text.Length));
        using (var deflate = new DeflateStream(blob, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(text);
        return blob.ToArray();
    }
}
