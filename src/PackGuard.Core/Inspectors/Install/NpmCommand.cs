namespace PackGuard.Inspectors.Install;

/// <summary>
/// Reads an npm script command the way <c>sh -c</c> would split it, far enough to say which files
/// of the package it runs (<c>node install.js</c>, <c>sh ./setup.sh</c>, <c>./bin/x</c>), which
/// inline code it evaluates (<c>node -e "..."</c>, <c>python -c "..."</c>) and which other scripts
/// it calls (<c>npm run build</c>).
/// </summary>
internal static class NpmCommand
{
    private static readonly HashSet<string> Interpreters = new(StringComparer.OrdinalIgnoreCase)
    {
        "node", "nodejs", "sh", "bash", "zsh", "dash", "python", "python3", "py", "pwsh", "powershell", "cmd", "ts-node", "tsx", "bun", "deno",
    };

    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase) { "start", "exec", "env", "cross-env", "nohup", "sudo", "call", "time" };

    private static readonly HashSet<string> InlineFlags = new(StringComparer.Ordinal) { "-e", "--eval", "-p", "--print", "-c" };

    private static readonly string[] ScriptExtensions = [".js", ".cjs", ".mjs", ".ts", ".sh", ".bash", ".py", ".ps1", ".bat", ".cmd"];

    /// <summary>What a command runs.</summary>
    /// <param name="Files">Relative paths of files it runs, as written.</param>
    /// <param name="Inline">Code it evaluates, with its language.</param>
    /// <param name="Scripts">Other package.json scripts it runs (<c>npm run x</c>).</param>
    public sealed record Parsed(IReadOnlyList<string> Files, IReadOnlyList<(string Code, Behaviour.Dialect Dialect)> Inline, IReadOnlyList<string> Scripts);

    public static Parsed Parse(string command)
    {
        var files = new List<string>();
        var inline = new List<(string, Behaviour.Dialect)>();
        var scripts = new List<string>();
        foreach (var words in Commands(command))
        {
            var i = 0;
            while (i < words.Count && ((words[i].Contains('=', StringComparison.Ordinal) && !words[i].StartsWith('-')) || Prefixes.Contains(words[i]) || (words[i].StartsWith('/') && words[i].Length <= 3)))
                i++;
            if (i >= words.Count)
                continue;
            var program = words[i];
            var name = Path.GetFileNameWithoutExtension(program);
            if (name is "npm" or "yarn" or "pnpm")
            {
                var rest = words.Skip(i + 1).Where(w => !w.StartsWith('-')).ToList();
                if (rest.Count >= 2 && rest[0] is "run" or "run-script")
                    scripts.Add(rest[1]);
                else if (name == "yarn" && rest.Count == 1)
                    scripts.Add(rest[0]);
                continue;
            }
            if (Interpreters.Contains(name))
            {
                Arguments(words, i + 1, name, files, inline);
                continue;
            }
            if (IsRelativeScript(program))
                files.Add(program);
        }
        return new Parsed(files, inline, scripts);
    }

    private static void Arguments(List<string> words, int from, string interpreter, List<string> files, List<(string, Behaviour.Dialect)> inline)
    {
        for (var j = from; j < words.Count; j++)
        {
            var word = words[j];
            if (InlineFlags.Contains(word) || (interpreter is "cmd" && word.Equals("/c", StringComparison.OrdinalIgnoreCase)))
            {
                if (j + 1 >= words.Count)
                    return;
                var dialect = interpreter switch
                {
                    "python" or "python3" or "py" => Behaviour.Dialect.Python,
                    "sh" or "bash" or "zsh" or "dash" or "cmd" => Behaviour.Dialect.Shell,
                    "pwsh" or "powershell" => Behaviour.Dialect.PowerShell,
                    _ => Behaviour.Dialect.JavaScript,
                };
                if (dialect is Behaviour.Dialect.Shell)
                    files.AddRange(Parse(words[j + 1]).Files);
                inline.Add((words[j + 1], dialect));
                return;
            }
            if (word.Equals("-File", StringComparison.OrdinalIgnoreCase) || (word == "-f" && interpreter is "pwsh" or "powershell"))
                continue;
            if (word.StartsWith('-') || word.StartsWith('/'))
            {
                // node -r <module> takes a value.
                if (word is "-r" or "--require" or "--import" or "--loader")
                    j++;
                continue;
            }
            files.Add(word);
            return;
        }
    }

    private static bool IsRelativeScript(string word) =>
        !word.StartsWith('/') && !word.StartsWith('$') && !word.StartsWith('~') && !word.Contains("://", StringComparison.Ordinal)
        && (word.StartsWith("./", StringComparison.Ordinal) || word.StartsWith(".\\", StringComparison.Ordinal)
            || ScriptExtensions.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The simple commands of a command line, each as its words with quotes removed.</summary>
    private static List<List<string>> Commands(string line)
    {
        var commands = new List<List<string>>();
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        void EndWord()
        {
            if (inWord)
                words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
        void EndCommand()
        {
            EndWord();
            if (words.Count > 0)
                commands.Add(words);
            words = [];
        }
        for (var i = 0; i < line.Length && commands.Count < 64; i++)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                var close = i + 1;
                while (close < line.Length && line[close] != c)
                    close += line[close] == '\\' && c == '"' && close + 1 < line.Length ? 2 : 1;
                var inner = line[(i + 1)..Math.Min(close, line.Length)];
                word.Append(c == '"' ? inner.Replace("\\\"", "\"", StringComparison.Ordinal) : inner);
                inWord = true;
                i = close;
            }
            else if (char.IsWhiteSpace(c))
                EndWord();
            else if (c is ';' or '&' or '|' or '(' or ')' or '\n')
                EndCommand();
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        EndCommand();
        return commands;
    }
}
