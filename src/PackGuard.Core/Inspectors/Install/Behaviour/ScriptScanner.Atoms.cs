using System.Text.RegularExpressions;

namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>What each anchor means once found: verified on its line, then a hit, a signal or a reference.</summary>
internal sealed partial class ScriptScanner
{
    private const int PipeLookBack = 500;

    /// <summary>
    /// The most matches judged by a regex on their line per text: a hostile file made of nothing but
    /// <c>| sh</c> would otherwise cost a regex run per occurrence. Past it, such matches are skipped.
    /// </summary>
    public const int MaxVerifications = 4096;

    private int _verifications;

    // What is piped into an interpreter decides the behaviour: a download, or a decoded payload.
    private static readonly Regex PipedDownload = RegexSafety.Create(
        @"(^|[\s;&|(`'""])(curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|fetch)(\.exe)?\s|DownloadString\(|Net\.WebClient|certutil|bitsadmin",
        RegexOptions.IgnoreCase);

    private static readonly Regex PipedDecode = RegexSafety.Create(
        @"base64\s+(-d|--decode|-D)|xxd\s+-r|openssl\s+(enc|base64)\s.*-d|FromBase64String|\[char\[\]\]",
        RegexOptions.IgnoreCase);

    private static readonly Regex SubstitutingInterpreter = RegexSafety.Create(
        @"(^|[\s;&|(""'])(sh|bash|zsh|dash|eval|source|python3?|perl|node|\.)\s+(-c\s+)?[""']?\s*$",
        RegexOptions.IgnoreCase);

    private static readonly Regex EncodedCommand = RegexSafety.Create(
        @"\s[-/](e|ec|en|enc|enco|encod|encode|encoded|encodedc\w*)\s+[""']?[A-Za-z0-9+/]{20,}",
        RegexOptions.IgnoreCase);

    private static readonly Regex EnvironmentDrive = RegexSafety.Create(
        @"(^|[\s;|(])(Get-ChildItem|gci|dir|ls|Get-Item|gi)\s+$", RegexOptions.IgnoreCase);

    private static readonly Regex CodecArgument = RegexSafety.Create(@"^[^\n;]{0,200}?[""'](base64|base64url|hex)[""']", RegexOptions.IgnoreCase);

    private void OnAnchor(Anchor anchor, ReadOnlySpan<char> text, int at)
    {
        if (anchor.Atom is Atom.PipeToShell or Atom.ShellSubstitution or Atom.EncodedPowerShell or Atom.EnvironmentDump or Atom.Credential or Atom.Exfiltration
            && (_hits.Count >= MaxHitsPerKind * _hitCounts.Length || ++_verifications > MaxVerifications))
            return;
        var lineStart = LineStart(text, at);
        if (!IsCode(text, lineStart, at))
            return;
        var line = _chars!.AsSpan(lineStart ?? Math.Max(0, at - Context), at - (lineStart ?? Math.Max(0, at - Context)));
        switch (anchor.Atom)
        {
            case Atom.PipeToShell:
                _facts |= ScriptFacts.Processes;
                var piped = line[Math.Max(0, line.Length - PipeLookBack)..];
                if (PipedDownload.IsMatch(piped))
                    Hit(BehaviourKind.DownloadsAndRuns, anchor, text, at);
                else if (PipedDecode.IsMatch(piped))
                    Hit(BehaviourKind.DecodesAndRuns, anchor, text, at);
                break;
            case Atom.ShellSubstitution:
                _facts |= ScriptFacts.Network;
                if (SubstitutingInterpreter.IsMatch(line[Math.Max(0, line.Length - 40)..]))
                    Hit(BehaviourKind.DownloadsAndRuns, anchor, text, at);
                break;
            case Atom.EncodedPowerShell:
                _facts |= ScriptFacts.Processes;
                if (EncodedCommand.IsMatch(RestOfLine(text, at + anchor.Text.Length, 300)))
                    Hit(BehaviourKind.DecodesAndRuns, anchor, text, at);
                break;
            case Atom.Credential:
                if (!(anchor.Text.StartsWith("id_", StringComparison.Ordinal) && text[(at + anchor.Text.Length)..].StartsWith(".pub", StringComparison.Ordinal)))
                    Hit(BehaviourKind.ReadsCredentials, anchor, text, at);
                break;
            case Atom.EnvironmentDump:
                if (IsEnvironmentDump(anchor, text, at, line))
                    Hit(BehaviourKind.ReadsEnvironment, anchor, text, at);
                break;
            case Atom.Exfiltration:
                _facts |= ScriptFacts.Network;
                Hit(BehaviourKind.ExfiltrationEndpoint, anchor, text, at);
                break;
            case Atom.Reference:
                Reference(text, at, anchor.Text.Length);
                break;
            case Atom.Decode when anchor.Text == "Buffer.from(" && !CodecArgument.IsMatch(RestOfLine(text, at + anchor.Text.Length, 200)):
                break;
            case Atom.Eval when anchor.Text == "Function(" && IsGlobalThisIdiom(text[(at + anchor.Text.Length)..]):
                break;
            case Atom.EnvironmentValue when IsChildEnvironment(line):
                break;
            default:
                Remember(anchor, text, at);
                break;
        }
    }

    private static bool IsGlobalThisIdiom(ReadOnlySpan<char> rest) =>
        rest.StartsWith("\"return this\")", StringComparison.Ordinal) || rest.StartsWith("'return this')", StringComparison.Ordinal);

    /// <summary>The environment handed to a child process (<c>{ env: process.env }</c>, <c>{...process.env}</c>, <c>env=os.environ</c>) is not sent anywhere.</summary>
    private static bool IsChildEnvironment(ReadOnlySpan<char> before)
    {
        var tail = before[Math.Max(0, before.Length - 24)..].TrimEnd();
        return tail.EndsWith("...", StringComparison.Ordinal) || tail.EndsWith("env:", StringComparison.OrdinalIgnoreCase)
            || tail.EndsWith("env=", StringComparison.OrdinalIgnoreCase) || tail.EndsWith("env =", StringComparison.OrdinalIgnoreCase)
            || tail.Contains("assign(", StringComparison.Ordinal);
    }

    private bool IsEnvironmentDump(Anchor anchor, ReadOnlySpan<char> text, int at, ReadOnlySpan<char> before)
    {
        switch (anchor.Text)
        {
            case "env:":
                var next = at + 4 < text.Length ? text[at + 4] : '\n';
                return !Anchor.IsWord(next) && EnvironmentDrive.IsMatch(before[Math.Max(0, before.Length - 40)..]);
            case "printenv":
                // printenv NAME prints one variable; alone (or piped) it prints them all.
                var rest = RestOfLine(text, at + anchor.Text.Length, 40).TrimStart(' ');
                return rest.Length == 0 || rest[0] is '|' or '>' or ')' or '`' or ';' or '&' or '"' or '\'';
            default:
                return true;
        }
    }

    private void Remember(Anchor anchor, ReadOnlySpan<char> text, int at)
    {
        _facts |= anchor.Atom switch
        {
            Atom.Network or Atom.Downloader => ScriptFacts.Network,
            Atom.Spawn or Atom.RunFile or Atom.ShellEval => ScriptFacts.Processes,
            Atom.Eval => ScriptFacts.DynamicCode,
            _ => ScriptFacts.None,
        };
        ref var count = ref _signalCounts[(int)anchor.Atom];
        if (count >= MaxSignalsPerAtom)
            return;
        count++;
        var (line, column) = Position(at);
        _signals.Add(new Signal(anchor.Atom, _base + at, line, column, anchor.Text.Trim(), Excerpt.Around(text, at, anchor.Text.Length)));
    }

    private void Hit(BehaviourKind kind, Anchor anchor, ReadOnlySpan<char> text, int at)
    {
        var (line, column) = Position(at);
        Add(new BehaviourHit(kind, line, column, Excerpt.Around(text, at, anchor.Text.Length), anchor.Text.Trim()));
    }

    /// <summary>Keeps a hit, at most one per kind and line and <see cref="MaxHitsPerKind"/> per kind, so one noisy kind cannot crowd out another.</summary>
    private void Add(BehaviourHit hit)
    {
        ref var count = ref _hitCounts[(int)hit.Kind];
        if (count < MaxHitsPerKind && _hitLines.Add((hit.Kind, hit.Line)))
        {
            count++;
            _hits.Add(hit);
        }
    }

    private (int Line, int Column) Position(int at)
    {
        AdvanceLines(at);
        var column = (int)Math.Min(int.MaxValue, _base + at - _lastNewline);
        return (_line + _lineOffset, _line == 1 ? column + _columnOffset : column);
    }

    /// <summary>Where the line holding <paramref name="at"/> starts, or null when it starts further back than the window keeps.</summary>
    private int? LineStart(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - Context);
        var newline = text[from..at].LastIndexOf('\n');
        if (newline >= 0)
            return from + newline + 1;
        return _base == 0 && from == 0 ? 0 : null;
    }

    /// <summary>Whether the line is code: not a comment in the dialect, and in a .pth file an <c>import</c> line.</summary>
    private bool IsCode(ReadOnlySpan<char> text, int? lineStart, int at)
    {
        if (lineStart is not { } start)
            return _mode != ScanMode.Pth; // a minified line: no comment line to tell
        if (_mode == ScanMode.Pth)
            return text[start..].StartsWith("import ", StringComparison.Ordinal) || text[start..].StartsWith("import\t", StringComparison.Ordinal);
        var line = text[start..at].TrimStart(" \t\uFEFF");
        var cLike = (_dialect & (Dialect.JavaScript | Dialect.CSharp)) != 0;
        if (cLike && (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("/*", StringComparison.Ordinal) || (line.StartsWith('*') && _mode == ScanMode.File)))
            return false;
        if (line.StartsWith('#') && (_dialect & (Dialect.Shell | Dialect.PowerShell | Dialect.Python)) != 0)
            return false;
        if ((_dialect & Dialect.Batch) != 0
            && (line.StartsWith("rem ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("@rem ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("::", StringComparison.Ordinal)))
            return false;
        return !line.StartsWith("<!--", StringComparison.Ordinal);
    }

    private ReadOnlySpan<char> RestOfLine(ReadOnlySpan<char> text, int from, int max)
    {
        if (from >= text.Length)
            return [];
        var rest = text[from..Math.Min(text.Length, from + max)];
        var newline = rest.IndexOfAny('\n', '\r');
        return newline >= 0 ? rest[..newline] : rest;
    }

    private void Reference(ReadOnlySpan<char> text, int at, int length)
    {
        if (_references.Count >= MaxReferences)
            return;
        var start = at;
        while (start > 0 && at - start < 200 && IsPathChar(text[start - 1]))
            start--;
        var end = at + length;
        while (end < text.Length && end - at < 200 && IsPathChar(text[end]))
            end++;
        var token = text[start..end].ToString().Replace('\\', '/');
        if (token.Length is 0 or > 200 || token[0] is '/' or '~' || (start > 0 && text[start - 1] == ':'))
            return;
        while (token.StartsWith("./", StringComparison.Ordinal))
            token = token[2..];
        if (token.Length > 0 && token != "." && !_references.Contains(token))
            _references.Add(token);
    }

    private static bool IsPathChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '\\' or '@' or '+';
}
