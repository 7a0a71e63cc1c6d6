using System.Xml;
using System.Xml.Linq;

namespace PackGuard.Dependencies.NuGet;

/// <summary>
/// Reads the packages an MSBuild file declares: <c>PackageReference</c>,
/// <c>GlobalPackageReference</c> and <c>PackageVersion</c> items (<c>Include</c> or
/// <c>Update</c>; the version as an attribute or a child element; <c>VersionOverride</c>).
/// With central package management a project's references take their versions from the nearest
/// <c>Directory.Packages.props</c> above it. <c>$(Property)</c> versions are resolved from the
/// properties of the same files; conditions are not evaluated (every item counts).
/// </summary>
internal static class MsBuildReader
{
    private static readonly string[] ItemNames = ["PackageReference", "GlobalPackageReference", "PackageVersion"];

    public static void Read(string text, ReadContext context)
    {
        if (Load(text, context, null) is not { } document)
            return;
        var properties = Properties(document);
        var central = IsCentralFile(context.FullPath) ? null : CentralVersions(context, properties);
        foreach (var item in document.Descendants().Where(e => ItemNames.Contains(e.Name.LocalName, StringComparer.OrdinalIgnoreCase)))
        {
            var id = Attribute(item, "Include") ?? Attribute(item, "Update");
            if (string.IsNullOrWhiteSpace(id))
                continue;
            foreach (var single in id.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                Add(single, item, properties, central, context);
        }
        NuGetConfig.AddSources(context);
    }

    private static void Add(string id, XElement item, Dictionary<string, string> properties, Dictionary<string, string>? central, ReadContext context)
    {
        var written = Metadata(item, "VersionOverride") ?? Metadata(item, "Version");
        if (written is null && central is not null)
            central.TryGetValue(id, out written);
        var requested = written is null ? null : Expand(written, properties);
        var (version, range) = NuGetVersions.Split(requested);
        var privateAssets = Metadata(item, "PrivateAssets");
        context.Builder.Add(new Dependency(Ecosystems.NuGet, id, version)
        {
            Requested = range,
            Direct = true,
            // PrivateAssets="all" keeps a package (analyzers, build tools) out of what the project's consumers get.
            Dev = string.Equals(privateAssets?.Trim(), "all", StringComparison.OrdinalIgnoreCase)
                || string.Equals(Metadata(item, "DevelopmentDependency"), "true", StringComparison.OrdinalIgnoreCase),
            Kind = DependencyKind.Registry,
            Location = context.Builder.At(MsBuildXml.LineOf(item)),
        });
    }

    /// <summary>The versions the nearest Directory.Packages.props declares, when the project uses central package management.</summary>
    private static Dictionary<string, string>? CentralVersions(ReadContext context, Dictionary<string, string> projectProperties)
    {
        var path = context.Upward("Directory.Packages.props").FirstOrDefault();
        if (path is null || context.ReadOptional(path) is not { } text)
            return null;
        if (Load(text, context, context.DisplayOf(path)) is not { } document)
            return null;
        var properties = Properties(document);
        foreach (var (key, value) in projectProperties)
            properties.TryAdd(key, value);
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in document.Descendants().Where(e => e.Name.LocalName.Equals("PackageVersion", StringComparison.OrdinalIgnoreCase)))
        {
            var id = Attribute(item, "Include") ?? Attribute(item, "Update");
            if (id is not null && Metadata(item, "Version") is { } version)
                versions[id.Trim()] = Expand(version, properties);
        }
        return versions;
    }

    private static bool IsCentralFile(string path) =>
        Path.GetFileName(path).Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase);

    private static XDocument? Load(string text, ReadContext context, string? display)
    {
        try
        {
            return MsBuildXml.Load(text, context.Limits);
        }
        catch (XmlException e)
        {
            context.Builder.Problem($"not valid XML: {e.Message}", file: display);
            return null;
        }
    }

    /// <summary>The properties the file defines (the last definition wins, as in MSBuild's evaluation order).</summary>
    private static Dictionary<string, string> Properties(XDocument document)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in document.Descendants().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            foreach (var property in group.Elements())
                properties[property.Name.LocalName] = property.Value.Trim();
        }
        return properties;
    }

    /// <summary><c>$(Name)</c> replaced by the property's value where the file defines it (one level, no functions).</summary>
    private static string Expand(string value, Dictionary<string, string> properties)
    {
        var start = value.IndexOf("$(", StringComparison.Ordinal);
        if (start < 0)
            return value.Trim();
        var result = new System.Text.StringBuilder();
        var position = 0;
        while (start >= 0)
        {
            var end = value.IndexOf(')', start);
            if (end < 0)
                break;
            result.Append(value, position, start - position);
            var name = value[(start + 2)..end];
            result.Append(properties.TryGetValue(name, out var replacement) && !replacement.Contains("$(", StringComparison.Ordinal) ? replacement : value[start..(end + 1)]);
            position = end + 1;
            start = value.IndexOf("$(", position, StringComparison.Ordinal);
        }
        result.Append(value, position, value.Length - position);
        return result.ToString().Trim();
    }

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>Item metadata: an attribute or a child element of that name.</summary>
    private static string? Metadata(XElement element, string name) =>
        Attribute(element, name) ?? element.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Trim();
}
