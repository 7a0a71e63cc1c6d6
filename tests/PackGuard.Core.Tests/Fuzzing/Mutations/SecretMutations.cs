using System.Text;
using System.Text.Json;
using PackGuard.Inspectors.Secrets.Catalog;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Puts credentials where the secret scanner looks: a sample of any rule in the catalog, as it is
/// or damaged so that its validator parses hostile input. A PEM key's body is decoded, mutated
/// as bytes (DER, OpenSSH wire format, PGP packets) and encoded again; a JWT's segment is decoded,
/// mutated as JSON and encoded again; other tokens get characters changed.
/// </summary>
public static class SecretMutations
{
    private static readonly Lazy<string[]> Samples = new(() => [.. SecretCatalog.All.SelectMany(r => r.Positives)]);

    /// <summary>Inserts a (possibly damaged) credential into text, JSON-escaped when <paramref name="json"/> is set.</summary>
    public static byte[] Insert(byte[] text, bool json, FuzzRandom random, out string description)
    {
        var sample = random.Pick(Samples.Value);
        var damage = random.Chance(60);
        var how = "";
        var secret = damage ? Damage(sample, random, out how) : sample;
        description = $"secret:insert({sample.Length} chars{(damage ? ", " + how : "")})";
        byte[] bytes;
        int at;
        if (json)
        {
            var strings = JsonMutations.StringSpans(text);
            at = strings.Count > 0 ? random.Pick(strings).Start + 1 : 0;
            bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(secret)[1..^1]);
        }
        else
        {
            at = random.Next(text.Length + 1);
            bytes = Encoding.UTF8.GetBytes(random.Chance(50) ? "\n" + secret + "\n" : secret);
        }
        return [.. text.AsSpan(0, at), .. bytes, .. text.AsSpan(at)];
    }

    private static string Damage(string sample, FuzzRandom random, out string how)
    {
        var begin = sample.IndexOf("-----BEGIN", StringComparison.Ordinal);
        if (begin >= 0 && PemBody(sample, begin) is var (start, end) && end > start)
        {
            var body = sample[start..end];
            var decoded = TryBase64(body.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
            if (decoded is not null)
            {
                var mutated = ByteMutations.Mutate(decoded, random, () => decoded, out var inner);
                how = "pem body " + inner;
                return sample[..start] + Wrap(Convert.ToBase64String(mutated)) + sample[end..];
            }
        }
        var jwt = sample.IndexOf("eyJ", StringComparison.Ordinal);
        if (jwt >= 0)
        {
            var stop = jwt;
            while (stop < sample.Length && (char.IsAsciiLetterOrDigit(sample[stop]) || sample[stop] is '-' or '_' or '.'))
                stop++;
            var segments = sample[jwt..stop].Split('.');
            var which = random.Next(Math.Min(2, segments.Length));
            var decoded = TryBase64(FromBase64Url(segments[which]));
            if (decoded is not null)
            {
                segments[which] = Convert.ToBase64String(JsonMutations.Mutate(decoded, random, out var inner)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                how = $"jwt segment {which} {inner}";
                return sample[..jwt] + string.Join('.', segments) + sample[stop..];
            }
        }
        var chars = sample.ToCharArray();
        var changes = random.Next(1, 4);
        for (var i = 0; i < changes; i++)
            chars[random.Next(chars.Length)] = random.Pick("0aZ_-+/=.\"\\ \n\u00e9".ToCharArray());
        how = $"{changes} chars changed";
        return new string(chars);
    }

    private static (int Start, int End)? PemBody(string sample, int begin)
    {
        var start = sample.IndexOf('\n', begin);
        var end = sample.IndexOf("-----END", begin, StringComparison.Ordinal);
        if (start < 0 || end <= start)
            return null;
        // Headers such as Proc-Type end with a blank line before the base64.
        var blank = sample.IndexOf("\n\n", start, end - start, StringComparison.Ordinal);
        return (blank >= 0 ? blank + 2 : start + 1, end);
    }

    private static string Wrap(string base64) =>
        string.Concat(base64.Chunk(64).Select(line => new string(line) + "\n"));

    private static string FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - (padded.Length % 4)) % 4);
    }

    private static byte[]? TryBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
