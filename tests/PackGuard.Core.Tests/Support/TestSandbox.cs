using PackGuard.Sources;
using PackGuard.Sources.Http;

namespace PackGuard.Tests.Support;

/// <summary>
/// A hermetic world for source tests: its own home, working directory, cache and environment
/// variables under one temporary directory, deleted on dispose.
/// </summary>
public sealed class TestSandbox : IDisposable
{
    /// <param name="workInsideHome">
    /// Puts the working directory inside the home directory, where a user's projects live; searches
    /// that go up from the working directory (packguard.json) then stop at the sandbox's home
    /// instead of reaching files outside the sandbox.
    /// </param>
    public TestSandbox(bool workInsideHome = false)
    {
        Root = Directory.CreateTempSubdirectory("packguard-sources-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        Work = Directory.CreateDirectory(Path.Combine(workInsideHome ? Home : Root, "work")).FullName;
        Cache = new DownloadCache(Path.Combine(Root, "cache"));
    }

    public string Root { get; }
    public string Home { get; }
    public string Work { get; }
    public DownloadCache Cache { get; }
    public Dictionary<string, string> Variables { get; } = [];
    public FakeHttpHandler Http { get; } = new();

    public SourceEnvironment Environment => new(Work, Home, name => Variables.GetValueOrDefault(name));

    /// <summary>Writes a file under the sandbox root and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A resolver over the fake registry, with instant retries.</summary>
    internal TargetResolver Resolver(HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? Http), Environment, Cache)
        {
            RetryPolicy = new RetryPolicy(2, TimeSpan.Zero, TimeSpan.FromSeconds(30)),
        };

    /// <summary>Files left in the cache's temporary folder (there should be none after a download ends).</summary>
    public string[] TempFiles()
    {
        var temp = Path.Combine(Cache.RootPath, "tmp");
        return Directory.Exists(temp) ? Directory.GetFiles(temp) : [];
    }

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
