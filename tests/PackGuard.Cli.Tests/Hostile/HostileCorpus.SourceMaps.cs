using System.IO.Compression;
using System.Text;

namespace PackGuard.Cli.Tests.Hostile;

internal static partial class HostileCorpus
{
    /// <summary>The start of a map that embeds one first-party source, before anything hostile follows.</summary>
    private const string MapHead = """{"version":3,"file":"cli.js","sources":["../src/index.ts"],"sourcesContent":["export const a = 1;\n"],"mappings":"AAAA",""";

    /// <summary>
    /// Two maps that embed a source and then nest <paramref name="depth"/> levels deep: one in
    /// objects (<c>{"a":{"a":...}}</c>), one in arrays (<c>[[[...]]]</c>).
    /// </summary>
    public static void DeeplyNestedMaps(Stream output, int depth) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/dist/objects.js.map", Ascii(MapHead + "\"x\":" + Repeat("{\"a\":", depth) + "1" + Repeat("}", depth) + "}"));
        tar.File("package/dist/arrays.js.map", Ascii(MapHead + "\"x\":" + Repeat("[", depth) + Repeat("]", depth) + "}"));
    });

    /// <summary>
    /// A map whose one <c>sourcesContent</c> string is <paramref name="size"/> bytes of one-line
    /// code, streamed into the tarball: the test never holds it.
    /// </summary>
    public static void MapWithHugeString(Stream output, long size) => TarGz(output, tar =>
    {
        var head = Ascii("""{"version":3,"file":"bundle.js","sources":["../src/bundle.ts"],"mappings":"AAAA","sourcesContent":[""" + "\"");
        var tail = Ascii("\"]}");
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/dist/bundle.js.map", head.Length + size + tail.Length, s =>
        {
            s.Write(head);
            WriteCode(s, size);
            s.Write(tail);
        });
    }, CompressionLevel.Fastest);

    /// <summary>
    /// An index map whose sections hold, at every level, a map with one embedded source and a
    /// map with sections of its own, <paramref name="depth"/> levels down.
    /// </summary>
    public static void RecursiveSectionsMap(Stream output, int depth)
    {
        using var map = new MemoryStream();
        for (var level = 0; level < depth; level++)
        {
            var leaf = $$"""{"version":3,"sources":["../src/level{{level}}.ts"],"sourcesContent":["export const level = {{level}};\n"],"mappings":"AAAA"}""";
            map.Write(Ascii($$"""{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":{{leaf}}},{"offset":{"line":1,"column":0},"map":"""));
        }
        map.Write(Ascii("""{"version":3,"sources":["../src/bottom.ts"],"sourcesContent":["export {};\n"],"mappings":"AAAA"}"""));
        for (var level = 0; level < depth; level++)
            map.Write(Ascii("}]}"));
        TarGz(output, tar =>
        {
            tar.File("package/package.json", ProprietaryManifest);
            tar.File("package/dist/index.js.map", map.ToArray());
        });
    }

    /// <summary>A map that names <paramref name="count"/> sources (and embeds none), streamed.</summary>
    public static void MapWithManySources(Stream output, int count) => TarGz(output, tar =>
    {
        const string Head = """{"version":3,"file":"app.js","mappings":"AAAA","sources":[""";
        static string Name(int i) => $"\"src/d{i % 1000:D3}/m{i:D7}.ts\"";
        // Every name has the same length; commas between them, "]}" after them.
        var size = Head.Length + count * (Name(0).Length + 1L) - 1 + 2;
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/dist/app.js.map", size, s =>
        {
            using var text = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            text.Write(Head);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                    text.Write(',');
                text.Write(Name(i));
            }
            text.Write("]}");
        });
    }, CompressionLevel.Fastest);

    /// <summary>A bundle of <paramref name="size"/> bytes on one line, with no newline at all.</summary>
    public static void HugeMinifiedScript(Stream output, long size) => TarGz(output, tar =>
    {
        tar.File("package/package.json", ProprietaryManifest);
        tar.File("package/dist/bundle.min.js", size, s => WriteCode(s, size));
    }, CompressionLevel.Fastest);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
