using System.Xml;
using System.Xml.Linq;

namespace PackGuard.Dependencies.NuGet;

/// <summary>
/// The feeds NuGet restores from, as the project's NuGet.Config files (the nearest first, up the
/// directory tree as NuGet reads them) declare them: <c>packageSources</c> and
/// <c>packageSourceMapping</c>. The user's own configuration is not the project's and is not read.
/// </summary>
internal static class NuGetConfig
{
    public static void AddSources(ReadContext context)
    {
        foreach (var path in context.Upward("nuget.config", anyCase: true))
        {
            var text = context.ReadOptional(path);
            if (text is null)
                continue;
            var display = context.DisplayOf(path);
            XDocument document;
            try
            {
                document = MsBuildXml.Load(text, context.Limits);
            }
            catch (XmlException e)
            {
                context.Builder.Problem($"not valid XML: {e.Message}", file: display);
                continue;
            }
            var urls = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var add in Elements(document, "packageSources", "add"))
            {
                var key = (string?)add.Attribute("key");
                var value = (string?)add.Attribute("value");
                if (key is null || value is null)
                    continue;
                urls[key] = value;
                context.Builder.Source(new PackageSource(value, PackageSourceKind.Index, new DependencyLocation(display, MsBuildXml.LineOf(add))) { Name = key });
            }
            foreach (var source in Elements(document, "packageSourceMapping", "packageSource"))
            {
                var key = (string?)source.Attribute("key") ?? "";
                foreach (var package in source.Elements().Where(e => e.Name.LocalName == "package"))
                {
                    context.Builder.Source(new PackageSource(urls.GetValueOrDefault(key, key), PackageSourceKind.Scoped, new DependencyLocation(display, MsBuildXml.LineOf(package)))
                    {
                        Name = key,
                        Scope = (string?)package.Attribute("pattern"),
                    });
                }
            }
            // <clear/> means the configuration above this file is not used.
            if (Elements(document, "packageSources", "clear").Any())
                break;
        }
    }

    private static IEnumerable<XElement> Elements(XDocument document, string section, string name) =>
        document.Root?.Elements().Where(e => e.Name.LocalName == section).SelectMany(e => e.Elements()).Where(e => e.Name.LocalName == name) ?? [];
}
