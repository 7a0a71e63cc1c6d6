namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>
/// The pieces a behaviour is made of. One anchor word stands for one atom; a behaviour is an atom
/// that is damning on its own (a credential path, <c>| sh</c> after <c>curl</c>) or two atoms close
/// together (a network call near an eval).
/// </summary>
internal enum Atom
{
    /// <summary>A shell or PowerShell downloader: <c>curl</c>, <c>wget</c>, <c>Invoke-WebRequest</c>, <c>certutil</c>.</summary>
    Downloader,

    /// <summary>Makes a file runnable or runs it: <c>chmod +x</c>, <c>Start-Process</c>, <c>regsvr32</c>, <c>Process.Start(</c>.</summary>
    RunFile,

    /// <summary>A pipe into an interpreter: <c>| sh</c>, <c>| iex</c>; judged by what is piped.</summary>
    PipeToShell,

    /// <summary>A downloader whose output becomes a script: <c>$(curl</c>, <c>&lt;(wget</c>.</summary>
    ShellSubstitution,

    /// <summary>A shell evaluating a string: <c>eval </c>, <c>sh -c</c>.</summary>
    ShellEval,

    /// <summary>A shell decoder: <c>base64 -d</c>, <c>xxd -r</c>.</summary>
    ShellDecode,

    /// <summary><c>powershell -EncodedCommand &lt;base64&gt;</c>.</summary>
    EncodedPowerShell,

    /// <summary>Runs a string as code: <c>eval(</c>, <c>new Function(</c>, <c>vm.runInThisContext</c>, Python <c>exec(</c>, <c>iex</c>, <c>Assembly.Load(</c>.</summary>
    Eval,

    /// <summary>Starts a process from JavaScript: <c>child_process</c>, <c>execSync(</c>, <c>spawn(</c>.</summary>
    Spawn,

    /// <summary>A network call: <c>https.get(</c>, <c>fetch(</c>, <c>urlopen(</c>, <c>DownloadString(</c>.</summary>
    Network,

    /// <summary>Decodes or decrypts data: <c>atob(</c>, <c>Buffer.from(..., 'base64')</c>, <c>b64decode(</c>, <c>FromBase64String(</c>.</summary>
    Decode,

    /// <summary>A credential file's path: <c>.npmrc</c>, <c>.ssh/</c>, <c>.aws/credentials</c>, a wallet.</summary>
    Credential,

    /// <summary>The whole environment serialised: <c>JSON.stringify(process.env</c>, <c>printenv |</c>.</summary>
    EnvironmentDump,

    /// <summary>The whole environment as a value, damning next to a network call: <c>Object.entries(process.env)</c>.</summary>
    EnvironmentValue,

    /// <summary>A paste site, webhook collector, tunnel or out-of-band host.</summary>
    Exfiltration,

    /// <summary>A relative path another file may run or require (<c>./x</c>, <c>x.sh</c>).</summary>
    Reference,
}
