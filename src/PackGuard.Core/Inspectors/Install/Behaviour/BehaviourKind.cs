namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>What an install-time script does that an install script has no business doing.</summary>
public enum BehaviourKind
{
    /// <summary>Fetches code from the network and runs it (<c>curl | sh</c>, <c>iwr | iex</c>, fetch then eval).</summary>
    DownloadsAndRuns,

    /// <summary>Decodes a payload (base64, hex, compressed, encrypted) and evaluates it.</summary>
    DecodesAndRuns,

    /// <summary>Reads a credential file: registry tokens, SSH keys, cloud credentials, browser profiles, wallets.</summary>
    ReadsCredentials,

    /// <summary>Serialises or sends the whole environment, where CI keeps its tokens.</summary>
    ReadsEnvironment,

    /// <summary>Names a paste site, webhook collector, tunnel or out-of-band interaction host.</summary>
    ExfiltrationEndpoint,
}

/// <summary>The words reports use for <see cref="BehaviourKind"/>.</summary>
public static class BehaviourKindNames
{
    /// <summary><c>downloads-and-runs</c>, <c>decodes-and-runs</c>, ... (the rule id's second part).</summary>
    public static string ToName(this BehaviourKind kind) => kind switch
    {
        BehaviourKind.DownloadsAndRuns => "downloads-and-runs",
        BehaviourKind.DecodesAndRuns => "decodes-and-runs",
        BehaviourKind.ReadsCredentials => "reads-credentials",
        BehaviourKind.ReadsEnvironment => "reads-environment",
        _ => "exfiltration-endpoint",
    };

    /// <summary>As a sentence says it: "downloads code and runs it".</summary>
    public static string Describe(this BehaviourKind kind) => kind switch
    {
        BehaviourKind.DownloadsAndRuns => "downloads code and runs it",
        BehaviourKind.DecodesAndRuns => "decodes a payload and runs it",
        BehaviourKind.ReadsCredentials => "reads a credential file",
        BehaviourKind.ReadsEnvironment => "collects the whole environment",
        _ => "talks to a paste site, webhook or tunnel",
    };
}
