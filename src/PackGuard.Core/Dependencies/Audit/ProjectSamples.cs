using System.Text.Json.Nodes;
using PackGuard.Rules;

namespace PackGuard.Dependencies.Audit;

/// <summary>Small projects for the samples of the <c>dependency/*</c> and <c>lockfile/*</c> rules.</summary>
internal static class ProjectSamples
{
    /// <summary>A good sha512 integrity (of nothing in particular; samples are never downloaded).</summary>
    public const string Sha512 = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==";

    /// <summary>One installed package of a package-lock.json.</summary>
    public sealed record Package(string Name, string Version)
    {
        public string? Resolved { get; init; }
        public string? Integrity { get; init; } = Sha512;
        public bool Dev { get; init; }
        public bool InstallScript { get; init; }
        public bool Direct { get; init; } = true;
    }

    /// <summary>A registry package resolved from the npm registry, with a sha512 integrity.</summary>
    public static Package Registry(string name, string version) =>
        new(name, version) { Resolved = $"https://registry.npmjs.org/{name}/-/{name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..]}-{version}.tgz" };

    /// <summary>A lockfileVersion 3 package-lock.json of a project named app.</summary>
    public static SampleFile PackageLock(params Package[] packages)
    {
        var rootDependencies = new JsonObject();
        var rootDev = new JsonObject();
        var all = new JsonObject();
        foreach (var p in packages)
        {
            if (p.Direct)
                (p.Dev ? rootDev : rootDependencies)[p.Name] = p.Version;
        }
        var root = new JsonObject { ["name"] = "app", ["version"] = "1.0.0", ["dependencies"] = rootDependencies };
        if (rootDev.Count > 0)
            root["devDependencies"] = rootDev;
        all[""] = root;
        foreach (var p in packages)
        {
            var entry = new JsonObject { ["version"] = p.Version };
            if (p.Resolved is { } resolved)
                entry["resolved"] = resolved;
            if (p.Integrity is { } integrity)
                entry["integrity"] = integrity;
            if (p.Dev)
                entry["dev"] = true;
            if (p.InstallScript)
                entry["hasInstallScript"] = true;
            all["node_modules/" + p.Name] = entry;
        }
        var document = new JsonObject { ["name"] = "app", ["version"] = "1.0.0", ["lockfileVersion"] = 3, ["requires"] = true, ["packages"] = all };
        return new SampleFile("package-lock.json", document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>A sample that must fire.</summary>
    public static RuleSample Fires(string name, params SampleFile[] files) => new(name, true, []) { Project = new ProjectSample(files) };

    /// <summary>A sample that must not fire.</summary>
    public static RuleSample Passes(string name, params SampleFile[] files) => new(name, false, []) { Project = new ProjectSample(files) };
}
