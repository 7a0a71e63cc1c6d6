namespace PackGuard.Dependencies.Python;

/// <summary>
/// Reads pip requirements files: requirement lines (pins, ranges, <c>name @ url</c>, bare URLs and
/// VCS links, <c>-e</c>), their <c>--hash</c> options, line continuations, comments, and the
/// file-level <c>--index-url</c>, <c>--extra-index-url</c> and <c>--find-links</c> (recorded as
/// package sources). <c>-r</c> includes are followed relative to the including file, bounded in
/// depth and count, each file once; a cycle is a problem. <c>-c</c> constraint files install
/// nothing and are not read. pip-compile's <c># via</c> notes tell transitive pins from the
/// project's own.
/// </summary>
internal sealed class RequirementsReader
{
    private readonly ReadContext _context;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<string> _stack = [];
    private int _files;

    private RequirementsReader(ReadContext context) => _context = context;

    public static void Read(string text, ReadContext context)
    {
        var reader = new RequirementsReader(context);
        var full = Path.GetFullPath(context.FullPath);
        reader._visited.Add(full);
        reader._stack.Add(full);
        reader.ReadText(text, full, context.DisplayPath, depth: 0);
    }

    private sealed class Pending
    {
        public required Dependency Dependency { get; init; }
        public List<string> Via { get; } = [];
        public bool InVia { get; set; }
    }

    private void ReadText(string text, string fullPath, string display, int depth)
    {
        var builder = _context.Builder;
        var file = display == _context.DisplayPath ? null : display;
        Pending? pending = null;
        foreach (var (line, number, comment) in LogicalLines(text))
        {
            if (comment is not null)
            {
                NoteComment(pending, comment);
                continue;
            }
            Flush(ref pending);
            if (line.StartsWith('-'))
            {
                Option(line, number, fullPath, display, file, depth);
                continue;
            }
            var (spec, options) = SplitOptions(line);
            var requirement = RequirementSpec.Parse(spec);
            if (requirement is null || requirement.Name.Length == 0)
            {
                builder.Problem(requirement is null ? $"not a requirement: {builder.Quote(line)}" : $"cannot tell the project a URL or path installs: {builder.Quote(spec)}", number, file);
                continue;
            }
            var hashes = options.Where(o => o.Name == "--hash").Select(o => o.Value).OfType<string>().ToArray();
            pending = new Pending { Dependency = Make(requirement, hashes, display, number) };
        }
        Flush(ref pending);
    }

    private static Dependency Make(RequirementSpec requirement, string[] hashes, string display, int line)
    {
        var kind = DependencyKind.Registry;
        if (requirement.Url is { } url)
        {
            kind = SourceUrls.IsGit(url) || url.StartsWith("hg+", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("svn+", StringComparison.OrdinalIgnoreCase) || url.StartsWith("bzr+", StringComparison.OrdinalIgnoreCase)
                ? DependencyKind.Git
                : SourceUrls.IsHttp(url) ? DependencyKind.Url : DependencyKind.Local;
        }
        var pinned = requirement.PinnedVersion;
        return new Dependency(Ecosystems.PyPI, PackageNames.NormalizePyPI(requirement.Name), pinned)
        {
            DisplayName = requirement.Name,
            Requested = pinned is null || requirement.Url is not null ? requirement.Specifier : null,
            Resolved = requirement.Url is null ? null : SourceUrls.WithoutCredentials(requirement.Url),
            Integrity = hashes.FirstOrDefault(),
            Hashes = hashes,
            Direct = true,
            Kind = kind,
            Location = new DependencyLocation(display, line),
        };
    }

    private void Flush(ref Pending? pending)
    {
        if (pending is null)
            return;
        var dependency = pending.Dependency;
        // pip-compile notes each pin's origin: "-r requirements.in" for the project's own, a package name for the rest.
        if (pending.Via.Count > 0 && !pending.Via.Any(v => v.StartsWith("-r ", StringComparison.Ordinal) || v.StartsWith("-e ", StringComparison.Ordinal)))
            dependency = dependency with { Direct = false };
        _context.Builder.Add(dependency);
        pending = null;
    }

    private static void NoteComment(Pending? pending, string comment)
    {
        if (pending is null)
            return;
        var text = comment.TrimStart('#').Trim();
        if (text.StartsWith("via", StringComparison.Ordinal) && (text.Length == 3 || text[3] == ' '))
        {
            pending.InVia = true;
            if (text.Length > 4)
                pending.Via.Add(text[4..].Trim());
        }
        else if (pending.InVia && text.Length > 0)
            pending.Via.Add(text);
    }

    private void Option(string line, int number, string fullPath, string display, string? file, int depth)
    {
        var builder = _context.Builder;
        var (name, value, _) = FirstOption(line);
        switch (name)
        {
            case "-r" or "--requirement":
                if (value is null)
                    builder.Problem("-r without a file", number, file);
                else
                    Include(value, number, fullPath, file, depth);
                break;
            case "-e" or "--editable":
                if (value is null)
                {
                    builder.Problem("-e without a path or URL", number, file);
                    break;
                }
                var (egg, _) = RequirementSpec.NameFromUrl(value);
                if (egg is null)
                {
                    // A local project without #egg= is named only by its own metadata; nothing is fetched for it.
                    if (!value.Contains("://", StringComparison.Ordinal) && !value.Contains('+', StringComparison.Ordinal))
                        break;
                    builder.Problem($"cannot tell the project an editable URL installs (no #egg=): {builder.Quote(value)}", number, file);
                    break;
                }
                _context.Builder.Add(Make(new RequirementSpec(egg, null, value), [], display, number));
                break;
            case "-i" or "--index-url":
                AddSource(value, PackageSourceKind.Index, display, number);
                break;
            case "--extra-index-url":
                AddSource(value, PackageSourceKind.ExtraIndex, display, number);
                break;
            case "-f" or "--find-links":
                AddSource(value, PackageSourceKind.FindLinks, display, number);
                break;
        }
    }

    private void AddSource(string? url, PackageSourceKind kind, string display, int line)
    {
        if (!string.IsNullOrEmpty(url))
            _context.Builder.Source(new PackageSource(url, kind, new DependencyLocation(display, line)));
    }

    private void Include(string target, int line, string fromFullPath, string? file, int depth)
    {
        var builder = _context.Builder;
        if (target.Contains("://", StringComparison.Ordinal))
        {
            builder.Problem($"includes a remote file, which is not read: {builder.Quote(target)}", line, file);
            return;
        }
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFullPath) ?? ".", target));
        var display = _context.DisplayOf(full);
        if (_stack.Contains(full))
        {
            var cycle = string.Join(" -> ", _stack.SkipWhile(s => s != full).Append(full).Select(_context.DisplayOf));
            builder.Problem($"include cycle: {cycle}; not followed again", line, file);
            return;
        }
        if (!_visited.Add(full))
            return;
        if (depth + 1 > _context.Limits.MaxIncludeDepth)
        {
            builder.Problem($"includes nested more than {_context.Limits.MaxIncludeDepth} deep; {display} was not read", line, file);
            return;
        }
        if (++_files > _context.Limits.MaxIncludedFiles)
        {
            builder.Problem($"more than {_context.Limits.MaxIncludedFiles} included files; {display} was not read", line, file);
            return;
        }
        if (!File.Exists(full))
        {
            builder.Problem($"includes {display}, which does not exist", line, file);
            return;
        }
        var text = _context.ReadOptional(full);
        if (text is null)
            return;
        _stack.Add(full);
        ReadText(text, full, display, depth + 1);
        _stack.RemoveAt(_stack.Count - 1);
    }

    /// <summary>The requirement before its per-requirement options (<c>--hash=...</c>), and those options.</summary>
    private static (string Spec, List<(string Name, string? Value)> Options) SplitOptions(string line)
    {
        var options = new List<(string, string?)>();
        var cut = line.IndexOf(" --", StringComparison.Ordinal);
        var tab = line.IndexOf("\t--", StringComparison.Ordinal);
        if (tab >= 0 && (cut < 0 || tab < cut))
            cut = tab;
        if (cut < 0)
            return (line, options);
        var rest = line[cut..];
        while (rest.Trim().Length > 0)
        {
            var (name, value, after) = FirstOption(rest.Trim());
            if (name.Length == 0 || after.Length >= rest.Length)
                break;
            options.Add((name, value));
            rest = after;
        }
        return (line[..cut], options);
    }

    /// <summary>The first option of <paramref name="text"/> (<c>-r x</c>, <c>-rx</c>, <c>--requirement=x</c>, <c>--requirement x</c>), its value and the rest.</summary>
    private static (string Name, string? Value, string After) FirstOption(string text)
    {
        var (token, rest) = NextToken(text);
        if (!token.StartsWith('-'))
            return ("", null, text);
        string name;
        string? value = null;
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = token.IndexOf('=');
            if (equals > 0)
                return (token[..equals], token[(equals + 1)..], rest);
            name = token;
            if (!TakesValue(name))
                return (name, null, rest);
        }
        else
        {
            name = token.Length > 2 ? token[..2] : token;
            if (token.Length > 2)
                return (name, token[2..].TrimStart('='), rest);
            if (!TakesValue(name))
                return (name, null, rest);
        }
        (value, rest) = NextToken(rest);
        return (name, value.Length == 0 ? null : value, rest);
    }

    private static bool TakesValue(string name) => name is not ("--pre" or "--no-index" or "--require-hashes" or "--prefer-binary" or "--no-deps" or "--user");

    private static (string Token, string After) NextToken(string text)
    {
        var position = 0;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
        if (position < text.Length && text[position] is '"' or '\'')
        {
            var quote = text[position];
            var close = text.IndexOf(quote, position + 1);
            if (close > 0)
                return (text[(position + 1)..close], text[(close + 1)..]);
        }
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
            position++;
        return (text[start..position], text[position..]);
    }

    /// <summary>
    /// The logical lines: continuations (a trailing backslash) joined, comments (<c>#</c> at the
    /// start or after whitespace) removed; a whole-line comment is passed on as such.
    /// </summary>
    private static IEnumerable<(string Line, int Number, string? Comment)> LogicalLines(string text)
    {
        var number = 0;
        var start = 0;
        System.Text.StringBuilder? joined = null;
        var joinedStart = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            number++;
            var physical = text.AsSpan(start, end - start).TrimEnd('\r');
            start = end + 1;
            var trimmed = physical.Trim();
            if (trimmed.StartsWith("#"))
            {
                if (joined is null)
                    yield return ("", number, trimmed.ToString());
                continue;
            }
            var content = WithoutComment(physical);
            var continues = content.TrimEnd().EndsWith('\\');
            if (continues)
                content = content.TrimEnd()[..^1];
            if (joined is null)
            {
                joined = new System.Text.StringBuilder();
                joinedStart = number;
            }
            joined.Append(content).Append(' ');
            if (continues && start <= text.Length)
                continue;
            var line = joined.ToString().Trim();
            joined = null;
            if (line.Length > 0)
                yield return (line, joinedStart, null);
        }
    }

    private static string WithoutComment(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return line[..i].ToString();
        }
        return line.ToString();
    }
}
