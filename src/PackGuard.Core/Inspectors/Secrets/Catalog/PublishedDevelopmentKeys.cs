using System.Security.Cryptography;
using System.Text;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Credentials that local emulators and CLIs publish for everyone to use (the Azurite storage
/// key, the Cosmos DB emulator key, the Supabase CLI's local secret key, MinIO's public play
/// server). They have the exact
/// shape of a live key and ship in every SDK's docs and tests, yet grant nothing. Known by their
/// SHA-256, so that PackGuard's own binaries do not carry them. Used with
/// <see cref="SecretRule.DiscardInvalid"/>: a match is dropped, not reported.
/// </summary>
internal sealed class PublishedDevelopmentKeys : ISecretFilter
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new PublishedDevelopmentKeys();

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059"] = "the Azurite storage emulator's published account key",
        ["aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615"] = "the Azure Cosmos DB emulator's published key",
        ["c85debb55f2f204d868cc1552c42faa143b4c675f61363ab040dd50b5b5304cd"] = "the Supabase CLI's published local secret key",
        ["df452eef23e8cf2c74af54c0c7419c05a5ec70ef4d5c2eb04082b02af8c55598"] = "the secret key of MinIO's public play server",
    };

    private PublishedDevelopmentKeys()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), hash);
        return Known.TryGetValue(Convert.ToHexStringLower(hash), out var what)
            ? Validation.Invalid(what)
            : Validation.NotChecked;
    }
}
