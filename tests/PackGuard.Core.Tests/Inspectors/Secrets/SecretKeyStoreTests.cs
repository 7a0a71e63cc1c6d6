using PackGuard.Inspectors.Secrets;

namespace PackGuard.Tests.Inspectors.Secrets;

public sealed class SecretKeyStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("packguard-keys-").FullName;

    [Fact]
    public void Creates_the_key_once_readable_by_the_user_only_and_reuses_it()
    {
        var directory = Path.Combine(_root, "config", "packguard");

        var first = SecretKeyStore.LoadOrCreate(directory);
        var second = SecretKeyStore.LoadOrCreate(directory);

        first.Persistent.ShouldBeTrue();
        second.Fingerprint("same secret").ShouldBe(first.Fingerprint("same secret"));
        var file = Path.Combine(directory, SecretKeyStore.FileName);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(directory).ShouldBe([file]);
    }

    [Fact]
    public void Falls_back_to_an_ephemeral_key_when_it_cannot_write()
    {
        var blocker = Path.Combine(_root, "file");
        File.WriteAllText(blocker, "not a directory");

        var fingerprinter = SecretKeyStore.LoadOrCreate(Path.Combine(blocker, "packguard"));

        fingerprinter.Persistent.ShouldBeFalse();
        fingerprinter.Fingerprint("x").Length.ShouldBe(32);
    }

    [Theory]
    [InlineData("/explicit", null, "/explicit")]
    [InlineData(null, "/xdg", "/xdg/packguard")]
    [InlineData(null, null, "/home/me/.config/packguard")]
    public void Finds_the_configuration_directory(string? explicitDirectory, string? xdg, string expected)
    {
        var variables = new Dictionary<string, string?> { ["PACKGUARD_CONFIG_DIR"] = explicitDirectory, ["XDG_CONFIG_HOME"] = xdg };

        SecretKeyStore.ConfigDirectory(name => variables.GetValueOrDefault(name), "/home/me").ShouldBe(expected);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
