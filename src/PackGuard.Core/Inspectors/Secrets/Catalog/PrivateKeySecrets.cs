using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Private keys: PEM (RSA, EC, DSA, PKCS#8), OpenSSH, PGP, PuTTY.</summary>
internal static class PrivateKeySecrets
{
    // A throwaway 1024-bit key made for this sample; kept apart from its BEGIN line so that
    // PackGuard's own binaries do not hold a PEM block.
    private const string SampleRsaBody =
            "MIICWwIBAAKBgQCtC81tj3gonj3LQ1QqLqEqBLrz64h6JLa/r2YuImvFpzLv7WZa\n" +
            "0pbo8XeZXVX1L5qAU4A4AYJdBHokbwOwPRr9xsywxzn38TkCcFVwrDOdM+RuKHPx\n" +
            "X678ammihdMYJqAlp38rzHmAjnu3443Kfas1epP2I+ggDTa5V1Xwy9KrcwIDAQAB\n" +
            "AoGAf+0mu+UBPn3lTtwCX4DDUi3XC7XG2g1EMKb5UgfORntZk7ecIG5oc+L2uKEg\n" +
            "h7becBnKwxyShDNoHIEZZ/N0fIqDBwDIVel+mveWb9UBgw1kVpiwryoGX3PYIGCV\n" +
            "FksdNQ4oDQef8qAGjcN7FlEKYs2O5vo0fpXvJC4dly1waiECQQDUKHYSZo7QvhAI\n" +
            "2embg3bSHNNc9XsAvUvY12YTUgAfc7ghkIRhlaxeHDGosvkNTTIWQWeGrdy7MeIW\n" +
            "qsoqou8RAkEA0M4/4AEN/a7ZKB2kE6fkEGvcObGUZUQfFe9xbN6COmtlLuk4nEYC\n" +
            "ACVe6t4l5slUiYHEFjSW0zIucj+oqUB6QwJAVf5gfWzcjne7gBrzuXk7/EZ61b8a\n" +
            "sF4KFEaatVITgqwhAlnVjshgKXU8G6kPkfisSKESGWD3i1jYz19Cuq14QQJAA75e\n" +
            "6M48CPtUi2KUqYGOFjlI1oP3jCU/hW4ok3Id1ZxNURz/VdXvfT8uR3m6Jjwf1uNL\n" +
            "t7Yzqg+xQ30esgIk7wJAIJ7UoXsN1N5VB5EIIeHgtDscUuIeGOdQj1ep41TP2nfX\n" +
            "M9kqdmi9PZPTUay1WPUmlTI/nwdvsEeXrlz7UBt5hA==\n";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/pem-private-key",
            Name = "Private key (PEM)",
            Description = "A PEM-encoded private key: RSA, EC, DSA or PKCS#8, plain or encrypted. Whoever holds it can impersonate the server, sign as the owner, or decrypt what was encrypted to it.",
            Markers = ["-----BEGIN"],
            Pattern = @"-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----[A-Za-z0-9+/=\s:,\-]+-----END (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----",
            MaxLength = 12_288,
            Validator = PemPrivateKey.Instance,
            Rotate = "Treat the key as compromised: revoke any certificate issued for it, remove its public half from every authorized_keys, trust store or signing configuration, and generate a new key kept out of the package.",
            Positives = [string.Concat("-----BEGIN ", "RSA PRIVATE KEY-----\n", SampleRsaBody, "-----END ", "RSA PRIVATE KEY-----")],
            Negatives = ["-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n-----END PUBLIC KEY-----", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"],
        },
    ];
}
