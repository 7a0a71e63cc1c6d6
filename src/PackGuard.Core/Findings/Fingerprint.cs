using System.Security.Cryptography;
using System.Text;

namespace PackGuard.Findings;

/// <summary>
/// Fingerprints identify "the same problem" across runs, machines and versions: they hash the
/// rule, the location inside the artifact (never a path on the scanning machine) and an optional
/// discriminator such as a credential's keyed hash.
/// </summary>
public static class Fingerprint
{
    /// <summary>Computes a 32-hex-digit fingerprint.</summary>
    public static string Compute(string ruleId, string path, string? discriminator = null)
    {
        var text = $"{ruleId}\n{path.Replace('\\', '/')}\n{discriminator}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
