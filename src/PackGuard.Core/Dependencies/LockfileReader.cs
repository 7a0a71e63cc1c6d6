using System.Text.Json;
using PackGuard.Dependencies.Npm;
using PackGuard.Dependencies.NuGet;
using PackGuard.Dependencies.Python;
using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies;

/// <summary>
/// Reads the lockfiles and manifests of npm, Yarn, pnpm, NuGet, pip, Poetry and uv into one model
/// (<see cref="Lockfile"/>, <see cref="Dependency"/>) that the dependency rules work on. The format
/// is chosen by file name, and by content when the name says nothing. Each format has its reader
/// in <c>Npm/</c>, <c>NuGet/</c> or <c>Python/</c>; they share the small, strict parsers in
/// <c>Text/</c> (JSON with lines, and the subsets of YAML and TOML lockfiles use). Bad content is
/// never an exception: it becomes <see cref="Lockfile.Problems"/>, and what could be read is kept.
/// </summary>
public static class LockfileReader
{
    /// <summary>
    /// Reads one file, choosing the format by name and content. Never throws on bad content
    /// (<see cref="Lockfile.Problems"/> say what was wrong); throws only when the file cannot be read.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="displayPath">How to show it (relative to what the user gave); dependency locations use it.</param>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Lockfile Read(string path, string displayPath) => Read(path, displayPath, LockfileLimits.Default);

    /// <summary>
    /// Finds the supported files under <paramref name="directory"/>: not inside node_modules, .git,
    /// bin/obj, virtual environments and other tool caches; at most <see cref="LockfileFinder.MaxDepth"/>
    /// levels deep; in path order.
    /// </summary>
    public static IReadOnlyList<string> Find(string directory) => LockfileFinder.Find(directory);

    /// <summary>The format a file's name says it has, or <see langword="null"/> when the name is not one PackGuard reads.</summary>
    public static string? FormatOfName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name switch
        {
            "package-lock.json" or "npm-shrinkwrap.json" => LockfileFormats.PackageLock,
            "yarn.lock" => LockfileFormats.YarnClassic,
            "pnpm-lock.yaml" => LockfileFormats.Pnpm,
            "packages.lock.json" => LockfileFormats.NuGetLock,
            "packages.config" => LockfileFormats.PackagesConfig,
            "directory.packages.props" or "directory.build.props" or "directory.build.targets" => LockfileFormats.MsBuild,
            "poetry.lock" => LockfileFormats.Poetry,
            "uv.lock" => LockfileFormats.Uv,
            _ when name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".fsproj", StringComparison.Ordinal)
                || name.EndsWith(".vbproj", StringComparison.Ordinal) => LockfileFormats.MsBuild,
            _ when IsRequirementsName(name) => LockfileFormats.Requirements,
            _ => null,
        };
    }

    /// <summary>The format a file's name, or the folder it is in (<c>requirements/dev.txt</c>), says it has.</summary>
    internal static string? FormatOfPath(string path)
    {
        var name = Path.GetFileName(path);
        if (FormatOfName(name) is { } format)
            return format;
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        var lower = name.ToLowerInvariant();
        return folder.Equals("requirements", StringComparison.OrdinalIgnoreCase)
            && (lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".in", StringComparison.Ordinal))
            ? LockfileFormats.Requirements
            : null;
    }

    /// <summary>requirements.txt, requirements-dev.txt, dev-requirements.txt, requirements.in and the like.</summary>
    internal static bool IsRequirementsName(string lowerName) =>
        (lowerName.EndsWith(".txt", StringComparison.Ordinal) || lowerName.EndsWith(".in", StringComparison.Ordinal))
        && (lowerName.StartsWith("requirements", StringComparison.Ordinal) || lowerName.Contains("-requirements", StringComparison.Ordinal)
            || lowerName.Contains("_requirements", StringComparison.Ordinal) || lowerName.StartsWith("constraints", StringComparison.Ordinal));

    internal static Lockfile Read(string path, string displayPath, LockfileLimits limits)
    {
        var full = Path.GetFullPath(path);
        var context = new ReadContext(full, displayPath, limits);
        var bytes = FileText.ReadBytes(full, context.Builder);
        if (bytes is null)
            return context.Builder.Build(displayPath, FormatOfPath(full) ?? LockfileFormats.Unknown);
        var format = FormatOfPath(full) ?? Sniff(bytes, full);
        if (format == LockfileFormats.YarnClassic && LooksLikeBerry(bytes))
            format = LockfileFormats.YarnBerry;
        try
        {
            ReadFormat(format, bytes, context);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines from zero and appends its position to the message.
            var message = e.Message;
            var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            context.Builder.Problem($"not valid JSON: {(position > 0 ? message[..position] : message)}", e.LineNumber + 1 is long line ? (int)line : null);
        }
        catch (InvalidOperationException e)
        {
            context.Builder.Problem($"not valid JSON: {e.Message}");
        }
        return context.Builder.Build(displayPath, format);
    }

    private static void ReadFormat(string format, byte[] bytes, ReadContext context)
    {
        var builder = context.Builder;
        switch (format)
        {
            case LockfileFormats.PackageLock:
                PackageLockReader.Read(JsonTree.Parse(bytes, context.Limits.MaxNesting), context);
                break;
            case LockfileFormats.NuGetLock:
                NuGetLockReader.Read(JsonTree.Parse(bytes, context.Limits.MaxNesting), context);
                break;
            case LockfileFormats.YarnClassic:
                YarnClassicReader.Read(FileText.Decode(bytes, builder), context);
                break;
            case LockfileFormats.YarnBerry:
            {
                var documents = Yaml(bytes, context);
                if (documents.Count == 0)
                    builder.Problem("the file is empty");
                else
                    YarnBerryReader.Read(documents[0], context);
                break;
            }
            case LockfileFormats.Pnpm:
                PnpmLockReader.Read(Yaml(bytes, context), context);
                break;
            case LockfileFormats.MsBuild:
                MsBuildReader.Read(FileText.Decode(bytes, builder), context);
                break;
            case LockfileFormats.PackagesConfig:
                PackagesConfigReader.Read(FileText.Decode(bytes, builder), context);
                break;
            case LockfileFormats.Requirements:
                RequirementsReader.Read(FileText.Decode(bytes, builder), context);
                break;
            case LockfileFormats.Poetry:
                PoetryLockReader.Read(FileText.Decode(bytes, builder), context);
                break;
            case LockfileFormats.Uv:
                UvLockReader.Read(FileText.Decode(bytes, builder), context);
                break;
            default:
                builder.Problem("not a lockfile or manifest PackGuard reads");
                break;
        }
    }

    private static IReadOnlyList<YamlNode> Yaml(byte[] bytes, ReadContext context) =>
        YamlReader.Parse(FileText.Decode(bytes, context.Builder), context.Limits.MaxNesting, (message, line) => context.Builder.Problem(message, line));

    private static bool LooksLikeBerry(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        return head.IndexOf("\n__metadata:"u8) >= 0 || head.StartsWith("__metadata:"u8);
    }

    /// <summary>The format of a file whose name says nothing, from its first bytes.</summary>
    private static string Sniff(ReadOnlySpan<byte> bytes, string path)
    {
        var head = FileText.WithoutBom(bytes[..Math.Min(bytes.Length, 8192)]);
        var text = System.Text.Encoding.UTF8.GetString(head);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            if (text.Contains("\"lockfileVersion\"", StringComparison.Ordinal))
                return LockfileFormats.PackageLock;
            if (text.Contains("\"contentHash\"", StringComparison.Ordinal) || text.Contains("\"type\": \"Direct\"", StringComparison.Ordinal)
                || text.Contains("\"type\": \"Transitive\"", StringComparison.Ordinal))
                return LockfileFormats.NuGetLock;
            return LockfileFormats.Unknown;
        }
        if (trimmed.StartsWith('<'))
        {
            if (text.Contains("<packages", StringComparison.Ordinal) && text.Contains("<package ", StringComparison.Ordinal))
                return LockfileFormats.PackagesConfig;
            return text.Contains("<Project", StringComparison.Ordinal) ? LockfileFormats.MsBuild : LockfileFormats.Unknown;
        }
        if (text.Contains("# yarn lockfile v1", StringComparison.Ordinal))
            return LockfileFormats.YarnClassic;
        if (LooksLikeBerry(head))
            return LockfileFormats.YarnBerry;
        if (text.StartsWith("lockfileVersion:", StringComparison.Ordinal) || text.Contains("\nlockfileVersion:", StringComparison.Ordinal))
            return LockfileFormats.Pnpm;
        if (text.Contains("[[package]]", StringComparison.Ordinal))
        {
            if (text.Contains("source = {", StringComparison.Ordinal) || text.Contains("requires-python", StringComparison.Ordinal) && text.StartsWith("version", StringComparison.Ordinal))
                return LockfileFormats.Uv;
            return LockfileFormats.Poetry;
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".txt" or ".in" && LooksLikeRequirements(text))
            return LockfileFormats.Requirements;
        return LockfileFormats.Unknown;
    }

    /// <summary>Text whose first lines are all requirements, pip options or comments (at least one requirement or option).</summary>
    private static bool LooksLikeRequirements(string head)
    {
        var lines = head.Split('\n').Take(50).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (head.Length == 8192 && lines.Count > 1)
            lines.RemoveAt(lines.Count - 1);
        return lines.Count > 0 && lines.All(l => l.StartsWith('-') || l.EndsWith('\\') || Python.RequirementSpec.Parse(l.Split(" #")[0]) is { Name.Length: > 0 });
    }
}
