using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks that a candidate is a structurally sound JSON Web Token (JWS compact form): three
/// base64url segments whose header is a JSON object naming its algorithm and whose payload is a
/// JSON object. An expired token is still reported, but as weakened.
/// </summary>
internal sealed class JwtValidator : ISecretValidator
{
    /// <summary>The shared instance, on the system clock.</summary>
    public static readonly ISecretValidator Instance = new JwtValidator();

    private const int MaxSegmentLength = 16 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32 };

    // Algorithms are echoed only from this list: the header is attacker-controlled text.
    private static readonly HashSet<string> KnownAlgorithms = new(StringComparer.Ordinal)
    {
        "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
        "ES256", "ES384", "ES512", "ES256K", "EdDSA", "Ed25519", "Ed448",
    };

    private static readonly SearchValues<char> Base64UrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly TimeProvider _time;

    /// <summary>Creates a validator that judges expiry by <paramref name="time"/>.</summary>
    /// <param name="time">The clock; the system clock when null.</param>
    public JwtValidator(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    private Validation Check(string secret)
    {
        if (secret.Length > 3 * MaxSegmentLength + 2)
        {
            return Validation.NotChecked;
        }

        string[] segments = secret.Split('.');
        if (segments.Length == 5)
        {
            return Validation.NotChecked with { Detail = "JWE (encrypted token), not checked" };
        }

        if (segments.Length != 3 || segments[0].Length == 0 || segments[1].Length == 0)
        {
            return Validation.Invalid("not a JWT (needs three segments)");
        }

        foreach (string segment in segments)
        {
            if (segment.AsSpan().ContainsAnyExcept(Base64UrlChars))
            {
                return Validation.Invalid("not a JWT (a segment is not base64url)");
            }
        }

        if (!TryParseObject(segments[0], out JsonDocument? header))
        {
            return Validation.Invalid("not a JWT (header is not a JSON object)");
        }

        using (header)
        {
            JsonElement root = header.RootElement;
            if (!root.TryGetProperty("alg", out JsonElement alg) || alg.ValueKind != JsonValueKind.String)
            {
                return Validation.Invalid("not a JWT (header has no algorithm)");
            }

            if (root.TryGetProperty("typ", out JsonElement typ) && typ.ValueKind != JsonValueKind.String)
            {
                return Validation.Invalid("not a JWT (header type is not a string)");
            }

            if (!TryParseObject(segments[1], out JsonDocument? payload))
            {
                return Validation.Invalid("not a JWT (payload is not a JSON object)");
            }

            using (payload)
            {
                return Describe(alg.GetString()!, segments[2].Length > 0, payload.RootElement);
            }
        }
    }

    private Validation Describe(string alg, bool signed, JsonElement payload)
    {
        string algorithm;
        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = "unsigned (alg none)";
        }
        else if (!signed)
        {
            return Validation.Invalid("JWT shape, but the signature is missing");
        }
        else
        {
            algorithm = KnownAlgorithms.Contains(alg) ? alg : "unrecognised algorithm";
        }

        if (payload.TryGetProperty("exp", out JsonElement exp)
            && exp.ValueKind == JsonValueKind.Number
            && exp.TryGetDouble(out double seconds)
            && !double.IsNaN(seconds))
        {
            // Clamp to what DateTimeOffset can hold; absurd values are far past or far future.
            double clamped = Math.Clamp(seconds, -62_135_596_800d, 253_402_300_799d);
            DateTimeOffset expiry = DateTimeOffset.FromUnixTimeSeconds((long)clamped);
            if (expiry <= _time.GetUtcNow())
            {
                string date = expiry.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return Validation.Valid($"JWT, {algorithm}, expired {date}") with { Weakened = true };
            }
        }

        return Validation.Valid($"JWT, {algorithm}");
    }

    private static bool TryParseObject(string segment, [NotNullWhen(true)] out JsonDocument? document)
    {
        document = null;
        if (segment.Length > MaxSegmentLength || !Base64Text.TryDecode(segment, urlSafe: true, out byte[] json))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            return false;
        }

        return true;
    }
}
