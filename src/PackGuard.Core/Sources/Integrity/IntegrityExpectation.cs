namespace PackGuard.Sources.Integrity;

/// <summary>
/// What a registry says the bytes must hash to. An SRI string may list several digests; only
/// the strongest algorithm present counts (a weaker one could be the one an attacker forged),
/// and any digest of that algorithm may match.
/// </summary>
internal sealed record IntegrityExpectation(string Algorithm, IReadOnlyList<ContentHash> Candidates)
{
    /// <summary>
    /// Reads an SRI string such as <c>sha512-abc= sha1-def=</c>. Tokens with unknown algorithms
    /// or broken base64 are skipped; <see langword="null"/> when none is usable.
    /// </summary>
    public static IntegrityExpectation? FromSri(string? sri)
    {
        if (string.IsNullOrWhiteSpace(sri))
            return null;
        var hashes = new List<ContentHash>();
        foreach (var token in sri.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = token.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0)
                continue;
            var algorithm = token[..dash].ToLowerInvariant();
            // SRI allows "?options" after the digest; they carry no integrity meaning.
            var base64 = token[(dash + 1)..].Split('?')[0];
            if (!HashAlgorithms.IsSupported(algorithm) || !TryBase64(base64, out var digest))
                continue;
            hashes.Add(new ContentHash(algorithm, digest));
        }
        var strongest = HashAlgorithms.ByStrength.FirstOrDefault(a => hashes.Any(h => h.Algorithm == a));
        return strongest is null ? null : new IntegrityExpectation(strongest, hashes.Where(h => h.Algorithm == strongest).ToArray());
    }

    /// <summary>npm's legacy <c>dist.shasum</c>: a SHA-1 in hex.</summary>
    public static IntegrityExpectation? FromSha1Hex(string? hex)
    {
        if (hex is null || hex.Length != 40 || !hex.All(char.IsAsciiHexDigit))
            return null;
        return new IntegrityExpectation(HashAlgorithms.Sha1, [new ContentHash(HashAlgorithms.Sha1, Convert.FromHexString(hex))]);
    }

    /// <summary>A bare base64 SHA-512, as NuGet publishes it (<c>packageHash</c>, <c>.nupkg.sha512</c>).</summary>
    public static IntegrityExpectation? FromSha512Base64(string? base64) =>
        base64 is not null && TryBase64(base64.Trim(), out var digest) && digest.Length == 64
            ? new IntegrityExpectation(HashAlgorithms.Sha512, [new ContentHash(HashAlgorithms.Sha512, digest)])
            : null;

    /// <summary>The candidate <paramref name="actual"/> matches, or <see langword="null"/>.</summary>
    public ContentHash? Match(ContentHash actual) =>
        Candidates.Any(c => c.Equals(actual)) ? actual : null;

    /// <summary>For messages: the expected digests, abbreviated.</summary>
    public string Describe() => string.Join(" or ", Candidates.Select(c => c.Abbreviated));

    public override string ToString() => Describe();

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written == 0)
            return false;
        bytes = bytes[..written];
        return true;
    }
}
