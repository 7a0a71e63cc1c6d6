using System.Diagnostics;
using PackGuard.Artifacts;
using PackGuard.Artifacts.Metadata;
using PackGuard.Artifacts.Walking;
using PackGuard.Findings;
using PackGuard.Inspectors;
using PackGuard.Inspectors.Secrets;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Scanning;

namespace PackGuard.Bench;

/// <summary>Files that take the same path through the scanner, timed together.</summary>
internal sealed record FileGroup(string Name, IReadOnlyList<CorpusFile> Files)
{
    public long Bytes { get; } = Files.Sum(f => (long)f.Bytes.Length);
}

/// <summary>One group's figures in one run: wall-clock time, process CPU time, and what was found.</summary>
internal readonly record struct Sample(TimeSpan Wall, TimeSpan Cpu, long Hits);

/// <summary>A way through the secret scanner, run over the whole corpus group by group on this thread.</summary>
internal abstract class SecretPass
{
    protected SecretPass(string name, string description, IReadOnlyList<FileGroup> groups)
    {
        Name = name;
        Description = description;
        Groups = groups;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<FileGroup> Groups { get; }

    /// <summary>What <see cref="Sample.Hits"/> counts.</summary>
    public abstract string HitsLabel { get; }

    /// <summary>Scans every group once; one sample per group, in order.</summary>
    public Sample[] Run()
    {
        Begin();
        var samples = new Sample[Groups.Count];
        for (var g = 0; g < Groups.Count; g++)
        {
            var hitsBefore = Hits;
            var cpu = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            foreach (var file in Groups[g].Files)
                Scan(file, g);
            var wall = clock.Elapsed;
            samples[g] = new Sample(wall, Environment.CpuUsage.TotalTime - cpu, Hits - hitsBefore);
        }
        return samples;
    }

    protected abstract long Hits { get; }

    protected virtual void Begin()
    {
    }

    protected abstract void Scan(CorpusFile file, int group);

    /// <summary>Feeds the content in the chunks the archive walker hands to sinks.</summary>
    protected static void Feed(IEntryContentSink sink, byte[] bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += EntryReader.ChunkSize)
            sink.Write(bytes.AsSpan(offset, Math.Min(EntryReader.ChunkSize, bytes.Length - offset)));
        sink.Complete(truncated: false);
    }
}

/// <summary>
/// The engine alone, as the inspector drives it: a <see cref="SecretTextScanner"/> per text file,
/// <see cref="BinaryStrings"/> in front of one per binary (NUL in the first 8 KiB). Source maps
/// are scanned as plain text here, whole, as a text scanner without map support would.
/// </summary>
internal sealed class EnginePass : SecretPass
{
    private const int MapGroup = 0;
    private const int BinaryGroup = 2;

    private readonly SecretEngine _engine;
    private readonly HitCounter _hits = new();

    public EnginePass(SecretEngine engine, IReadOnlyList<CorpusFile> corpus)
        : base("engine", "SecretTextScanner on text, BinaryStrings on binaries (NUL in the first 8 KiB); maps scanned as plain text", GroupsOf(corpus))
    {
        _engine = engine;
    }

    public override string HitsLabel => "hits";

    /// <summary>Hits of the last run by rule, most first.</summary>
    public IEnumerable<(string Rule, long Hits)> HitsByRule => _hits.ByRule.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value));

    protected override long Hits => _hits.Total;

    protected override void Begin() => _hits.Clear();

    protected override void Scan(CorpusFile file, int group)
    {
        var scanner = new SecretTextScanner(_engine, _hits);
        if (group == BinaryGroup)
            Feed(new BinarySink(new BinaryStrings(scanner)), file.Bytes);
        else
            Feed(new TextSink(scanner), file.Bytes);
    }

    private static FileGroup[] GroupsOf(IReadOnlyList<CorpusFile> corpus)
    {
        var byGroup = corpus.ToLookup(f => f.IsBinary ? BinaryGroup : SourceMapInspection.IsMapCandidate(f.Entry, f.Head) ? MapGroup : 1);
        return [new("maps, as text", [.. byGroup[MapGroup]]), new("text", [.. byGroup[1]]), new("binary", [.. byGroup[BinaryGroup]])];
    }

    private sealed class TextSink(SecretTextScanner scanner) : IEntryContentSink
    {
        public void Write(ReadOnlySpan<byte> chunk) => scanner.Write(chunk);

        public void Complete(bool truncated) => scanner.Complete();
    }

    private sealed class BinarySink(BinaryStrings strings) : IEntryContentSink
    {
        public void Write(ReadOnlySpan<byte> chunk) => strings.Write(chunk);

        public void Complete(bool truncated) => strings.Complete();
    }

    private sealed class HitCounter : ISecretHitSink
    {
        public long Total { get; private set; }

        public Dictionary<string, long> ByRule { get; } = new(StringComparer.Ordinal);

        public void OnHit(in SecretHit hit)
        {
            Total++;
            ByRule[hit.Rule.Id] = ByRule.GetValueOrDefault(hit.Rule.Id) + 1;
        }

        public void Clear()
        {
            Total = 0;
            ByRule.Clear();
        }
    }
}

/// <summary>
/// The whole secret inspector, as a scan runs it over one artifact: media skipped, source maps
/// read as maps (each <c>sourcesContent</c> entry scanned as its own file, findings placed at
/// the original source), findings redacted and fingerprinted.
/// </summary>
internal sealed class InspectorPass : SecretPass
{
    private readonly SecretInspector _inspector = new(SecretFingerprinter.Ephemeral());
    private readonly IReadOnlyList<CorpusFile> _corpus;
    private FindingList _findings = new();
    private IArtifactInspection? _inspection;
    private EntryFanOut? _fanOut;

    public InspectorPass(IReadOnlyList<CorpusFile> corpus)
        : base("inspector", "SecretInspector as in a scan: maps read as maps (each source alone), media skipped, findings fingerprinted", GroupsOf(corpus))
    {
        _corpus = corpus;
    }

    public override string HitsLabel => "findings";

    protected override long Hits => _findings.Findings.Count;

    protected override void Begin()
    {
        _inspection?.Complete(new ArtifactSummary(PackageMetadata.None, _corpus.Select(f => f.EntryPath)));
        _findings = new FindingList();
        _inspection = _inspector.Begin(new InspectionContext(_findings, ArtifactLimits.Default, CancellationToken.None));
        // As the scanner does: maps are parsed once by the shared reader and handed to the inspection.
        _fanOut = new EntryFanOut([_inspection]);
    }

    protected override void Scan(CorpusFile file, int group)
    {
        if (_fanOut!.OnEntry(file.Entry, file.Head) is { } sink)
            Feed(sink, file.Bytes);
    }

    // The inspector chooses each file's path; ask a throwaway inspection which files it skips.
    private static FileGroup[] GroupsOf(IReadOnlyList<CorpusFile> corpus)
    {
        var probe = new EntryFanOut([new SecretInspector(SecretFingerprinter.Ephemeral()).Begin(new InspectionContext(new FindingList(), ArtifactLimits.Default, CancellationToken.None))]);
        var byGroup = corpus.ToLookup(f =>
            SourceMapInspection.IsMapCandidate(f.Entry, f.Head) ? 0 :
            probe.OnEntry(f.Entry, f.Head) is null ? 3 :
            f.IsBinary ? 2 : 1);
        return [new("maps, map-aware", [.. byGroup[0]]), new("text", [.. byGroup[1]]), new("binary", [.. byGroup[2]]), new("skipped (media)", [.. byGroup[3]])];
    }
}
