using PackGuard.Artifacts.Metadata;
using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// Follows each npm install script to the code it runs: the command itself (as <c>sh -c</c> reads
/// it), code it evaluates inline (<c>node -e</c>), the files it names, and the files those require
/// or start, a few hops deep. What every piece does is gathered into one <see cref="InstallHook"/>.
/// </summary>
internal sealed class NpmHookTracer(PackageMetadata package, string? manifestText, IReadOnlyDictionary<string, ScriptFile> files, ArtifactSummary artifact)
{
    /// <summary>How many hops from the command a file may be and still count as run by it.</summary>
    public const int MaxDepth = 3;

    /// <summary>The most files followed from one script.</summary>
    public const int MaxFiles = 50;

    private static readonly string[] Probes = ["", ".js", ".cjs", ".mjs", "/index.js", ".sh", ".bat"];

    private readonly string _root = package.ManifestPath is { } path ? path[..(path.LastIndexOf('/') + 1)] : "";

    public IEnumerable<InstallHook> Trace()
    {
        var manifest = package.ManifestPath ?? "package.json";
        foreach (var (name, command, implied) in InstallHooks.NpmScripts(package, artifact.ContainsEntry(_root + "binding.gyp")))
        {
            var behaviours = new List<HookBehaviour>();
            var facts = ScriptFacts.None;
            var (line, column) = implied ? (0, 0) : ScriptPosition(name);
            var queue = new Queue<(string Path, int Depth)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (code, dialect, mode) in Commands(command))
            {
                var analysis = ScriptScanner.Analyze(code, dialect, mode, Math.Max(line, 1), Math.Max(column, 1));
                facts |= analysis.Facts;
                behaviours.AddRange(analysis.Hits.Select(h => new HookBehaviour(manifest, line == 0 ? h with { Line = 0, Column = 0 } : h)));
                foreach (var reference in NpmCommand.Parse(code).Files.Concat(mode == ScanMode.Inline ? analysis.References : []))
                    Enqueue(reference, _root, 1, queue, seen);
            }
            var reached = new List<string>();
            while (queue.Count > 0 && reached.Count < MaxFiles)
            {
                var (path, depth) = queue.Dequeue();
                reached.Add(path);
                if (!files.TryGetValue(path, out var file))
                    continue;
                facts |= file.Analysis.Facts;
                behaviours.AddRange(file.Analysis.Hits.Select(h => new HookBehaviour(path, h)));
                if (depth >= MaxDepth)
                    continue;
                var directory = path[..(path.LastIndexOf('/') + 1)];
                foreach (var reference in file.Analysis.References)
                    Enqueue(reference, directory, depth + 1, queue, seen);
            }
            yield return new InstallHook(InstallHookKind.NpmScript, name, manifest)
            {
                Command = command,
                Files = reached,
                Facts = facts,
                Behaviours = behaviours,
                Summary = implied ? "implied by binding.gyp" : null,
                Line = line > 0 ? line : null,
            };
        }
    }

    /// <summary>The command, code it evaluates inline, and the commands of the scripts it runs with <c>npm run</c>.</summary>
    private IEnumerable<(string Code, Dialect Dialect, ScanMode Mode)> Commands(string command)
    {
        var pending = new Queue<(string, int)>([(command, 0)]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var (text, depth) = pending.Dequeue();
            yield return (text, Dialect.Shell, ScanMode.File);
            var parsed = NpmCommand.Parse(text);
            foreach (var (code, dialect) in parsed.Inline.Where(i => i.Dialect != Dialect.Shell))
                yield return (code, dialect, ScanMode.Inline);
            if (depth >= MaxDepth)
                continue;
            foreach (var script in parsed.Scripts)
            {
                if (visited.Add(script) && package.Scripts.TryGetValue(script, out var next))
                    pending.Enqueue((next, depth + 1));
            }
        }
    }

    private void Enqueue(string reference, string directory, int depth, Queue<(string, int)> queue, HashSet<string> seen)
    {
        foreach (var baseDirectory in new[] { directory, _root }.Distinct())
        {
            if (Resolve(baseDirectory, reference) is { } path)
            {
                if (!IsScript(path))
                    return;
                if (seen.Add(path))
                    queue.Enqueue((path, depth));
                return;
            }
        }
    }

    /// <summary>The artifact path <paramref name="reference"/> names from <paramref name="directory"/>, as Node resolves a relative require; null when it names no file of the package.</summary>
    private string? Resolve(string directory, string reference)
    {
        var segments = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var rootDepth = _root.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        foreach (var segment in reference.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count <= rootDepth)
                    return null;
                segments.RemoveAt(segments.Count - 1);
            }
            else
                segments.Add(segment);
        }
        if (segments.Count == 0)
            return null;
        var joined = string.Join('/', segments);
        return Probes.Select(p => joined + p).FirstOrDefault(artifact.ContainsEntry);
    }

    /// <summary>A file a script can run: JSON, text and native modules are read or loaded, not analysed.</summary>
    private static bool IsScript(string path)
    {
        var extension = Path.GetExtension(path[(path.LastIndexOf('/') + 1)..]);
        return extension.Length == 0 || Dialects.Of(path, "#!"u8) != Dialect.None;
    }

    /// <summary>The line and column of the script's command in package.json, for findings about it.</summary>
    private (int Line, int Column) ScriptPosition(string name)
    {
        if (manifestText is null)
            return (0, 0);
        var key = $"\"{name}\"";
        var from = Math.Max(0, manifestText.IndexOf("\"scripts\"", StringComparison.Ordinal));
        while ((from = manifestText.IndexOf(key, from, StringComparison.Ordinal)) >= 0)
        {
            var after = manifestText.AsSpan(from + key.Length).TrimStart(" \t\r\n");
            if (after.StartsWith(':'))
            {
                var value = manifestText.Length - after[1..].TrimStart(" \t\r\n").Length;
                var line = 1 + manifestText.AsSpan(0, value).Count('\n');
                var column = value - manifestText.LastIndexOf('\n', Math.Max(0, value - 1));
                return (line, column + 1);
            }
            from += key.Length;
        }
        return (0, 0);
    }
}
