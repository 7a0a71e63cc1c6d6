using System.Xml;
using System.Xml.Linq;

namespace PackGuard.Dependencies.NuGet;

/// <summary>Loads MSBuild and NuGet XML safely: no DTDs, no external entities, no resolver, bounded size.</summary>
internal static class MsBuildXml
{
    /// <exception cref="XmlException">The text is not well-formed XML or uses a DTD.</exception>
    public static XDocument Load(string text, LockfileLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = limits.MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        // XmlReader has no depth limit, and its error for a file cut short lists every open element:
        // a first, streaming pass stops deep nesting before it costs time or a huge message.
        using (var check = XmlReader.Create(new StringReader(text), settings))
        {
            while (check.Read())
            {
                if (check.Depth > limits.MaxNesting)
                {
                    var line = check is IXmlLineInfo info ? info.LineNumber : 0;
                    throw new XmlException($"elements nested more than {limits.MaxNesting} levels deep (line {line})");
                }
            }
        }
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <summary>The line an element starts on, when known.</summary>
    public static int? LineOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
