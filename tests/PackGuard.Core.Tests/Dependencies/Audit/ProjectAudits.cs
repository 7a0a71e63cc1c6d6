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
        var result = new DependencyAudit(project.Policy, TyposquatDetector.Default).Audit(directory, files, size);
        if (project.Registry is not { } registry)
            return result;
        var lookup = new SampleRegistry(registry, project.Now);
        var answers = RegistryLookups.LookupAllAsync(lookup, OnlineChecks.Plan(files), project.Now - project.Policy.Cooldown, null, CancellationToken.None).GetAwaiter().GetResult();
        return OnlineChecks.AddTo(result, files, answers, project.Policy, project.Now);
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
