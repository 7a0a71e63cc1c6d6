using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies.NuGet;

/// <summary>
/// Reads NuGet's <c>packages.lock.json</c>: for each target framework (and runtime), the packages
/// restored, each with <c>type</c> (Direct, Transitive, CentralTransitive, Project),
/// <c>requested</c>, <c>resolved</c> (a version, not a URL) and <c>contentHash</c> (the base64
/// SHA-512 of the .nupkg). A package locked for several frameworks is one dependency.
/// </summary>
internal static class NuGetLockReader
{
    public static void Read(JsonTree root, ReadContext context)
    {
        var builder = context.Builder;
        builder.FormatVersion = root["version"]?.Text;
        if (root["dependencies"] is not JsonObject frameworks)
        {
            builder.Problem("no 'dependencies' object: not a NuGet packages.lock.json");
            return;
        }
        foreach (var framework in frameworks.Members)
        {
            foreach (var package in framework.Value.Members)
            {
                var entry = package.Value;
                if (entry is not JsonObject)
                {
                    builder.Problem($"package {builder.Quote(package.Key)} is not an object", package.Line);
                    continue;
                }
                var type = entry["type"]?.Text;
                var project = string.Equals(type, "Project", StringComparison.OrdinalIgnoreCase);
                var hash = entry["contentHash"]?.Text;
                var integrity = string.IsNullOrEmpty(hash) ? null : "sha512-" + hash;
                builder.Add(new Dependency(Ecosystems.NuGet, package.Key, project ? null : entry["resolved"]?.Text)
                {
                    Integrity = integrity,
                    Hashes = integrity is null ? [] : [integrity],
                    Requested = entry["requested"]?.Text,
                    Direct = project || string.Equals(type, "Direct", StringComparison.OrdinalIgnoreCase),
                    Kind = project ? DependencyKind.Local : DependencyKind.Registry,
                    Location = builder.At(package.Line),
                });
            }
        }
        NuGetConfig.AddSources(context);
    }
}
