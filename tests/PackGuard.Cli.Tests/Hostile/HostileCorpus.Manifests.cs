using System.IO.Compression;
using System.Text;

namespace PackGuard.Cli.Tests.Hostile;

internal static partial class HostileCorpus
{
    /// <summary>A package.json cut off in the middle of its dependencies.</summary>
    public const string TruncatedPackageJson = """{"name":"hostile-pkg","version":"6.6.6","license":"UNLICENSED","dependencies":{"left-pad":"^1.0.0","lodash":""";

    /// <summary>A package.json whose every field PackGuard reads has the wrong JSON type.</summary>
    public const string WrongTypesPackageJson = """{"name":42,"version":["6.6.6"],"license":{"type":false},"licenses":"MIT","private":"yes please","files":"dist","repository":7,"scripts":["postinstall"],"dependencies":["left-pad"],"devDependencies":null}""";

    /// <summary>A .nuspec cut off inside its metadata.</summary>
    public const string TruncatedNuspec = """<?xml version="1.0" encoding="utf-8"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>Hostile.Package</id><version>6.6.6</version><license type="expression">MIT</lic""";

    /// <summary>The "billion laughs": ten levels of entities, each ten of the one below, 10^9 "lol"s once expanded.</summary>
    public static string BillionLaughsNuspec { get; } =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE package [\n  <!ENTITY lol0 \"lol\">\n"
        + string.Concat(Enumerable.Range(1, 9).Select(i => $"  <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n"))
        + "]>\n<package><metadata><id>Hostile.Package</id><version>6.6.6</version><description>&lol9;</description></metadata></package>\n";

    /// <summary>A .nuspec whose DOCTYPE pulls an external entity: the machine's password file and a URL.</summary>
    public const string ExternalEntityNuspec = """
        <?xml version="1.0"?>
        <!DOCTYPE package [
          <!ENTITY passwd SYSTEM "file:///etc/passwd">
          <!ENTITY remote SYSTEM "http://127.0.0.1:9/steal">
        ]>
        <package><metadata><id>Hostile.Package</id><version>6.6.6</version><description>&passwd;&remote;</description></metadata></package>
        """;

    /// <summary>An npm tarball whose package.json is <paramref name="manifest"/>.</summary>
    public static void NpmPackage(Stream output, string manifest) => TarGz(output, tar =>
    {
        tar.File("package/package.json", manifest);
        tar.File("package/index.js", "module.exports = 1;\n");
    });

    /// <summary>A package.json of <paramref name="size"/> bytes: the usual fields, then one vast description.</summary>
    public static void GiantPackageJson(Stream output, long size) => TarGz(output, tar =>
    {
        var head = Encoding.ASCII.GetBytes("""{"name":"hostile-pkg","version":"6.6.6","license":"UNLICENSED","description":" """);
        var tail = Encoding.ASCII.GetBytes("\"}");
        tar.File("package/package.json", size, s =>
        {
            s.Write(head);
            WriteCode(s, size - head.Length - tail.Length);
            s.Write(tail);
        });
        tar.File("package/index.js", "module.exports = 1;\n");
    }, CompressionLevel.Fastest);

    /// <summary>A package.json with <paramref name="count"/> dependencies.</summary>
    public static void PackageJsonWithManyDependencies(Stream output, int count) => TarGz(output, tar =>
    {
        var json = new StringBuilder("""{"name":"hostile-pkg","version":"6.6.6","license":"UNLICENSED","dependencies":{""", count * 24);
        for (var i = 0; i < count; i++)
            json.Append(i == 0 ? "" : ",").Append("\"dep-").Append(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).Append("\":\"^1.0.0\"");
        json.Append("}}");
        tar.File("package/package.json", json.ToString());
        tar.File("package/index.js", "module.exports = 1;\n");
    }, CompressionLevel.Fastest);

    /// <summary>A package.json nested <paramref name="depth"/> objects deep inside its dependencies.</summary>
    public static string DeeplyNestedPackageJson(int depth) =>
        """{"name":"hostile-pkg","version":"6.6.6","license":"UNLICENSED","dependencies":"""
        + Repeat("{\"a\":", depth) + "1" + Repeat("}", depth) + "}";

    /// <summary>A .nupkg whose manifest is <paramref name="nuspec"/>.</summary>
    public static byte[] NuGetPackage(string nuspec) => ZipBytes(
        ("Hostile.Package.nuspec", Encoding.UTF8.GetBytes(nuspec)),
        ("lib/net8.0/readme.txt", "nothing here\n"u8.ToArray()));

    /// <summary>A .nuspec declaring <paramref name="count"/> dependencies.</summary>
    public static string NuspecWithManyDependencies(int count)
    {
        var xml = new StringBuilder("""<?xml version="1.0"?><package><metadata><id>Hostile.Package</id><version>6.6.6</version><license type="expression">MIT</license><dependencies><group targetFramework="net8.0">""", count * 50);
        for (var i = 0; i < count; i++)
            xml.Append("<dependency id=\"Dep.").Append(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).Append("\" version=\"1.0.0\" />");
        return xml.Append("</group></dependencies></metadata></package>").ToString();
    }

    /// <summary>
    /// A package shipping every lockfile format malformed (truncated JSON, wrong types, a YAML
    /// alias bomb, garbage) and a package-lock.json of <paramref name="giantSize"/> bytes.
    /// </summary>
    public static void MalformedLockfiles(Stream output, long giantSize) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/package-lock.json", """{"name":"hostile-pkg","lockfileVersion":3,"packages":{"":{"name":"hostile-pkg"},"node_modules/left-pad":{"version":""");
        tar.File("package/packages.lock.json", """{"version":"one","dependencies":["net8.0",{"Newtonsoft.Json":7}],"dependencies":null}""");
        tar.File("package/yarn.lock", "# yarn lockfile v1\n\n\"left-pad@^1.0.0\":\n  version \"1.3.0\n  resolved\n\u0000\u0001\u0002 integrity sha512-\n    dependencies:\n      \"\n");
        tar.File("package/pnpm-lock.yaml", YamlAliasBomb());
        var head = Encoding.ASCII.GetBytes("""{"name":"hostile-pkg","lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0","resolved":" """);
        var tail = Encoding.ASCII.GetBytes("\"}}}");
        tar.File("package/giant/package-lock.json", giantSize, s =>
        {
            s.Write(head);
            WriteCode(s, giantSize - head.Length - tail.Length);
            s.Write(tail);
        });
    }, CompressionLevel.Fastest);

    /// <summary>The YAML form of the billion laughs: nine levels of anchors, each aliasing the one above nine times.</summary>
    private static string YamlAliasBomb()
    {
        var yaml = new StringBuilder("lockfileVersion: '9.0'\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
            yaml.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat($"*{(char)(c - 1)}", 9))).Append("]\n");
        return yaml.Append("packages: *i\n").ToString();
    }
}
