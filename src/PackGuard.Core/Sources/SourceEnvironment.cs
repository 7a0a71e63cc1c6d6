namespace PackGuard.Sources;

/// <summary>
/// The parts of the process environment that decide where packages come from: the working
/// directory (project <c>.npmrc</c>, <c>NuGet.Config</c> files up the tree), the home directory
/// (user configuration) and environment variables. Tests build one by hand so that nothing on
/// the machine running them leaks in.
/// </summary>
/// <param name="WorkingDirectory">Where relative paths and project configuration are looked up.</param>
/// <param name="HomeDirectory">The user's home, for <c>~/.npmrc</c>, <c>~/.nuget</c> and <c>~/.cache</c>.</param>
/// <param name="GetVariable">Reads an environment variable; <see langword="null"/> when it is not set.</param>
public sealed record SourceEnvironment(string WorkingDirectory, string HomeDirectory, Func<string, string?> GetVariable)
{
    /// <summary>The environment of the current process.</summary>
    public static SourceEnvironment FromProcess() => new(
        Environment.CurrentDirectory,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify),
        Environment.GetEnvironmentVariable);

    /// <summary>The variable's value, or <see langword="null"/> when it is unset or empty.</summary>
    internal string? Variable(string name) => GetVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>A path from configuration, made absolute against the working directory.</summary>
    internal string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
