using System.Security.Cryptography;

namespace PackGuard.Sources.Integrity;

/// <summary>The digest algorithms registries publish, by their SRI names, strongest first.</summary>
internal static class HashAlgorithms
{
    public const string Sha512 = "sha512";
    public const string Sha384 = "sha384";
    public const string Sha256 = "sha256";
    public const string Sha1 = "sha1";

    /// <summary>SRI algorithm names in order of preference.</summary>
    public static IReadOnlyList<string> ByStrength { get; } = [Sha512, Sha384, Sha256, Sha1];

    public static bool IsSupported(string name) => ByStrength.Contains(name, StringComparer.Ordinal);

    public static IncrementalHash Create(string name) => IncrementalHash.CreateHash(name switch
    {
        Sha512 => HashAlgorithmName.SHA512,
        Sha384 => HashAlgorithmName.SHA384,
        Sha256 => HashAlgorithmName.SHA256,
        Sha1 => HashAlgorithmName.SHA1,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unsupported digest algorithm."),
    });

    /// <summary>Hashes a file as it is on disk now.</summary>
    public static async Task<byte[]> HashFileAsync(string name, string path, CancellationToken ct)
    {
        using var hash = Create(name);
        var buffer = new byte[81920];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        int read;
        while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            hash.AppendData(buffer, 0, read);
        return hash.GetHashAndReset();
    }
}
