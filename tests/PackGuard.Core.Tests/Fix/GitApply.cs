using System.Diagnostics;

namespace PackGuard.Tests.Fix;

/// <summary>Checks a patch with the real <c>git apply --check</c> against files in a temporary repository.</summary>
internal static class GitApply
{
    /// <summary>Writes <paramref name="files"/> into a temporary directory, runs <c>git apply --check</c> and <c>git apply</c> with the patch, and returns the files afterwards.</summary>
    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> files, string patch)
    {
        var directory = Directory.CreateTempSubdirectory("packguard-gitapply-").FullName;
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            File.WriteAllText(Path.Combine(directory, "fix.patch"), patch);
            Run(directory, "init", "-q");
            Run(directory, "apply", "--check", "fix.patch");
            Run(directory, "apply", "fix.patch");
            return files.Keys.Concat(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
                    .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && f != "fix.patch"))
                .Distinct()
                .Where(f => File.Exists(Path.Combine(directory, f)))
                .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(directory, f)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
    }
}
