using System.Globalization;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Audit;

namespace PackGuard.Cli.Reports;

/// <summary>The lines under a <c>packguard deps</c> report's title: the files read, and what could not be checked.</summary>
internal static class DependencySummary
{
    private const int ListedFiles = 8;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEnumerable<string> Header(DependencyAuditSummary summary)
    {
        var files = summary.Files;
        var ecosystems = files.GroupBy(f => f.Ecosystem ?? "unknown").Select(g => $"{g.Sum(f => f.Packages).ToString("N0", Invariant)} {g.Key}");
        yield return $"{Count(files.Count, "file")}, {Count(summary.Packages, "package")} ({string.Join(", ", ecosystems)})"
            + (summary.Online ? " · registries asked (--online)" : " · offline")
            + (summary.AdvisoryRecords is { } records ? $" · {Count(records, "advisory record")}" : " · no advisory store");
        foreach (var file in files.Take(ListedFiles))
        {
            var format = Format(file);
            var problems = file.Problems > 0 ? $", {Count(file.Problems, "problem")}" : "";
            yield return $"  {file.Path}: {format}, {Count(file.Packages, "package")} ({file.Direct.ToString("N0", Invariant)} direct){problems}";
        }
        if (files.Count > ListedFiles)
            yield return $"  and {files.Count - ListedFiles} more files (--format json lists them all)";
        foreach (var note in summary.Notes.Take(3))
            yield return "  " + note;
        if (summary.Notes.Count > 3)
            yield return $"  and {summary.Notes.Count - 3} more notes (--format json lists them all)";
    }

    private static string Format(AuditedFile file)
    {
        var name = file.Format switch
        {
            LockfileFormats.PackageLock => "npm lockfile",
            LockfileFormats.YarnClassic => "Yarn 1 lockfile",
            LockfileFormats.YarnBerry => "Yarn lockfile",
            LockfileFormats.Pnpm => "pnpm lockfile",
            LockfileFormats.NuGetLock => "NuGet lockfile",
            LockfileFormats.MsBuild => "MSBuild project",
            LockfileFormats.PackagesConfig => "packages.config",
            LockfileFormats.Requirements => "pip requirements",
            LockfileFormats.Poetry => "Poetry lockfile",
            LockfileFormats.Uv => "uv lockfile",
            _ => file.Format,
        };
        return file.FormatVersion is { } version ? $"{name} v{version}" : name;
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString("N0", Invariant)} {noun}{(count == 1 ? "" : "s")}";
}
