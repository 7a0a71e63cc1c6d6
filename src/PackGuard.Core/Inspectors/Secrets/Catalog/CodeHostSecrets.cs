using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Code hosts: GitHub, GitLab, Bitbucket, Azure DevOps.</summary>
internal static class CodeHostSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/github-pat-classic",
            Name = "GitHub personal access token (classic)",
            Description = "A classic GitHub personal access token (ghp_ followed by 36 base62 characters, the last six a CRC32 checksum). It acts as its owner on every repository and organisation its scopes reach.",
            Prefixes = ["ghp_"],
            Pattern = @"ghp_[A-Za-z0-9]{36}\b",
            Validator = Base62Checksum.Instance,
            Rotate = "Revoke the token at https://github.com/settings/tokens (GitHub may already have revoked it if it was pushed to a public repository), and use a fine-grained token or GitHub Actions' GITHUB_TOKEN instead.",
            Positives = [Join("const token = \"", Base62Checksum.Create(Join("gh", "p_"), Random(30, Base62, 101)), "\";")],
            Negatives = [Join("gh", "p_", Random(20, Base62, 102)), Join("xgh", "p_", Random(36, Base62, 103), "x")],
        },
    ];
}
