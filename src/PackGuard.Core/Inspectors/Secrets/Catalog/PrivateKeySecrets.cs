using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.PrivateKeySamples;

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

    // A PEM body: base64 lines (at least one run of 16 characters, so "BEGIN ... END" in prose
    // is not a key), and the RFC 1421 headers of legacy encrypted keys.
    private const string PemBody = @"[A-Za-z0-9+/=\s:,\-]*?[A-Za-z0-9+/]{16}[A-Za-z0-9+/=\s:,\-]*?";

    // How far before its BEGIN line a key's own line is read (see OutsideDocComment).
    private const int LineLookBehind = 40;

    // Matches from the window's start (LookBehind characters before BEGIN) to the BEGIN line: at
    // most one line break, then the start of the key's own line, which must not open with * or /.
    // Keys on such lines are examples in doc comments (an SDK's JSDoc @example with a real,
    // parseable key), not credentials of the package. The bounded lengths also keep an escaped
    // window, which is decoded whole, from matching a later key at this one's place.
    private const string OutsideDocComment = @"\A(?:[\s\S]{0,40}\n)?[ \t]{0,40}(?:[^ \t\n*/][^\n]{0,40})?";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/pem-private-key",
            Name = "Private key (PEM)",
            Description = "A PEM-encoded private key: RSA, EC, DSA or PKCS#8, plain or encrypted (an encrypted key is reported as weakened), also when escaped inside a JSON string. Whoever holds it can impersonate the server, sign as the owner, or decrypt what was encrypted to it.",
            Markers = ["-----BEGIN"],
            Pattern = OutsideDocComment + "(?<secret>-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----" + PemBody + "-----END (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----)",
            LookBehind = LineLookBehind,
            MaxLength = 12_288,
            Validator = PemPrivateKey.Instance,
            Rotate = "Treat the key as compromised: revoke any certificate issued for it, remove its public half from every authorized_keys, trust store or signing configuration, and generate a new key kept out of the package.",
            Positives =
            [
                string.Concat(Armor("BEGIN", "RSA PRIVATE KEY"), "\n", SampleRsaBody, Armor("END", "RSA PRIVATE KEY")),
                string.Concat("{\"type\": \"service_account\", \"private_key\": \"", JsonEscaped(string.Concat(Armor("BEGIN", "RSA PRIVATE KEY"), "\n", SampleRsaBody, Armor("END", "RSA PRIVATE KEY"), "\n")), "\"}"),
                EncryptedPkcs8(601),
                LegacyEncryptedRsa(602),
            ],
            Negatives =
            [
                string.Concat("/**\n * @example\n * client.certificates.create({\n *   private_key: '", JsonEscaped(string.Concat(Armor("BEGIN", "RSA PRIVATE KEY"), "\n", SampleRsaBody, Armor("END", "RSA PRIVATE KEY"))), "'\n * });\n */"),
                "Example: -----BEGIN RSA PRIVATE KEY----- -----END RSA PRIVATE KEY-----",
                "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n-----END PUBLIC KEY-----",
                string.Concat(Armor("BEGIN", "RSA PRIVATE KEY"), "\n...\n", Armor("END", "RSA PRIVATE KEY")),
                string.Concat("const header = '", Armor("BEGIN", "PRIVATE KEY"), "';"),
            ],
        },
        new()
        {
            Id = "secret/openssh-private-key",
            Name = "OpenSSH private key",
            Description = "A private key in OpenSSH's own format (BEGIN OPENSSH PRIVATE KEY): ed25519, ECDSA, RSA or security-key. It logs in wherever its public key is authorised; an encrypted key is reported as weakened.",
            Markers = ["-----BEGIN"],
            Pattern = OutsideDocComment + "(?<secret>-----BEGIN OPENSSH PRIVATE KEY-----" + PemBody + "-----END OPENSSH PRIVATE KEY-----)",
            LookBehind = LineLookBehind,
            MaxLength = 12_288,
            Validator = PemPrivateKey.Instance,
            Rotate = "Remove the public key from every authorized_keys file, deploy key and SSH CA it is registered with (GitHub, GitLab, servers), and generate a new key pair kept out of the package.",
            Positives = [OpenSshEd25519(611), OpenSshEncrypted(612), string.Concat("{\"deployKey\": \"", JsonEscaped(OpenSshEd25519(613)), "\"}")],
            Negatives = [string.Concat(Armor("BEGIN", "OPENSSH PRIVATE KEY"), "\n<your key here>\n", Armor("END", "OPENSSH PRIVATE KEY")), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@build"],
        },
        new()
        {
            Id = "secret/pgp-private-key",
            Name = "PGP private key block",
            Description = "An ASCII-armored OpenPGP private key block. It signs as its owner (releases, commits, packages) and decrypts what was encrypted to them; the CRC-24 line is checked, and a passphrase-protected key is reported as weakened.",
            Markers = ["-----BEGIN"],
            Pattern = @"\A-----BEGIN PGP PRIVATE KEY BLOCK-----\r?\n(?:[A-Za-z][A-Za-z0-9\-]*: [^\r\n]*\r?\n)*\s*[A-Za-z0-9+/=\s]+?-----END PGP PRIVATE KEY BLOCK-----",
            MaxLength = 14_000,
            Validator = PgpPrivateKey.Instance,
            Rotate = "Revoke the key (gpg --gen-revoke, then publish the revocation certificate to the keyservers and wherever the public key is listed), and sign future releases with a new key.",
            Positives = [PgpSecretKey(621), PgpSecretKey(622, protectedKey: true)],
            Negatives = [string.Concat(Armor("BEGIN", "PGP PUBLIC KEY BLOCK"), "\n\nmQENBF", "\n", Armor("END", "PGP PUBLIC KEY BLOCK")), string.Concat("// export with gpg --armor --export-secret-keys > key.asc (", Armor("BEGIN", "PGP PRIVATE KEY BLOCK"), ")")],
        },
        new()
        {
            Id = "secret/putty-private-key",
            Name = "PuTTY private key",
            Description = "A PuTTY private key file (PuTTY-User-Key-File-2 or -3). It logs in wherever its public key is authorised; an unencrypted key's MAC is verified, an encrypted one is reported as weakened.",
            Prefixes = ["PuTTY-User-Key-File-"],
            Pattern = @"\APuTTY-User-Key-File-[23]: [A-Za-z0-9@.\-]+\r?\nEncryption: [^\r\n\\]+\r?\nComment: [^\r\n]*\r?\nPublic-Lines: [0-9]+\r?\n[^\x00]+?Private-MAC: [0-9a-fA-F]{40,64}",
            MaxLength = 8_192,
            Validator = PuttyPrivateKey.Instance,
            Rotate = "Remove the public key from every authorized_keys file and service it is registered with, and generate a new key pair (puttygen) kept out of the package.",
            Positives = [PuttyEd25519(631), string.Concat("{\"key\": \"", JsonEscaped(PuttyEd25519(632)), "\"}")],
            Negatives = ["PuTTY-User-Key-File-3: ssh-ed25519", "PuTTY-User-Key-File-2 files are read by puttygen"],
        },
    ];
}
