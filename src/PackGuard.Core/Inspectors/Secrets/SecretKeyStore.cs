using System.Security.Cryptography;

namespace PackGuard.Inspectors.Secrets;

/// <summary>
/// Keeps the installation's fingerprint key in the user's configuration directory
/// (<c>PACKGUARD_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/packguard</c>, else
/// <c>~/.config/packguard</c>), created on first use and readable by the user only.
/// </summary>
public static class SecretKeyStore
{
    /// <summary>The key file's name inside the configuration directory.</summary>
    public const string FileName = "fingerprint.key";

    /// <summary>The configuration directory for the given environment.</summary>
    public static string ConfigDirectory(Func<string, string?> getVariable, string home)
    {
        if (getVariable("PACKGUARD_CONFIG_DIR") is { Length: > 0 } explicitDirectory)
            return explicitDirectory;
        if (getVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg)
            return Path.Combine(xdg, "packguard");
        return Path.Combine(home, ".config", "packguard");
    }

    /// <summary>
    /// Loads the key, creating it when missing. When the directory cannot be written, falls back
    /// to an ephemeral key (<see cref="SecretFingerprinter.Persistent"/> is then false) rather than
    /// failing the scan.
    /// </summary>
    public static SecretFingerprinter LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            if (File.Exists(path) && TryRead(path) is { } existing)
                return new SecretFingerprinter(existing);
            Directory.CreateDirectory(directory);
            var key = RandomNumberGenerator.GetBytes(SecretFingerprinter.KeyLength);
            var temporary = path + $".{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
                writer.Write(Convert.ToBase64String(key));
            // Another process may have created it meanwhile: keep theirs, so both agree.
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
                if (TryRead(path) is { } theirs)
                    return new SecretFingerprinter(theirs);
            }
            return new SecretFingerprinter(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SecretFingerprinter.Ephemeral();
        }
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length >= 16 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
