namespace PackGuard.Tests.Support;

/// <summary>An artifact written to a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempArtifact(byte[] data, string fileName) : IDisposable
{
    public string Path { get; } = TestArchive.WriteTemp(data, fileName);

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
