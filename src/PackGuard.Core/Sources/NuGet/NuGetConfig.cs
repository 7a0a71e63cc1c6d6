namespace PackGuard.Sources.NuGet;

/// <summary>
/// The package sources NuGet would use from a working directory: every
/// <c>nuget.config</c> / <c>NuGet.config</c> / <c>NuGet.Config</c> from there up to the root,
/// then the user's <c>~/.nuget/NuGet/NuGet.Config</c>. Files are applied from the farthest to
/// the closest: a closer file's entry replaces a farther one with the same key (keeping its
/// place in the order), new keys are appended, and <c>&lt;clear /&gt;</c> drops everything
/// farther away.
/// </summary>
internal sealed class NuGetConfig
{
    private static readonly string[] FileNames = ["nuget.config", "NuGet.config", "NuGet.Config"];

    public NuGetConfig(IReadOnlyList<NuGetPackageSource> sources, IReadOnlyList<string> files)
    {
        Sources = sources;
        Files = files;
    }

    /// <summary>All configured sources in order, including disabled ones.</summary>
    public IReadOnlyList<NuGetPackageSource> Sources { get; }

    /// <summary>The configuration files read, closest first (for messages).</summary>
    public IReadOnlyList<string> Files { get; }

    public static NuGetConfig Load(SourceEnvironment environment)
    {
        var closestFirst = new List<NuGetConfigFile>();
        for (var dir = new DirectoryInfo(environment.WorkingDirectory); dir is not null; dir = dir.Parent)
        {
            // One file per directory: on a case-insensitive disk the three names are one file.
            var path = FileNames.Select(n => Path.Combine(dir.FullName, n)).FirstOrDefault(File.Exists);
            if (path is not null)
                closestFirst.Add(NuGetConfigFile.Load(path, environment.GetVariable));
        }

        var userPath = Path.Combine(environment.HomeDirectory, ".nuget", "NuGet", "NuGet.Config");
        closestFirst.Add(File.Exists(userPath)
            ? NuGetConfigFile.Load(userPath, environment.GetVariable)
            : DefaultUserConfig(userPath));
        return Merge(closestFirst);
    }

    /// <summary>Merges files given closest first.</summary>
    public static NuGetConfig Merge(IReadOnlyList<NuGetConfigFile> closestFirst)
    {
        var sources = new List<(NuGetConfigItem Item, string BaseDirectory)>();
        var disabled = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var credentials = new Dictionary<string, NuGetCredential>(StringComparer.OrdinalIgnoreCase);

        foreach (var file in closestFirst.Reverse())
        {
            foreach (var item in file.PackageSources)
            {
                if (item.IsClear)
                {
                    sources.Clear();
                    continue;
                }
                var index = sources.FindIndex(s => string.Equals(s.Item.Key, item.Key, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                    sources[index] = (item, file.Directory);
                else
                    sources.Add((item, file.Directory));
            }
            foreach (var item in file.DisabledPackageSources)
            {
                if (item.IsClear)
                    disabled.Clear();
                else
                    disabled[item.Key] = item.Value;
            }
            foreach (var (name, credential) in file.Credentials)
                credentials[name] = credential;
        }

        var merged = sources.Select(s => NuGetPackageSource.Create(
            s.Item.Key,
            s.Item.Value,
            s.Item.ProtocolVersion,
            s.BaseDirectory,
            enabled: !string.Equals(disabled.GetValueOrDefault(s.Item.Key), "true", StringComparison.OrdinalIgnoreCase),
            credentials.GetValueOrDefault(s.Item.Key))).ToArray();
        return new NuGetConfig(merged, closestFirst.Select(f => f.Path).ToArray());
    }

    /// <summary>NuGet writes a user config naming nuget.org when none exists; behave as if it had.</summary>
    private static NuGetConfigFile DefaultUserConfig(string path) => new(
        path + " (absent: nuget.org assumed)",
        [new NuGetConfigItem(false, NuGetPackageSource.NuGetOrgName, NuGetPackageSource.NuGetOrgUrl, "3")],
        [],
        new Dictionary<string, NuGetCredential>());
}
