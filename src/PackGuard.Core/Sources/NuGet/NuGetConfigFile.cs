using System.Xml;
using System.Xml.Linq;

namespace PackGuard.Sources.NuGet;

/// <summary>An <c>&lt;add&gt;</c> or <c>&lt;clear /&gt;</c> in a section, in document order.</summary>
internal sealed record NuGetConfigItem(bool IsClear, string Key, string Value, string? ProtocolVersion);

/// <summary>
/// The sections of one <c>NuGet.Config</c> file that decide where packages come from. Element
/// and attribute names match case-insensitively, as NuGet's do; <c>%VAR%</c> in values is
/// expanded. The XML is read without DTDs or external resolution.
/// </summary>
internal sealed record NuGetConfigFile(
    string Path,
    IReadOnlyList<NuGetConfigItem> PackageSources,
    IReadOnlyList<NuGetConfigItem> DisabledPackageSources,
    IReadOnlyDictionary<string, NuGetCredential> Credentials)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <exception cref="SourceConfigurationException">The file cannot be read or is not a NuGet configuration.</exception>
    public static NuGetConfigFile Load(string path, Func<string, string?> getVariable)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(path, settings);
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new SourceConfigurationException($"Could not read NuGet configuration {path}: {ex.Message}", ex);
        }
        if (document.Root is not { } root || !Is(root, "configuration"))
            throw new SourceConfigurationException($"{path} is not a NuGet configuration: its root element must be <configuration>.");

        string Expand(string value) => ExpandVariables(value, getVariable);
        var credentials = new Dictionary<string, NuGetCredential>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in Section(root, "packageSourceCredentials")?.Elements() ?? [])
        {
            var values = source.Elements().Where(e => Is(e, "add"))
                .Select(e => (Key: Attribute(e, "key"), Value: Attribute(e, "value")))
                .Where(kv => kv.Key is not null && kv.Value is not null)
                .ToDictionary(kv => kv.Key!, kv => Expand(kv.Value!), StringComparer.OrdinalIgnoreCase);
            // Element names cannot hold spaces, so NuGet writes "My Feed" as My_x0020_Feed.
            credentials[XmlConvert.DecodeName(source.Name.LocalName)] = new NuGetCredential(
                values.GetValueOrDefault("Username"),
                values.GetValueOrDefault("ClearTextPassword"),
                values.ContainsKey("Password"));
        }

        return new NuGetConfigFile(path, Items(root, "packageSources", Expand), Items(root, "disabledPackageSources", Expand), credentials);
    }

    /// <summary>NuGet's <c>%NAME%</c> expansion; an unset variable stays as written.</summary>
    internal static string ExpandVariables(string value, Func<string, string?> getVariable)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            var close = value[i] == '%' ? value.IndexOf('%', i + 1) : -1;
            if (close > i + 1 && getVariable(value[(i + 1)..close]) is { } replacement)
            {
                result.Append(replacement);
                i = close + 1;
            }
            else
            {
                result.Append(value[i]);
                i++;
            }
        }
        return result.ToString();
    }

    private static List<NuGetConfigItem> Items(XElement root, string section, Func<string, string> expand)
    {
        var items = new List<NuGetConfigItem>();
        foreach (var element in Section(root, section)?.Elements() ?? [])
        {
            if (Is(element, "clear"))
                items.Add(new NuGetConfigItem(true, "", "", null));
            else if (Is(element, "add") && Attribute(element, "key") is { } key && Attribute(element, "value") is { } value)
                items.Add(new NuGetConfigItem(false, key, expand(value), Attribute(element, "protocolVersion")));
        }
        return items;
    }

    private static XElement? Section(XElement root, string name) => root.Elements().LastOrDefault(e => Is(e, name));

    private static bool Is(XElement element, string name) =>
        string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
