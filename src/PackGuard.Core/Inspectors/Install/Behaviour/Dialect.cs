namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>
/// The language of a script, which decides which words mean what: <c>exec(</c> is Python's eval
/// but JavaScript's child process, <c>#</c> starts a comment in a shell script and not in C#.
/// </summary>
[Flags]
public enum Dialect
{
    /// <summary>No language: nothing is looked for.</summary>
    None = 0,

    /// <summary>JavaScript (<c>.js</c>, <c>.cjs</c>, <c>.mjs</c>, <c>node -e</c> code).</summary>
    JavaScript = 1,

    /// <summary>POSIX shell, and npm script commands (npm runs them with <c>sh -c</c>).</summary>
    Shell = 2,

    /// <summary>Windows batch (<c>.bat</c>, <c>.cmd</c>).</summary>
    Batch = 4,

    /// <summary>PowerShell (<c>.ps1</c>; NuGet's <c>tools/install.ps1</c>).</summary>
    PowerShell = 8,

    /// <summary>Python (<c>setup.py</c>, the code lines of a <c>.pth</c> file).</summary>
    Python = 16,

    /// <summary>C# (MSBuild inline task code).</summary>
    CSharp = 32,

    /// <summary>MSBuild text: commands of <c>Exec</c> tasks (any shell) and inline task code.</summary>
    MsBuild = Shell | Batch | PowerShell | CSharp,

    /// <summary>Every language.</summary>
    All = JavaScript | Shell | Batch | PowerShell | Python | CSharp,
}

/// <summary>Dialects by file name.</summary>
internal static class Dialects
{
    /// <summary>The dialect of a script file by its name, or of its <c>#!</c> line; <see cref="Dialect.None"/> for other files.</summary>
    public static Dialect Of(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".js" or ".cjs" or ".mjs":
                return Dialect.JavaScript;
            case ".sh" or ".bash" or ".command":
                return Dialect.Shell;
            case ".bat" or ".cmd":
                return Dialect.Batch;
            case ".ps1" or ".psm1":
                return Dialect.PowerShell;
            case ".py":
                return Dialect.Python;
            case "":
                break;
            default:
                return Dialect.None;
        }
        if (!head.StartsWith("#!"u8))
            return Dialect.None;
        var line = head[..Math.Max(0, Math.Min(head.Length, 128))];
        var end = line.IndexOf((byte)'\n');
        if (end >= 0)
            line = line[..end];
        if (line.IndexOf("node"u8) >= 0)
            return Dialect.JavaScript;
        if (line.IndexOf("python"u8) >= 0)
            return Dialect.Python;
        return line.IndexOf("sh"u8) >= 0 ? Dialect.Shell : Dialect.None;
    }
}
