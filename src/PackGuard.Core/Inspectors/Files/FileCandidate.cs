using PackGuard.Findings;

namespace PackGuard.Inspectors.Files;

/// <summary>What a file's content must show before its name alone is judged.</summary>
internal enum ContentCheck
{
    /// <summary>The name (or folder) says it all.</summary>
    None,

    /// <summary>A <c>.env</c> file: are there values, and do they look like credentials?</summary>
    Env,

    /// <summary>A package-manager or tool configuration: does it hold a token or password?</summary>
    RegistryConfig,

    /// <summary>A key file by name: does it hold a PRIVATE KEY block?</summary>
    PrivateKeyText,

    /// <summary>A Git repository's <c>config</c>: which remotes does it name?</summary>
    GitConfig,

    /// <summary>A YAML file that may be a kubeconfig (<c>clusters:</c> and <c>users:</c>).</summary>
    KubeConfig,

    /// <summary>A JSON file that may be a Docker client config (<c>auths</c>).</summary>
    DockerConfig,

    /// <summary>An SQL file: a dump with data, or only a schema?</summary>
    Sql,
}

/// <summary>
/// A file that, by its name or folder, may be one that should not ship. <see cref="Check"/> says
/// what its content must show; <see cref="Severity"/> and <see cref="Reason"/> are the verdict
/// when no check is needed.
/// </summary>
/// <param name="Kind">The kind, as reports name it (<c>npmrc</c>, <c>git</c>, <c>test-folder</c>).</param>
/// <param name="Group">The folder the finding groups under (<c>package/.git/</c>), or null to group by the file's directory.</param>
/// <param name="Check">What the content must show.</param>
/// <param name="Severity">The severity without a content check, or the starting point for one.</param>
/// <param name="Reason">Why such a file matters, as a clause: "holds the project's full history".</param>
internal sealed record FileCandidate(string Kind, string? Group, ContentCheck Check, Severity Severity, string Reason)
{
    /// <summary>The rule the file belongs to.</summary>
    public required string RuleId { get; init; }
}
