using System.Security.Cryptography;
using System.Text.Json;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources.Npm;

/// <summary>One published version in a fake npm registry.</summary>
public sealed record FakeNpmVersion(string Version, byte[] Tarball, string TarballUrl, string? Integrity, string? Shasum);

/// <summary>Builds packuments and tarballs for a fake npm registry.</summary>
public static class NpmFixture
{
    public const string Registry = "https://registry.npmjs.org/";

    public static byte[] Tarball(string name, string version) =>
        TestArchive.NpmTarball(TestFile.Text("package.json", JsonSerializer.Serialize(new { name, version })));

    public static string Sri(byte[] data) => "sha512-" + Convert.ToBase64String(SHA512.HashData(data));

    public static string Sha1Hex(byte[] data) => Convert.ToHexStringLower(SHA1.HashData(data));

    /// <summary>A version with a correct integrity and shasum, its tarball under <paramref name="registry"/>.</summary>
    public static FakeNpmVersion Version(string name, string version, string registry = Registry)
    {
        var tarball = Tarball(name, version);
        var file = name.Split('/')[^1];
        return new FakeNpmVersion(version, tarball, $"{registry}{name}/-/{file}-{version}.tgz", Sri(tarball), Sha1Hex(tarball));
    }

    public static string Packument(string name, IReadOnlyDictionary<string, string> tags, params FakeNpmVersion[] versions) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = name,
            ["dist-tags"] = tags,
            ["versions"] = versions.ToDictionary(v => v.Version, v => (object)new
            {
                name,
                version = v.Version,
                dist = new Dictionary<string, string?> { ["tarball"] = v.TarballUrl, ["integrity"] = v.Integrity, ["shasum"] = v.Shasum },
            }),
        });

    /// <summary>Serves the packument and every tarball from <paramref name="http"/>.</summary>
    public static void Publish(FakeHttpHandler http, string name, IReadOnlyDictionary<string, string> tags, params FakeNpmVersion[] versions) =>
        Publish(http, Registry, name, tags, versions);

    public static void Publish(FakeHttpHandler http, string registry, string name, IReadOnlyDictionary<string, string> tags, params FakeNpmVersion[] versions)
    {
        http.Json(registry + name.Replace("/", "%2f", StringComparison.Ordinal), Packument(name, tags, versions));
        foreach (var v in versions)
            http.Bytes(v.TarballUrl, v.Tarball);
    }
}
