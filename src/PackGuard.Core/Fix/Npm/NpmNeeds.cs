using System.Text.RegularExpressions;
using PackGuard.Inspectors;

namespace PackGuard.Fix.Npm;

/// <summary>
/// What an npm package needs at run time: the top-level files and directories its entry points
/// live in (what a <c>files</c> allowlist lists), plus root-level files the root entry points
/// import (<c>require('./util')</c> from an <c>index.js</c>). npm publishes package.json, README
/// and LICENSE whatever <c>files</c> says, so they are needed without being listed.
/// </summary>
internal sealed class NpmNeeds
{
    private const int MaxImportScanBytes = 1 << 20;
    private const int MaxImportScanFiles = 200;
    private static readonly string[] ResolveSuffixes = ["", ".js", ".json", ".node", ".mjs", ".cjs", "/index.js", "/index.json"];
    private static readonly Regex RelativeImport = RegexSafety.Create("""(?:require\s*\(|import\s*\(|\bfrom|\bimport)\s*['"](\.{1,2}/[^'"\r\n]{1,300})['"]""");

    private readonly HashSet<string> _required = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _roots = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rootDirectories = new(StringComparer.Ordinal);

    private NpmNeeds()
    {
    }

    /// <summary>Top-level files and directories to list in <c>files</c>, sorted.</summary>
    public IReadOnlyCollection<string> Roots => _roots;

    /// <summary>Whether any entry point was found; without one an allowlist would drop everything.</summary>
    public bool HasEntryPoints => _roots.Count > 0;

    /// <summary>Computes the needs of a package from its entry points and its files (package paths).</summary>
    /// <param name="entryPoints">From package.json.</param>
    /// <param name="packageFiles">Every file the package holds now.</param>
    /// <param name="readRootFile">Reads a root-level file's text for its imports; <see langword="null"/> when it cannot.</param>
    public static NpmNeeds Compute(NpmEntryPoints entryPoints, IReadOnlyCollection<string> packageFiles, Func<string, int, string?> readRootFile)
    {
        var needs = new NpmNeeds();
        var files = new HashSet<string>(packageFiles, StringComparer.Ordinal);
        var directories = new HashSet<string>(packageFiles.SelectMany(Ancestors), StringComparer.Ordinal);
        var pending = new Queue<string>();

        void Need(string path)
        {
            var resolved = Resolve(path, files);
            if (resolved is not null)
            {
                if (needs._required.Add(resolved) && !resolved.Contains('/'))
                    pending.Enqueue(resolved);
                needs.AddRoot(resolved, isDirectory: false);
            }
            else if (directories.Contains(path))
            {
                needs.AddRoot(path, isDirectory: true);
            }
        }

        foreach (var file in entryPoints.Files)
            Need(file);
        foreach (var directory in entryPoints.Directories)
        {
            if (directories.Contains(directory))
                needs.AddRoot(directory, isDirectory: true);
        }
        // Without "main", node loads index.js, and npm always publishes the main file.
        if (files.Contains("index.js") && !entryPoints.Files.Any())
            Need("index.js");

        var scanned = 0;
        while (pending.Count > 0 && scanned++ < MaxImportScanFiles)
        {
            var file = pending.Dequeue();
            if (!IsScript(file) || readRootFile(file, MaxImportScanBytes) is not { } text)
                continue;
            foreach (Match match in RelativeImport.Matches(text))
            {
                if (PackagePaths.Normalise(match.Groups[1].Value) is { } target)
                    Need(target);
            }
        }
        return needs;
    }

    /// <summary>Whether npm publishes the file whatever <c>files</c> says.</summary>
    public static bool AlwaysPublished(string path)
    {
        if (path.Contains('/'))
            return false;
        var stem = Path.GetFileNameWithoutExtension(path);
        return path == "package.json"
            || stem.Equals("README", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("LICENSE", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("LICENCE", StringComparison.OrdinalIgnoreCase)
            || path.Equals("LICENSE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the package runs or serves this file itself (an entry point, or always published).</summary>
    public bool IsRequired(string path) => _required.Contains(path) || AlwaysPublished(path);

    /// <summary>Whether the file is under a directory the package needs (and is not required by name).</summary>
    public bool IsInNeededDirectory(string path) => _rootDirectories.Contains(PackagePaths.TopSegment(path)) && path.Contains('/');

    /// <summary>Whether a <c>files</c> allowlist of <see cref="Roots"/> leaves the file out.</summary>
    public bool IsOutsideRoots(string path) => !AlwaysPublished(path) && !_roots.Contains(PackagePaths.TopSegment(path));

    private void AddRoot(string path, bool isDirectory)
    {
        var top = PackagePaths.TopSegment(path);
        if (AlwaysPublished(top) && !isDirectory)
            return;
        _roots.Add(top);
        if (isDirectory || path.Contains('/'))
            _rootDirectories.Add(top);
    }

    private static string? Resolve(string path, HashSet<string> files)
    {
        foreach (var suffix in ResolveSuffixes)
        {
            if (files.Contains(path + suffix))
                return path + suffix;
        }
        return null;
    }

    private static bool IsScript(string path) =>
        path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal) || path.EndsWith(".cjs", StringComparison.Ordinal);

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
            yield return path[..slash];
    }
}
