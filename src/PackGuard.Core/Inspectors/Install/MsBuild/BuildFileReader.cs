using System.Xml;
using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Inspectors.Install.MsBuild;

/// <summary>
/// Reads a NuGet targets or props file (bounded bytes, DTDs refused, no resolver) and finds what it
/// runs. Every attribute value and text node is analysed decoded, so <c>&amp;#124;</c> cannot hide a
/// pipe and a command kept in a property is read where it is written. Malformed XML is analysed as
/// raw text: a file MSBuild would reject still ships, and its text still says what it meant to do.
/// </summary>
internal static class BuildFileReader
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static BuildFile Read(ReadOnlySpan<byte> utf8)
    {
        var commands = new List<(string, int)>();
        var inline = new List<string>();
        var assemblies = new List<string>();
        var downloads = new List<string>();
        var hits = new List<BehaviourHit>();
        var facts = ScriptFacts.None;
        try
        {
            using var stream = new MemoryStream(utf8.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxBytes * 2L,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            });
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var line = info.LineNumber;
                    switch (reader.LocalName)
                    {
                        case "Exec" when reader.GetAttribute("Command") is { } command:
                            commands.Add((command, line));
                            break;
                        case "UsingTask":
                            var factory = reader.GetAttribute("TaskFactory") ?? "";
                            if (factory.Contains("CodeTaskFactory", StringComparison.OrdinalIgnoreCase))
                                inline.Add(reader.GetAttribute("TaskName") ?? "(unnamed)");
                            else if ((reader.GetAttribute("AssemblyFile") ?? reader.GetAttribute("AssemblyName")) is { } assembly)
                                assemblies.Add(Path.GetFileName(assembly.Replace('\\', '/')));
                            break;
                        case "DownloadFile":
                            downloads.Add(reader.GetAttribute("SourceUrl") ?? "(a URL)");
                            break;
                    }
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                            Analyze(reader.Value, info.LineNumber, info.LinePosition, hits, ref facts);
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    Analyze(reader.Value, info.LineNumber, info.LinePosition, hits, ref facts);
            }
        }
        catch (XmlException)
        {
            var raw = ScriptScanner.Analyze(System.Text.Encoding.UTF8.GetString(utf8), Dialect.MsBuild);
            return new BuildFile(commands, inline, assemblies, downloads, raw, Malformed: true);
        }
        // A file that downloads and executes within one build runs what it downloaded.
        if (downloads.Count > 0 && commands.Count > 0)
        {
            var (command, line) = commands[0];
            hits.Add(new BehaviourHit(BehaviourKind.DownloadsAndRuns, line, 1, $"DownloadFile {Excerpt.Line(downloads[0], 60)} … Exec {Excerpt.Line(command, 60)}", "DownloadFile … Exec"));
        }
        var distinct = hits.DistinctBy(h => (h.Kind, h.Line)).OrderBy(h => h.Line).ThenBy(h => h.Column).ToList();
        return new BuildFile(commands, inline, assemblies, downloads, new ScriptAnalysis(distinct, facts, []), Malformed: false);
    }

    private static void Analyze(string value, int line, int column, List<BehaviourHit> hits, ref ScriptFacts facts)
    {
        if (value.Length < 4 || hits.Count >= 64)
            return;
        var analysis = ScriptScanner.Analyze(value, Dialect.MsBuild, ScanMode.File, line, column);
        hits.AddRange(analysis.Hits);
        facts |= analysis.Facts;
    }
}
