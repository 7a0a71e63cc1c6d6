using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

/// <summary>Assertions every validator test uses: the result is safe to print.</summary>
internal static class SecretAssert
{
    /// <summary>
    /// Fails when the detail repeats the secret or any eight characters in a row of it
    /// (for secrets shorter than eight characters: the whole secret).
    /// </summary>
    public static void DetailIsSafe(Validation result, string secret)
    {
        if (result.Detail is null || secret.Length < 4)
        {
            return;
        }

        int window = Math.Min(8, secret.Length);
        for (int i = 0; i + window <= secret.Length; i++)
        {
            string piece = secret.Substring(i, window);
            result.Detail.ShouldNotContain(piece, Case.Sensitive, $"the detail '{result.Detail}' repeats part of the secret");
        }
    }

    /// <summary>Validates <paramref name="secret"/>, checks the detail is safe, and returns the result.</summary>
    public static Validation Checked(this ISecretValidator validator, string secret)
    {
        Validation result = validator.Validate(secret);
        DetailIsSafe(result, secret);
        return result;
    }

    /// <summary>Asserts the outcome, with the detail in the failure message.</summary>
    public static Validation ShouldBe(this Validation result, ValidationOutcome outcome)
    {
        result.Outcome.ShouldBe(outcome, $"detail: {result.Detail}");
        return result;
    }

    /// <summary>Changes one character to another of the same alphabet class, so the shape survives.</summary>
    public static string WithCharChanged(string text, int index)
    {
        char c = text[index];
        char replacement = c switch
        {
            >= '0' and < '9' or >= 'A' and < 'Z' or >= 'a' and < 'z' => (char)(c + 1),
            '9' => '0',
            'Z' => 'A',
            'z' => 'a',
            '+' => '/',
            '/' => '+',
            '-' => '_',
            '_' => '-',
            _ => 'A',
        };
        return string.Concat(text.AsSpan(0, index), replacement.ToString(), text.AsSpan(index + 1));
    }

    /// <summary>Inputs no validator may throw on.</summary>
    public static IEnumerable<string> Hostile()
    {
        yield return "";
        yield return " ";
        yield return "\0\0\0\0\0\0\0\0";
        yield return "-----BEGIN ";
        yield return "-----BEGIN RSA PRIVATE KEY-----";
        yield return "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----";
        yield return "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----";
        yield return "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
        yield return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxcMG\n=AAAA\n-----END PGP PRIVATE KEY BLOCK-----";
        yield return "PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 99999999999\n";
        yield return "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: x\nPublic-Lines: -1\n";
        yield return "eyJhbGciOiJub25lIn0.eyJ.";
        yield return "a.b.c";
        yield return "....";
        yield return new string('A', 200_000);
        yield return "-----BEGIN PRIVATE KEY-----\n" + new string('A', 100_000) + "\n-----END PRIVATE KEY-----";
        yield return new string('=', 88);
        yield return "ghp_" + new string('\u00e9', 36);
        yield return "\uD800\uDC00\uD800";
    }
}
