using PackGuard.Findings;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Rules;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Files;

public static partial class FileRules
{
    private const string SampleNote =
        "In test, fixture, example and template folders the finding is at most low, since packages keep sample files there on purpose.";

    private static IEnumerable<RuleDescriptor> CredentialRules()
    {
        // Values are assembled at run time so that PackGuard's own binaries carry no credential-shaped literals.
        var envWithSecrets = Join("NODE_ENV=production\nPORT=8080\nDATABASE_URL=postgres://app:", Random(20, Base62, 9101),
            "@db.acme-prod.io:5432/app\nSESSION_", "SECRET=", Random(32, Base62, 9102), "\n");
        var npmToken = Base62Checksum.Create(Join("np", "m_"), Random(30, Base62, 9103));
        var pem = Join("-----BEGIN ", "RSA PRIVATE KEY-----\n", Random(64, Base64, 9104), "\n", Random(64, Base64, 9105), "\n-----END ", "RSA PRIVATE KEY-----\n");
        var openSsh = Join("-----BEGIN ", "OPENSSH PRIVATE KEY-----\n", Random(70, Base64, 9106), "\n-----END ", "OPENSSH PRIVATE KEY-----\n");

        yield return new(
            EnvFile,
            "Environment file in the package",
            Severity.High,
            "The package ships a .env file (.env, .env.production, production.env, .envrc). PackGuard reads its assignments: high when a key that names a credential (*_SECRET, *_TOKEN, PASSWORD, API_KEY, ...) holds a value that is neither a placeholder, an environment reference nor a development default, or a URL carries a password for a remote host; low when it holds only settings or nothing. Templates (.env.example, .env.sample, .env.template) are info, medium when they hold real-looking credentials. " + SampleNote,
            ".env files hold an application's configuration and usually its secrets: database passwords, API keys, signing secrets. They are meant to stay on the machine that runs the application, and a tool that packs everything not ignored (or a \"files\" entry that names a folder) ships them. Anyone who installs the package can read them, and registries keep every version.",
            "Rotate every credential the file held, then leave .env files out of the package: list what the package needs in the \"files\" field of package.json (or add .env* to .npmignore, keeping .env.example if you want to ship a template), and check with `npm pack --dry-run`.",
            [
                new("a .env with a database password and a session secret", true, Package(new SampleFile("package/.env", envWithSecrets)), Severity.High),
                new("a .env.production beside the code", true, Package(new SampleFile("package/config/.env.production", Join("API_", "KEY=", Random(28, Base62, 9107), "\n"))), Severity.High),
                new("a .env with settings only", true, Package(new SampleFile("package/.env", "NODE_ENV=production\nPORT=8080\nLOG_LEVEL=info\n")), Severity.Low),
                new("a template with placeholders", true, Package(new SampleFile("package/.env.example", "API_KEY=\nDATABASE_URL=postgres://user:password@localhost:5432/app\nSECRET=<your-secret>\n")), Severity.Info),
                new("a template holding a real-looking secret", true, Package(new SampleFile("package/.env.sample", Join("STRIPE_", "SECRET=", Random(30, Base62, 9108), "\n"))), Severity.Medium),
                new("a .env in test fixtures", true, Package(new SampleFile("package/test/fixtures/.env", envWithSecrets)), Severity.Low),
                new("code that reads the environment", false, Package(new SampleFile("package/lib/env.js", "module.exports = process.env;\n"), new SampleFile("package/lib/.env.d.ts", "declare const env: string;\n"))),
                new("a dotenv loader", false, Package(new SampleFile("package/lib/dotenv.js", "require('dotenv').config();\n"))),
            ]);

        yield return new(
            RegistryConfig,
            "Package-manager configuration in the package",
            Severity.High,
            "The package ships a package-manager or tool configuration that can hold registry credentials: .npmrc, .yarnrc / .yarnrc.yml, .pypirc, pip.conf, NuGet.Config, .netrc, Cargo's or RubyGems' credentials. PackGuard parses it: high when it holds a token or password (_authToken, _auth, _password, npmAuthToken, npmAuthIdent, a pypirc password, a ClearTextPassword or an API key in NuGet.Config, a .netrc password, a password in a registry URL); low when it holds only settings, or reads its tokens from the environment (${NPM_TOKEN}). npm leaves .npmrc out of packages by default, so one that ships was named in \"files\" or packed by another tool. " + SampleNote,
            "A registry token publishes new versions of every package its owner maintains: the first step of most npm supply-chain attacks. Attackers scan new releases for them within minutes. A configuration without credentials still names private registries and scopes, which dependency-confusion attacks target.",
            "Revoke the token or password with its registry, then leave the file out of the package (\"files\" in package.json, .npmignore, MANIFEST.in, Pack=\"false\") and keep credentials in the environment: //registry.npmjs.org/:_authToken=${NPM_TOKEN}. Publish from CI with trusted publishing (OIDC) instead of a stored token.",
            [
                new("an .npmrc with an npm token", true, Package(new SampleFile("package/.npmrc", Join("registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=", npmToken, "\n"))), Severity.High),
                new("a .yarnrc.yml with npmAuthToken", true, Package(new SampleFile("package/.yarnrc.yml", Join("npmRegistryServer: \"https://npm.acme.io\"\nnpmAuthToken: \"", Random(36, Base62, 9109), "\"\n"))), Severity.High),
                new("a .pypirc with an upload password", true, Package(new SampleFile("package/.pypirc", Join("[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = deploy\npassword = ", Random(24, Base62, 9110), "\n"))), Severity.High),
                new("a NuGet.Config with a clear-text password", true, Package(new SampleFile("package/NuGet.Config", Join("<configuration>\n  <packageSourceCredentials>\n    <acme>\n      <add key=\"Username\" value=\"ci\" />\n      <add key=\"ClearTextPassword\" value=\"", Random(24, Base62, 9111), "\" />\n    </acme>\n  </packageSourceCredentials>\n</configuration>\n"))), Severity.High),
                new("a .netrc with a password", true, Package(new SampleFile("package/.netrc", Join("machine api.acme.io login deploy password ", Random(20, Base62, 9112), "\n"))), Severity.High),
                new("an .npmrc that reads its token from the environment", true, Package(new SampleFile("package/.npmrc", "engine-strict=true\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n")), Severity.Low),
                new("an .npmrc token in test fixtures", true, Package(new SampleFile("package/test/fixtures/project/.npmrc", Join("//registry.npmjs.org/:_authToken=", npmToken, "\n"))), Severity.Low),
                new("code and docs about npmrc files", false, Package(new SampleFile("package/lib/npmrc.js", "exports.read = () => {};\n"), new SampleFile("package/docs/npmrc.md", "Put _authToken in .npmrc\n"), new SampleFile("package/.npmrc.example", "_authToken=\n"))),
            ]);

        yield return new(
            PrivateKey,
            "Private key or keystore in the package",
            Severity.High,
            "The package ships a private key: a PEM file (.pem, .key, .p8, .asc) or an SSH key file (id_rsa, id_ed25519, ...) that holds a PRIVATE KEY block or a PuTTY key, or a keystore (.p12, .pfx, .jks, .keystore, .bks, .jceks). Certificates and public keys alone are not reported. The Android debug keystore, whose password is public, is low. " + SampleNote,
            "A private key is an identity: whoever holds it can sign as its owner (code, packages, JWTs, TLS servers) or log in where it is trusted. An encrypted key or a keystore can be attacked offline, forever, by anyone who downloads the package.",
            "Revoke the key or certificate and issue a new one; then leave key files out of the package (\"files\" in package.json, .npmignore, Pack=\"false\"). Keep signing keys in a secret store or an HSM, and test keys in test folders that do not ship.",
            [
                new("an RSA private key in a certs folder", true, Package(new SampleFile("package/certs/server.key", pem)), Severity.High),
                new("an SSH key", true, Package(new SampleFile("package/deploy/id_ed25519", openSsh)), Severity.High),
                new("a PKCS#12 keystore", true, Package(new SampleFile("package/signing/release.p12", "0\u0003\u0002\u0001\u0003")), Severity.High),
                new("the Android debug keystore of a template", true, Package(new SampleFile("package/android/app/debug.keystore", "\u00fe\u00ed\u00fe\u00ed")), Severity.Low),
                new("a test key in fixtures", true, Package(new SampleFile("package/test/fixtures/key.pem", pem)), Severity.Low),
                new("a certificate and a public key", false, Package(
                    new SampleFile("package/certs/ca.pem", Join("-----BEGIN ", "CERTIFICATE-----\n", Random(64, Base64, 9113), "\n-----END ", "CERTIFICATE-----\n")),
                    new SampleFile("package/keys/id_rsa.pub", Join("ssh-rsa ", Random(80, Base64, 9114), " ci@acme\n")))),
                new("code that handles keys", false, Package(new SampleFile("package/lib/key.js", "exports.load = (pem) => pem;\n"))),
            ]);
    }
}
