using System.Text;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Engine;

/// <summary>Runs the secret engine on text and collects what it finds.</summary>
internal static class EngineFixture
{
    public static SecretEngine Engine { get; } = SecretEngine.Create(SecretCatalog.All);

    /// <summary>A checksummed GitHub token built at run time.</summary>
    public static string GitHubToken(int seed) => Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, seed));

    public static List<SecretHit> Scan(string text, int chunk = int.MaxValue)
    {
        var hits = new Collector();
        var scanner = new SecretTextScanner(Engine, hits);
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i += chunk)
            scanner.Write(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        scanner.Complete();
        return hits.Hits;
    }

    public static List<SecretHit> ScanBinary(byte[] bytes)
    {
        var hits = new Collector();
        var strings = new BinaryStrings(new SecretTextScanner(Engine, hits));
        strings.Write(bytes);
        strings.Complete();
        return hits.Hits;
    }

    private sealed class Collector : ISecretHitSink
    {
        public List<SecretHit> Hits { get; } = [];

        public void OnHit(in SecretHit hit) => Hits.Add(hit);
    }
}
