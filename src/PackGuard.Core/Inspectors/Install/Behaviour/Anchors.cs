using static PackGuard.Inspectors.Install.Behaviour.AnchorFlags;

namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>
/// The words PackGuard looks for in install-time scripts, by atom and dialect. Shell words are
/// looked for in every dialect, because scripts of every language hand command lines to a shell
/// (<c>execSync("curl ... | sh")</c>, <c>os.system(...)</c>, an MSBuild <c>Exec</c>).
/// </summary>
internal static class Anchors
{
    private const Dialect J = Dialect.JavaScript;
    private const Dialect Y = Dialect.Python;
    private const Dialect P = Dialect.PowerShell;
    private const Dialect C = Dialect.CSharp;
    private const Dialect A = Dialect.All;
    private const Dialect PC = Dialect.PowerShell | Dialect.CSharp;
    private const Dialect Shells = Dialect.Shell | Dialect.Batch;
    private const Dialect Referring = Dialect.JavaScript | Dialect.Shell | Dialect.Batch | Dialect.PowerShell;

    public static IReadOnlyList<Anchor> All { get; } =
    [
        // Downloaders, as words of a command line.
        new("curl ", Atom.Downloader, A, WordStart), new("curl.exe", Atom.Downloader, A, WordStart),
        new("wget ", Atom.Downloader, A, WordStart), new("wget.exe", Atom.Downloader, A, WordStart),
        new("Invoke-WebRequest", Atom.Downloader, A, WordStart), new("iwr ", Atom.Downloader, A, WordStart),
        new("Invoke-RestMethod", Atom.Downloader, A, WordStart), new("irm ", Atom.Downloader, A, WordStart),
        new("Start-BitsTransfer", Atom.Downloader, A, WordStart), new("certutil", Atom.Downloader, A, WordStart | WordEnd),
        new("bitsadmin", Atom.Downloader, A, WordStart | WordEnd), new("DownloadFile(", Atom.Downloader, A),
        new("urlretrieve(", Atom.Downloader, Y),

        // Making a file runnable, or running it.
        new("chmod +x", Atom.RunFile, A, WordStart), new("chmod a+x", Atom.RunFile, A, WordStart), new("chmod u+x", Atom.RunFile, A, WordStart),
        new("chmod 7", Atom.RunFile, A, WordStart), new("chmod 07", Atom.RunFile, A, WordStart),
        new("Start-Process", Atom.RunFile, A, WordStart), new("start /b", Atom.RunFile, A, WordStart),
        new("regsvr32", Atom.RunFile, A, WordStart), new("rundll32", Atom.RunFile, A, WordStart), new("mshta", Atom.RunFile, A, WordStart | WordEnd),
        new("wscript", Atom.RunFile, A, WordStart | WordEnd), new("cscript", Atom.RunFile, A, WordStart | WordEnd),
        new("Process.Start(", Atom.RunFile, PC), new("Process]::Start(", Atom.RunFile, PC), new("os.startfile(", Atom.RunFile, Y),

        // Pipes into an interpreter and downloads substituted into a command.
        .. new[] { "sh", "bash", "zsh", "dash", "sudo sh", "sudo bash", "sudo -E bash", "python", "python3", "node", "perl", "ruby", "iex", "Invoke-Expression", "powershell", "pwsh", "cmd" }
            .SelectMany(s => new Anchor[] { new("| " + s, Atom.PipeToShell, A, WordEnd), new("|" + s, Atom.PipeToShell, A, WordEnd) }),
        .. new[] { "$(curl", "$(wget", "<(curl", "<(wget", "`curl", "`wget", "$(Invoke-WebRequest", "$(iwr" }
            .Select(s => new Anchor(s, Atom.ShellSubstitution, A, WordEnd)),

        // Shells running a string, and shell decoders.
        new("eval ", Atom.ShellEval, Shells, WordStart), new("sh -c", Atom.ShellEval, Shells, WordStart), new("bash -c", Atom.ShellEval, Shells, WordStart),
        new("base64 -d", Atom.ShellDecode, A, WordStart), new("base64 --decode", Atom.ShellDecode, A, WordStart), new("base64 -D", Atom.ShellDecode, A, WordStart | CaseSensitive),
        new("xxd -r", Atom.ShellDecode, A, WordStart), new("openssl enc -d", Atom.ShellDecode, A, WordStart), new("openssl base64 -d", Atom.ShellDecode, A, WordStart),
        new("powershell", Atom.EncodedPowerShell, A, WordStart), new("pwsh", Atom.EncodedPowerShell, A, WordStart | WordEnd),

        // Running a string as code.
        new("eval(", Atom.Eval, J | Y, WordStart | NoDotBefore), new("new Function(", Atom.Eval, J, WordStart), new("Function(", Atom.Eval, J, WordStart | NoDotBefore),
        new("runInThisContext(", Atom.Eval, J), new("runInNewContext(", Atom.Eval, J), new("runInContext(", Atom.Eval, J), new("vm.Script(", Atom.Eval, J),
        new("._compile(", Atom.Eval, J), new("module.constructor", Atom.Eval, J), new("compileFunction(", Atom.Eval, J),
        new("exec(", Atom.Eval, Y, WordStart | NoDotBefore), new("compile(", Atom.Eval, Y, WordStart | NoDotBefore), new("marshal.loads(", Atom.Eval, Y),
        new("iex", Atom.Eval, P, WordStart | WordEnd), new("Invoke-Expression", Atom.Eval, P, WordStart), new("ScriptBlock]::Create(", Atom.Eval, P),
        new("Assembly]::Load(", Atom.Eval, PC), new("Assembly.Load(", Atom.Eval, PC), new("CSharpScript.", Atom.Eval, C),

        // Starting processes from JavaScript.
        new("child_process", Atom.Spawn, J), new("execSync(", Atom.Spawn, J), new("spawnSync(", Atom.Spawn, J), new("execFileSync(", Atom.Spawn, J),
        new("spawn(", Atom.Spawn, J, WordStart), new("exec(", Atom.Spawn, J, WordStart), new("execFile(", Atom.Spawn, J, WordStart), new("fork(", Atom.Spawn, J, WordStart),

        // Network calls.
        new("http.get(", Atom.Network, J), new("https.get(", Atom.Network, J), new("http.request(", Atom.Network, J), new("https.request(", Atom.Network, J),
        new("fetch(", Atom.Network, J, WordStart), new("XMLHttpRequest", Atom.Network, J), new("net.connect(", Atom.Network, J), new("createConnection(", Atom.Network, J),
        new("WebSocket(", Atom.Network, J), new("dns.lookup(", Atom.Network, J), new("dns.resolve", Atom.Network, J), new("axios", Atom.Network, J, WordStart),
        .. new[] { "https", "http", "node:https", "node:http", "node-fetch", "undici", "axios", "got", "dns", "node:dns", "net", "node:net" }
            .SelectMany(m => new Anchor[] { new($"(\"{m}\")", Atom.Network, J), new($"('{m}')", Atom.Network, J), new($"from \"{m}\"", Atom.Network, J), new($"from '{m}'", Atom.Network, J) }),
        new("urlopen(", Atom.Network, Y), new("urlretrieve(", Atom.Network, Y), new("requests.get(", Atom.Network, Y), new("requests.post(", Atom.Network, Y),
        new("requests.request(", Atom.Network, Y), new("httpx.", Atom.Network, Y, WordStart), new("http.client", Atom.Network, Y), new("HTTPSConnection(", Atom.Network, Y),
        new("HTTPConnection(", Atom.Network, Y), new("socket.socket(", Atom.Network, Y), new("create_connection(", Atom.Network, Y), new("urllib2", Atom.Network, Y),
        new("DownloadString(", Atom.Network, PC), new("DownloadData(", Atom.Network, PC), new("DownloadFile(", Atom.Network, PC), new("Net.WebClient", Atom.Network, PC),
        new("WebClient(", Atom.Network, PC), new("Invoke-WebRequest", Atom.Network, P), new("iwr", Atom.Network, P, WordStart | WordEnd),
        new("Invoke-RestMethod", Atom.Network, P), new("irm", Atom.Network, P, WordStart | WordEnd), new("HttpClient", Atom.Network, PC, WordStart),
        new("GetByteArrayAsync(", Atom.Network, C), new("GetStringAsync(", Atom.Network, C),

        // Decoding and decrypting.
        new("atob(", Atom.Decode, J, WordStart), new("Buffer.from(", Atom.Decode, J), new("fromCharCode(", Atom.Decode, J), new("createDecipher", Atom.Decode, J),
        new("gunzipSync(", Atom.Decode, J), new("inflateSync(", Atom.Decode, J), new("inflateRawSync(", Atom.Decode, J), new("brotliDecompressSync(", Atom.Decode, J),
        new("b64decode(", Atom.Decode, Y), new("b32decode(", Atom.Decode, Y), new("b85decode(", Atom.Decode, Y), new("a85decode(", Atom.Decode, Y),
        new("decodebytes(", Atom.Decode, Y), new("unhexlify(", Atom.Decode, Y), new("fromhex(", Atom.Decode, Y), new("zlib.decompress(", Atom.Decode, Y),
        new("codecs.decode(", Atom.Decode, Y), new("lzma.decompress(", Atom.Decode, Y), new("bz2.decompress(", Atom.Decode, Y), new("a2b_base64(", Atom.Decode, Y),
        new("FromBase64String(", Atom.Decode, PC), new("GZipStream", Atom.Decode, PC), new("DeflateStream", Atom.Decode, PC), new("FromHexString(", Atom.Decode, PC),

        // Credential files.
        .. new[]
        {
            ".npmrc", ".yarnrc", ".ssh/", ".ssh\\", "'.ssh'", "\".ssh\"", ".aws/credentials", ".aws\\credentials", "'.aws'", "\".aws\"",
            ".git-credentials", ".netrc", "_netrc", ".pypirc", ".docker/config.json", "'.docker'", "\".docker\"", ".kube/config", "'.kube'", "\".kube\"",
            "/etc/passwd", "/etc/shadow", ".gnupg", "gcloud/credentials", "application_default_credentials.json", ".azure/", "'.azure'", "accessTokens.json",
            ".bash_history", ".zsh_history", ".mozilla/firefox", "logins.json", "key4.db", "wallet.dat", "exodus.wallet", "solana/id.json", ".config/solana",
            "Ethereum/keystore", "Ethereum\\keystore", ".config/gh/hosts.yml", "gh auth token", "login.keychain",
        }.Select(s => new Anchor(s, Atom.Credential, A, WordStart | WordEnd)),
        new("id_rsa", Atom.Credential, A, WordStart | WordEnd), new("id_ed25519", Atom.Credential, A, WordStart | WordEnd), new("id_ecdsa", Atom.Credential, A, WordStart | WordEnd),
        .. new[]
        {
            "Login Data", "Local Extension Settings", "Google/Chrome", "Google\\Chrome", "Google\\\\Chrome", "BraveSoftware", "Mozilla/Firefox", "Mozilla\\Firefox",
            "Exodus", "Electrum", "atomic/Local Storage",
            "nkbihfbeogaeaoehlefnkodbefgpgknn", "ejbalbakoplchlghecdalmeeeajnimhm", "bfnaelmomeimhlpmgjnjophhpkkoljpa", "ibnejdfjmmkpcnlpebklmnkoeoihofec",
        }.Select(s => new Anchor(s, Atom.Credential, A, WordStart | WordEnd | CaseSensitive)),

        // The whole environment.
        new("stringify(process.env", Atom.EnvironmentDump, J, WordEnd), new("stringify({...process.env", Atom.EnvironmentDump, J, WordEnd),
        new("stringify({ ...process.env", Atom.EnvironmentDump, J, WordEnd), new("URLSearchParams(process.env", Atom.EnvironmentDump, J, WordEnd),
        new("inspect(process.env", Atom.EnvironmentDump, J, WordEnd),
        new("dumps(os.environ", Atom.EnvironmentDump, Y, WordEnd), new("dumps(dict(os.environ", Atom.EnvironmentDump, Y, WordEnd),
        new("urlencode(os.environ", Atom.EnvironmentDump, Y, WordEnd), new("urlencode(dict(os.environ", Atom.EnvironmentDump, Y, WordEnd),
        new("str(os.environ", Atom.EnvironmentDump, Y, WordStart | WordEnd), new("repr(os.environ", Atom.EnvironmentDump, Y, WordStart | WordEnd),
        new("GetEnvironmentVariables(", Atom.EnvironmentDump, PC), new("env:", Atom.EnvironmentDump, P | Shells | C, WordStart),
        new("printenv", Atom.EnvironmentDump, A, WordStart | WordEnd), new("env |", Atom.EnvironmentDump, Shells, WordStart), new("env|", Atom.EnvironmentDump, Shells, WordStart),
        new("env >", Atom.EnvironmentDump, Shells, WordStart), new("$(env)", Atom.EnvironmentDump, Shells), new("`env`", Atom.EnvironmentDump, Shells),
        new("/proc/self/environ", Atom.EnvironmentDump, A), new("/proc/1/environ", Atom.EnvironmentDump, A),
        new("(process.env)", Atom.EnvironmentValue, J), new("process.env,", Atom.EnvironmentValue, J), new("process.env)", Atom.EnvironmentValue, J),
        new("os.environ.items(", Atom.EnvironmentValue, Y), new("dict(os.environ)", Atom.EnvironmentValue, Y, WordStart), new("os.environ)", Atom.EnvironmentValue, Y),

        // Paste sites, webhook collectors, tunnels and out-of-band interaction hosts.
        .. new[]
        {
            "pastebin.com", "paste.ee", "hastebin.com", "ghostbin.co", "rentry.co", "pastie.org", "0x0.st", "transfer.sh", "webhook.site",
            "discord.com/api/webhooks", "discordapp.com/api/webhooks", "hooks.slack.com/services", "api.telegram.org/bot",
            "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok.dev", "requestbin.net", "requestbin.com", "pipedream.net", "interact.sh",
            "oast.fun", "oast.pro", "oast.live", "oast.site", "oast.online", "oast.me", "oastify.com", "burpcollaborator.net", "dnslog.cn",
            "ceye.io", "canarytokens.com", "beeceptor.com", "hookbin.com", "trycloudflare.com", "loca.lt", "serveo.net", "requestcatcher.com",
        }.Select(s => new Anchor(s, Atom.Exfiltration, A, WordStart | WordEnd)),

        // Relative paths of files a script may run.
        new("./", Atom.Reference, Referring),
        .. new[] { ".js", ".cjs", ".mjs", ".sh", ".bat", ".cmd", ".ps1", ".py" }.Select(s => new Anchor(s, Atom.Reference, Referring, WordEnd)),
    ];

    private static readonly Dictionary<Dialect, AnchorSet> Sets = [];
    private static readonly Lock SetsLock = new();

    /// <summary>The anchors of every dialect in <paramref name="dialect"/>, built once per combination.</summary>
    public static AnchorSet For(Dialect dialect)
    {
        lock (SetsLock)
        {
            if (!Sets.TryGetValue(dialect, out var set))
                Sets[dialect] = set = new AnchorSet(All.Where(a => (a.Dialects & dialect) != 0));
            return set;
        }
    }
}
