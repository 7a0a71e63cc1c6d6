using System.Xml;
using System.Xml.Linq;

namespace PackGuard.Dependencies.NuGet;

/// <summary>
/// Reads NuGet's legacy <c>packages.config</c>: one <c>&lt;package id version /&gt;</c> per package
/// the project uses, transitive ones included (the file is its own lock); those marked
/// <c>developmentDependency</c> are for development.
/// </summary>
internal static class PackagesConfigReader
{
    public static void Read(string text, ReadContext context)
    {
        XDocument document;
        try
        {
            document = MsBuildXml.Load(text, context.Limits);
        }
        catch (XmlException e)
        {
            context.Builder.Problem($"not valid XML: {e.Message}");
            return;
        }
        foreach (var package in document.Root?.Elements().Where(e => e.Name.LocalName == "package") ?? [])
        {
            var id = ((string?)package.Attribute("id"))?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                context.Builder.Problem("a <package> without an id", MsBuildXml.LineOf(package));
                continue;
            }
            context.Builder.Add(new Dependency(Ecosystems.NuGet, id, ((string?)package.Attribute("version"))?.Trim())
            {
                Requested = (string?)package.Attribute("allowedVersions"),
                Direct = true,
                Dev = string.Equals((string?)package.Attribute("developmentDependency"), "true", StringComparison.OrdinalIgnoreCase),
                Kind = DependencyKind.Registry,
                Location = context.Builder.At(MsBuildXml.LineOf(package)),
            });
        }
        NuGetConfig.AddSources(context);
    }
}
