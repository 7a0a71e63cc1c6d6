namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>How a text is read besides its dialect.</summary>
public enum ScanMode
{
    /// <summary>A script file.</summary>
    File,

    /// <summary>
    /// Code given on a command line (<c>node -e "..."</c>): a one-liner has no room for innocent
    /// distance, so a network call and a process or eval anywhere in it pair up.
    /// </summary>
    Inline,

    /// <summary>A <c>.pth</c> file: only lines that start with <c>import</c> are code (site.py executes them).</summary>
    Pth,
}
