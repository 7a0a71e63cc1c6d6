using PackGuard.Inspectors.Secrets;

namespace PackGuard.Tests.Support;

/// <summary>A fixed fingerprint key, so that tests see stable secret fingerprints.</summary>
public static class TestKeys
{
    public static SecretFingerprinter Fingerprinter { get; } = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
}
