using PackGuard.Dependencies.Advisories;
using PackGuard.Dependencies.Audit;
using PackGuard.Dependencies.Online;
using PackGuard.Dependencies.Typosquatting;
using PackGuard.Rules;
using PackGuard.Scanning;

namespace PackGuard.Tests.Dependencies.Audit;

/// <summary>
/// Audits a project directory the way <c>packguard deps</c> does, with a sample's policy; when the
/// sample says what the public registry holds, the online checks run against that instead of a network.
/// </summary>
internal static class ProjectAudits
{
    public static ScanResult Run(string directory, ProjectSample project)
    {
        var (files, size) = ProjectFiles.Read(directory);
        using var store = project.Advisories.Count > 0 ? Store(project.Advisories) : null;
        var audit = new DependencyAudit(project.Policy, TyposquatDetector.Default)
        {
            Advisories = store is null ? null : store.Match,
            AdvisoryRecords = project.Advisories.Count,
        };
        var result = audit.Audit(directory, files, size);
        if (project.Registry is not { } registry)
            return result;
        var lookup = new SampleRegistry(registry, project.Now);
        var answers = RegistryLookups.LookupAllAsync(lookup, OnlineChecks.Plan(files), project.Now - project.Policy.Cooldown, null, CancellationToken.None).GetAwaiter().GetResult();
        return OnlineChecks.AddTo(result, files, answers, project.Policy, project.Now);
    }

    /// <summary>An advisory store in a temporary directory holding <paramref name="records"/> (OSV JSON), deleted with the store.</summary>
    private static TemporaryStore Store(IReadOnlyList<string> records)
    {
        var root = Directory.CreateTempSubdirectory("packguard-advisories-").FullName;
        var source = Directory.CreateDirectory(Path.Combine(root, "osv")).FullName;
        for (var i = 0; i < records.Count; i++)
            File.WriteAllText(Path.Combine(source, $"record-{i}.json"), records[i]);
        var store = AdvisoryStore.Open(Path.Combine(root, AdvisoryStore.FileName));
        store.Import(source, null, CancellationToken.None);
        return new TemporaryStore(store, root);
    }

    private sealed class TemporaryStore(AdvisoryStore store, string root) : IDisposable
    {
        public IReadOnlyList<AdvisoryMatch> Match(string ecosystem, string name, string? version) => store.Match(ecosystem, name, version);

        public void Dispose()
        {
            store.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    public static ScanResult Run(string directory, DependencyPolicy? policy = null) =>
        Run(directory, new ProjectSample([]) { Policy = policy ?? DependencyPolicy.Default });

    /// <summary>A public registry that holds the names of <see cref="ProjectSample.Registry"/>, each version published the given hours before now.</summary>
    internal sealed class SampleRegistry(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> names, DateTimeOffset now) : IRegistryLookup
    {
        public Task<RegistryPackage> LookupAsync(string ecosystem, string name, IReadOnlyCollection<string> versions, DateTimeOffset olderThan, CancellationToken ct)
        {
            if (!names.TryGetValue($"{ecosystem}:{name}", out var published))
                return Task.FromResult(new RegistryPackage(ecosystem, name, "https://registry.example/", RegistryPresence.Missing));
            return Task.FromResult(new RegistryPackage(ecosystem, name, "https://registry.example/", RegistryPresence.Exists)
            {
                Published = published.ToDictionary(p => p.Key, p => now.AddHours(-p.Value)),
            });
        }
    }
}
