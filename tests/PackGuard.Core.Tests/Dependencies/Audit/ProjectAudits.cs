using PackGuard.Dependencies.Audit;
using PackGuard.Dependencies.Typosquatting;
using PackGuard.Rules;
using PackGuard.Scanning;

namespace PackGuard.Tests.Dependencies.Audit;

/// <summary>Audits a project directory the way <c>packguard deps</c> does, with a sample's policy.</summary>
internal static class ProjectAudits
{
    public static ScanResult Run(string directory, ProjectSample project)
    {
        var (files, size) = ProjectFiles.Read(directory);
        return new DependencyAudit(project.Policy, TyposquatDetector.Default).Audit(directory, files, size);
    }

    public static ScanResult Run(string directory, DependencyPolicy? policy = null) =>
        Run(directory, new ProjectSample([]) { Policy = policy ?? DependencyPolicy.Default });
}
