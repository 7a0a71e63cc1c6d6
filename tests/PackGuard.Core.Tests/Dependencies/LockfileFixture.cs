using System.IO.Compression;
using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies;

/// <summary>A temporary project directory to write lockfiles and their neighbours into, deleted on dispose.</summary>
public sealed class LockfileFixture : IDisposable
{
    public LockfileFixture() => Root = Directory.CreateTempSubdirectory("packguard-deps-").FullName;

    public string Root { get; }

    /// <summary>Writes a file (relative to the root) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Copies a file of Dependencies/Real (gunzipped when it ends in .gz) to <paramref name="relativePath"/>.</summary>
    public string CopyReal(string realName, string relativePath)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Dependencies", "Real", realName);
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (realName.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
            using var output = File.Create(path);
            input.CopyTo(output);
        }
        else
            File.Copy(source, path, overwrite: true);
        return path;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> and reads it, shown as the relative path.</summary>
    public Lockfile Read(string relativePath, string content)
    {
        Write(relativePath, content);
        return Read(relativePath);
    }

    public Lockfile Read(string relativePath) => LockfileReader.Read(Path.Combine(Root, relativePath), relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class LockfileAssertions
{
    /// <summary>The one dependency named <paramref name="name"/> (without an alias unless <paramref name="alias"/> is given).</summary>
    public static Dependency Single(this Lockfile lockfile, string name, string? alias = null)
    {
        var matches = lockfile.Dependencies.Where(d => d.Name == name && d.Alias == alias).ToList();
        matches.Count.ShouldBe(1, $"{name} (alias {alias ?? "none"}) in {string.Join(", ", lockfile.Dependencies.Select(d => d.Name + "@" + d.Version + (d.Alias is null ? "" : " as " + d.Alias)))}");
        return matches[0];
    }
}
