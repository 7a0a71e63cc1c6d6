using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using PackGuard.Inspectors.DebugSymbols.Samples;
using PackGuard.Inspectors.Secrets.Catalog;

namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>A valid artifact the fuzzer starts from.</summary>
/// <param name="Kind">The format family, for the per-format counts (<c>tgz</c>, <c>zip</c>, <c>map</c>, ...).</param>
/// <param name="FileName">The artifact's file name (the walker names a gzip's content after it; maps are found by <c>.map</c>).</param>
/// <param name="Root">The artifact.</param>
public sealed record FuzzSeed(string Kind, string FileName, FuzzNode Root);

/// <summary>
/// Small valid artifacts of every format the scanner reads, each reaching its readers and
/// inspectors: the walker's gzip, tar (ustar, pax, GNU, v7), zip and directory levels with nested
/// archives and links; the manifests (package.json, .nuspec, wheel METADATA); source maps
/// (external, inline, index maps with sections); the secret scanner in text, in a map's
/// <c>sourcesContent</c> and in the strings of binaries; the unintended-file checks (.env,
/// .git/config, kubeconfig, Docker config, SQL) and the internal-surface scanner (hosts, private
/// addresses, home paths). Built in code, so the fuzzer owns them.
/// </summary>
public static class FuzzSeeds
{
    private const string Proprietary = """{"name":"@acme/cli","version":"3.1.0","license":"UNLICENSED","description":"fuzz seed","bin":{"acme":"dist/cli.js"},"scripts":{"postinstall":"node dist/setup.js"},"repository":{"type":"git","url":"git+ssh://git@github.com:acme/cli.git"},"files":["dist"],"devDependencies":{"esbuild":"^0.24.0"}}""";
    private const string OpenSource = """{"name":"acme-lib","version":"1.0.0","license":"MIT","repository":"github:acme/acme-lib"}""";

    // Before All: static fields are initialised in order, and the seeds use the samples.
    private static readonly string[] SecretSamples =
    [
        .. new[] { "secret/github-pat-classic", "secret/aws-access-key-pair", "secret/npm-access-token", "secret/jwt", "secret/pem-private-key" }
            .Select(id => SecretCatalog.All.First(r => r.Id == id).Positives[0]),
    ];

    /// <summary>Documents of the seeds' PDBs: one embedded stored, one deflated (over 200 bytes), one by path only.</summary>
    private static readonly SampleDocument[] Documents =
    [
        new("/_/src/Acme.Tool/Program.cs", "class Program { static void Main() { } }\n"),
        new("/_/src/Acme.Tool/Secrets.cs", "class Secrets { const string Key = \"" + "k" + "\"; }\n" + string.Concat(Enumerable.Repeat("// padding so that the compiler would deflate this file\n", 6))),
        new("/home/jdoe/src/Acme.Tool/Other.cs"),
    ];

    /// <summary>Every seed.</summary>
    public static IReadOnlyList<FuzzSeed> All { get; } = Build();

    /// <summary>A credential the secret rules recognise, assembled at run time from a rule's own sample.</summary>
    public static string Secret(int which) => SecretSamples[which % SecretSamples.Length];

    /// <summary>A version 3 map whose sources carry content (and the first content a secret).</summary>
    public static string Map(string file, params (string Source, string? Content)[] sources)
    {
        var map = new JsonObject
        {
            ["version"] = 3,
            ["file"] = file,
            ["sourceRoot"] = "",
            ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode)s.Source)]),
            ["sourcesContent"] = new JsonArray([.. sources.Select(s => (JsonNode?)s.Content)]),
            ["names"] = new JsonArray("run", "main"),
            ["mappings"] = "AAAA,SAASA,IAAI;AACb,OAAO,CAAC,GAAG,CAAC;;AAEhB,gBAAgB",
        };
        return map.ToJsonString();
    }

    /// <summary>An index map: one section with an inline map, one nested index map, one that names a URL.</summary>
    public static string IndexMap()
    {
        var inner = JsonNode.Parse(Map("a.js", ("../src/a.ts", "export const a = 1;\n")))!;
        var nested = new JsonObject
        {
            ["version"] = 3,
            ["sections"] = new JsonArray(new JsonObject
            {
                ["offset"] = new JsonObject { ["line"] = 0, ["column"] = 0 },
                ["map"] = JsonNode.Parse(Map("b.js", ("../src/b.ts", "const token = \"" + Secret(0) + "\";\n"))),
            }),
        };
        var index = new JsonObject
        {
            ["version"] = 3,
            ["file"] = "bundle.js",
            ["sections"] = new JsonArray(
                new JsonObject { ["offset"] = new JsonObject { ["line"] = 0, ["column"] = 0 }, ["map"] = inner },
                new JsonObject { ["offset"] = new JsonObject { ["line"] = 10, ["column"] = 0 }, ["map"] = nested },
                new JsonObject { ["offset"] = new JsonObject { ["line"] = 20, ["column"] = 0 }, ["url"] = "c.js.map" }),
        };
        return index.ToJsonString();
    }

    private static BytesNode Json(string text) => BytesNode.Text(text, FuzzShape.Json);

    private static BytesNode Text(string text) => BytesNode.Text(text);

    private static ScriptNode Bundle(string name, bool withSecret) => new(
        $"\"use strict\";\nfunction {name}(){{return 42}}\nmodule.exports={name};\n",
        Json(Map(name + ".js", ("webpack:///./src/" + name + ".ts", withSecret ? $"export const key = \"{Secret(1)}\";\n" : "export const x = 1;\n"),
            ("webpack:///./node_modules/left-pad/index.js", "module.exports = function leftPad() {};\n"))));

    private static BytesNode Binary(string magic, int seed)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(Encoding.Latin1.GetBytes(magic));
        for (var block = 0; block < 6; block++)
        {
            var noise = new byte[200 + random.Next(200)];
            random.NextBytes(noise);
            bytes.AddRange(noise);
            bytes.Add(0);
            switch (block)
            {
                case 1: bytes.AddRange(Encoding.ASCII.GetBytes("api_key=" + Secret(seed) + "\0")); break;
                case 3: bytes.AddRange(Encoding.Unicode.GetBytes("Authorization: Bearer " + Secret(seed + 1) + "\0")); break;
                case 4: bytes.AddRange(Encoding.ASCII.GetBytes("//# sourceMappingURL=addon.js.map\0/home/build/src/addon.cc\0")); break;
            }
        }
        return new BytesNode([.. bytes]);
    }

    private static TarNode NestedPackage() => new(
    [
        TarItem.File("package/package.json", Json(OpenSource)),
        TarItem.File("package/index.js", Bundle("inner", withSecret: false)),
    ]);

    private static ZipNode NestedZip() => new(
    [
        ZipItem.File("lib/app.js.map", Json(Map("app.js", ("../src/app.ts", "let s = '" + Secret(2) + "';\n")))),
        ZipItem.File("lib/app.js", Text("console.log(1);\n//# sourceMappingURL=app.js.map\n")),
        new ZipItem("lib/empty/", null),
    ]);

    private static IReadOnlyList<FuzzSeed> Build()
    {
        var npmFiles = new List<TarItem>
        {
            TarItem.Directory("package/"),
            TarItem.File("package/package.json", Json(Proprietary)),
            TarItem.File("package/index.js", Bundle("main", withSecret: true)),
            TarItem.File("package/dist/cli.js", Text("#!/usr/bin/env node\nrequire('./setup');\n//# sourceMappingURL=cli.js.map\n")),
            TarItem.File("package/dist/cli.js.map", Json(Map("cli.js", ("../src/cli.ts", $"const npmToken = \"{Secret(2)}\";\nexport {{}};\n"),
                ("../src/tools/run.ts", "export function run() {\n  return 2;\n}\n"), ("../node_modules/chalk/index.js", "module.exports = {};\n")))),
            TarItem.File("package/dist/site.css", new ScriptNode("a{color:red}\n", Json(Map("site.css", ("../styles/site.scss", "a { color: red; }\n"))), Css: true)),
            TarItem.File("package/vendor/nested.tgz", new GzipNode(NestedPackage())),
            TarItem.File("package/vendor/nested.zip", NestedZip()),
            TarItem.File("package/README.md", Text("# acme\n\nUsage: `acme run`\n")),
            TarItem.Symlink("package/lib/link.js", "../index.js"),
            TarItem.File("package/.env", Text("NODE_ENV=production\nDATABASE_URL=postgres://app:Zq8vN3kP1rT6@db.acme-prod.io:5432/app\nAPI_KEY=" + Secret(0) + "\n")),
            TarItem.File("package/.git/config", Text("[remote \"origin\"]\n\turl = https://ci:Zq8vN3kP1rT6wY2m@github.com/acme/cli.git\n")),
            TarItem.File("package/deploy/kubeconfig.yaml", Text("apiVersion: v1\nclusters:\n- name: prod\n  cluster:\n    server: https://10.20.0.5:6443\nusers:\n- name: ci\n  user:\n    token: Zq8vN3kP1rT6wY2mQ9xL\n")),
            TarItem.File("package/.docker/config.json", Json("""{"auths":{"registry.acme.io":{"auth":"Y2k6WnE4dk4za1AxclQ2"}}}""")),
            TarItem.File("package/db/dump.sql", Text("-- MySQL dump 10.13\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n")),
            TarItem.File("package/lib/hosts.js", Text("fetch('https://api-staging.acme.io/v1');\nconnect('http://10.20.30.40:8080');\nconst home = '/Users/jbloggs/work/cli';\nconst db = \"db-01.prod.internal:5432\";\n")),
        };

        var longDirectory = "package/" + string.Join('/', Enumerable.Repeat("deeply-nested-directory", 6));
        TarItem[] tarFiles =
        [
            TarItem.File("package/package.json", Json(OpenSource)),
            TarItem.File(longDirectory + "/module.js", Bundle("deep", withSecret: false)),
            TarItem.File(longDirectory + "/" + new string('n', 90) + "-ünïcode.js.map", Json(Map("x.js", ("../../src/x.ts", "export {};\n")))),
            TarItem.Symlink("package/current", longDirectory + "/module.js"),
            new TarItem("package/hard.js", null, (byte)'1', "package/package.json"),
            TarItem.Directory("package/empty/"),
            TarItem.File("package/.npmrc", Text("//registry.npmjs.org/:_authToken=" + Secret(2) + "\n")),
        ];

        var nuspec = """
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>Acme.Tool</id><version>1.2.3</version><authors>Acme</authors>
                <license type="expression">MIT</license><repository type="git" url="https://github.com/acme/tool" />
                <description>fuzz seed</description></metadata>
            </package>
            """;
        var metadata = "Metadata-Version: 2.1\nName: acme-tool\nVersion: 1.0.0\nLicense: Proprietary\nClassifier: License :: Other/Proprietary License\nProject-URL: Source, https://example.com/acme\n\nThe long description.\n";

        return
        [
            new("tgz", "acme-cli-3.1.0.tgz", new GzipNode(new TarNode(npmFiles, TarFlavor.Pax))),
            new("tar-ustar", "acme-lib.tar", new TarNode(tarFiles, TarFlavor.Ustar)),
            new("tar-pax", "acme-lib-pax.tar", new TarNode(tarFiles, TarFlavor.Pax)),
            new("tar-gnu", "acme-lib-gnu.tar", new TarNode(tarFiles, TarFlavor.Gnu)),
            new("tar-v7", "acme-lib-v7.tar", new TarNode([.. tarFiles.Where(f => f.Name.Length < 100)], TarFlavor.V7)),
            new("zip", "bundle.zip", new ZipNode(
            [
                ZipItem.File("package.json", Json(OpenSource)),
                ZipItem.File("dist/app.js", Bundle("app", withSecret: true)),
                ZipItem.File("dist/app.js.map", Json(Map("app.js", ("../src/app.ts", "export const k = '" + Secret(3) + "';\n")))),
                new ZipItem("dist/stored.txt", Text("stored, not deflated\n"), Stored: true),
                new ZipItem("dist/link", null, LinkTarget: "../../etc/passwd"),
                ZipItem.File("vendor/dep.tgz", new GzipNode(NestedPackage())),
            ])),
            new("nupkg", "Acme.Tool.1.2.3.nupkg", new ZipNode(
            [
                ZipItem.File("_rels/.rels", Text("""<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" />""")),
                ZipItem.File("Acme.Tool.nuspec", Text(nuspec)),
                ZipItem.File("lib/net8.0/Acme.Tool.dll", new BytesNode(PdbSamples.Dll(@"C:\Users\jdoe\src\Acme.Tool\obj\Release\Acme.Tool.pdb", Documents))),
                ZipItem.File("lib/net8.0/Acme.Tool.pdb", new BytesNode(PdbSamples.PortablePdb(Documents, PdbSamples.SourceLink("/_/", "https://raw.githubusercontent.com/acme/tool/abc/")))),
                ZipItem.File("lib/net8.0/Acme.Native.dll", Binary("MZ\x90\0", 11)),
                ZipItem.File("contentFiles/any/any/wwwroot/app.js.map", Json(Map("app.js", ("../src/app.ts", "export {};\n")))),
                ZipItem.File("[Content_Types].xml", Text("""<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types" />""")),
            ])),
            new("whl", "acme_tool-1.0.0-py3-none-any.whl", new ZipNode(
            [
                ZipItem.File("acme_tool/__init__.py", Text("TOKEN = '" + Secret(0) + "'\n")),
                ZipItem.File("acme_tool/static/app.js", Bundle("static", withSecret: false)),
                ZipItem.File("acme_tool-1.0.0.dist-info/METADATA", Text(metadata)),
                ZipItem.File("acme_tool-1.0.0.dist-info/WHEEL", Text("Wheel-Version: 1.0\nGenerator: fuzz\nRoot-Is-Purelib: true\nTag: py3-none-any\n")),
                ZipItem.File("acme_tool-1.0.0.dist-info/RECORD", Text("acme_tool/__init__.py,sha256=AAAA,20\nacme_tool-1.0.0.dist-info/METADATA,,\n")),
            ])),
            new("jar", "acme-app-1.0.jar", new ZipNode(
            [
                ZipItem.File("META-INF/MANIFEST.MF", Text("Manifest-Version: 1.0\nMain-Class: com.acme.App\n")),
                ZipItem.File("com/acme/App.class", Binary("\xCA\xFE\xBA\xBE", 13)),
                ZipItem.File("application.properties", Text("db.password=" + Secret(4).Split('\n')[0] + "\naws=" + Secret(1) + "\n")),
                ZipItem.File("BOOT-INF/lib/dep.jar", new ZipNode([ZipItem.File("META-INF/MANIFEST.MF", Text("Manifest-Version: 1.0\n")), ZipItem.File("dep/x.js.map", Json(Map("x.js", ("x.ts", "1;\n"))))])),
            ])),
            new("vsix", "acme.vsix", new ZipNode(
            [
                ZipItem.File("extension.vsixmanifest", Text("<PackageManifest Version=\"2.0.0\"><Metadata><Identity Id=\"acme\" Version=\"1.0.0\" /></Metadata></PackageManifest>")),
                ZipItem.File("extension/package.json", Json(Proprietary)),
                ZipItem.File("extension/out/extension.js", Bundle("extension", withSecret: true)),
            ])),
            new("gz", "bundle.js.gz", new GzipNode(Bundle("bundle", withSecret: true), FileName: "bundle.js")),
            new("map-gz", "cli.js.map.gz", new GzipNode(Json(Map("cli.js", ("../src/cli.ts", "const t = '" + Secret(0) + "';\n"))), CompressionLevel.SmallestSize)),
            new("map", "cli.js.map", Json(Map("cli.js", ("../src/cli.ts", "const token = \"" + Secret(0) + "\";\nexport {};\n"),
                ("../src/util/log.ts", "export const log = console.log;\n"), ("webpack/bootstrap", null)))),
            new("index-map", "bundle.js.map", Json(IndexMap())),
            new("package-json", "package.json", Json(Proprietary)),
            new("script", "main.js", Bundle("main", withSecret: true)),
            new("node", "addon.node", Binary("\x7F" + "ELF\x02\x01\x01\0", 17)),
            new("elf-dwarf", "acme.node", new BytesNode(NativeSamples.Elf([.. NativeSamples.Dwarf(5, "/home/jdoe/acme", ("src/engine.c", "int engine(void) { return 42; }\n"), ("src/key.c", null)), .. NativeSamples.SymbolTable("engine")]))),
            new("pdb", "Acme.Tool.pdb", new BytesNode(PdbSamples.PortablePdb(Documents))),
            new("dll", "Acme.Native.dll", Binary("MZ\x90\0\x03\0\0\0", 19)),
            new("directory", "acme-dir", new DirectoryNode(
            [
                new DirectoryItem("package.json", Json(Proprietary)),
                new DirectoryItem("dist/app.js", Bundle("app", withSecret: true)),
                new DirectoryItem("dist/cli.js.map", Json(Map("cli.js", ("../src/cli.ts", "const t = '" + Secret(1) + "';\n")))),
                new DirectoryItem("vendor/nested.tgz", new GzipNode(NestedPackage())),
                new DirectoryItem("vendor/nested.zip", NestedZip()),
                new DirectoryItem("docs/empty.txt", new BytesNode([])),
                new DirectoryItem("link-out", null, "../../../etc"),
                new DirectoryItem("link-in", null, "dist/app.js"),
            ])),
        ];
    }
}
