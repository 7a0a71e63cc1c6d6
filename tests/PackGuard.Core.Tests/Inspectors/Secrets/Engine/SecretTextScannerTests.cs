using System.Text;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Tests.Inspectors.Secrets.Engine.EngineFixture;

namespace PackGuard.Tests.Inspectors.Secrets.Engine;

public sealed class SecretTextScannerTests
{
    [Fact]
    public void Reports_line_and_column_and_validates_the_checksum()
    {
        var token = GitHubToken(1);
        var hit = Scan($"first line\nsecond line\n  const t = \"{token}\";\n").ShouldHaveSingleItem();

        hit.Rule.Id.ShouldBe("secret/github-pat-classic");
        hit.Secret.ShouldBe(token);
        hit.Line.ShouldBe(3);
        hit.Column.ShouldBe(14);
        hit.Validation.Outcome.ShouldBe(ValidationOutcome.Valid);
        hit.Encoding.ShouldBe("plain");
    }

    [Theory]
    [InlineData("git clone https://{0}@github.com/acme/app.git")]
    [InlineData("remote = \"https://x-access-token:{0}@github.com/acme/app\"")]
    [InlineData("path = /home/ci/{0}/cache")]
    public void Finds_a_token_after_slashes_in_a_url_or_path(string template)
    {
        var token = GitHubToken(6);

        Scan(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, token))
            .ShouldContain(h => h.Secret == token && h.Rule.Id == "secret/github-pat-classic");
    }

    [Fact]
    public void A_changed_character_fails_the_checksum()
    {
        var token = GitHubToken(2);
        var broken = token[..10] + (token[10] == 'a' ? 'b' : 'a') + token[11..];

        Scan(broken).ShouldHaveSingleItem().Validation.Outcome.ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Finds_the_same_secrets_whatever_the_chunk_size_and_across_segments()
    {
        var text = new StringBuilder();
        var tokens = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            // Pad so that tokens fall across the scanner's 256 K segments and the chunk boundaries.
            text.Append(new string('x', 9_973)).Append(' ').Append(i).Append('\n');
            var token = GitHubToken(100 + i);
            tokens.Add(token);
            text.Append("token = \"").Append(token).Append("\"\n");
        }
        var expected = GitHubHits(Scan(text.ToString()));
        expected.Select(e => e.Secret).ShouldBe(tokens);

        foreach (var chunk in new[] { 1, 7, 4096, 65_536, 300_000 })
            GitHubHits(Scan(text.ToString(), chunk)).ShouldBe(expected, $"chunk {chunk}");
    }

    [Fact]
    public void Decodes_base64_blobs_that_hide_credentials()
    {
        var token = GitHubToken(3);
        var blob = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{{\"auth\":{{\"token\":\"{token}\"}}}}"));

        var hit = Scan($"line one\nconst config = \"{blob}\";\n").Single(h => h.Rule.Id == "secret/github-pat-classic");

        hit.Secret.ShouldBe(token);
        hit.Encoding.ShouldBe("base64");
        hit.Line.ShouldBe(2);
    }

    [Fact]
    public void Finds_credentials_in_percent_encoded_and_json_escaped_urls()
    {
        var password = "q8Zr2LmT4vXw7Kp1";
        // The secret of a URL rule is user:password@host, the credential and where it works.
        var credential = $"app:{password}@db1.prod.acme.io";
        Scan($"url = \"postgres%3A%2F%2Fapp%3A{password}%40db1.prod.acme.io%2Fapp\"").ShouldContain(h => h.Secret == credential && h.Encoding == "percent-encoded");
        Scan($"{{\"url\":\"postgres:\\/\\/app:{password}@db1.prod.acme.io\\/app\"}}").ShouldContain(h => h.Secret == credential);
    }

    [Fact]
    public void Each_escaped_credential_is_reported_at_its_own_column()
    {
        var line = "{\"primary\":\"postgres:\\/\\/app:q8Zr2LmT4vXw7Kp1@db1.prod.acme.io\\/a\",\"replica\":\"postgres:\\/\\/app:W3nb8Xc5Rt2Ys9Ja@db2.prod.acme.io\\/a\"}";

        var hits = Scan(line).Where(h => h.Rule.Id == "secret/database-url-password").ToList();

        hits.Select(h => (h.Secret, h.Column)).ShouldBe(
        [
            ("app:q8Zr2LmT4vXw7Kp1@db1.prod.acme.io", line.IndexOf("app:q8", StringComparison.Ordinal) + 1),
            ("app:W3nb8Xc5Rt2Ys9Ja@db2.prod.acme.io", line.IndexOf("app:W3", StringComparison.Ordinal) + 1),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Finds_printable_strings_in_binaries_ascii_and_utf16()
    {
        var token = GitHubToken(4);
        var binary = new List<byte>();
        binary.AddRange(Enumerable.Range(0, 300).Select(i => (byte)(i * 7 % 32)));
        var asciiAt = binary.Count;
        binary.AddRange(Encoding.ASCII.GetBytes(token));
        binary.AddRange(new byte[] { 0, 1, 2, 3 });
        var wideAt = binary.Count;
        binary.AddRange(Encoding.Unicode.GetBytes(GitHubToken(5)));
        binary.AddRange(new byte[] { 0, 0, 7, 8 });

        var hits = ScanBinary([.. binary]);

        hits.Count.ShouldBe(2);
        hits.ShouldContain(h => h.Secret == token && h.Offset == asciiAt && h.Line == null && h.Encoding == "binary-string");
        hits.ShouldContain(h => h.Offset == wideAt);
    }

    // The generic rule matches these assignments too; the findings layer keeps the most specific per place.
    private static List<(string Secret, long? Line, long? Column)> GitHubHits(List<PackGuard.Inspectors.Secrets.Engine.SecretHit> hits) =>
        [.. hits.Where(h => h.Rule.Id == "secret/github-pat-classic").Select(h => (h.Secret, h.Line, h.Column))];

    [Theory]
    [InlineData('a')]
    [InlineData('A')]
    [InlineData('0')]
    [InlineData('=')]
    [InlineData('/')]
    public void Adversarial_repetition_finishes_quickly(char c)
    {
        var text = "token = \"" + new string(c, 100_000) + "\" ghp_" + new string(c, 100_000) + " -----BEGIN PRIVATE KEY-----" + new string(c, 100_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var hits = Scan(text);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        hits.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("-----BEGIN ")]
    [InlineData("sig=")]
    [InlineData("://")]
    [InlineData("token=\"")]
    [InlineData("ghp_")]
    public void A_repeated_anchor_costs_linear_time_not_anchors_times_window(string anchor)
    {
        // 4 MB of one anchor: without merged windows this is a million windows of up to 12 KB.
        var text = string.Concat(Enumerable.Repeat(anchor, 4_000_000 / anchor.Length));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Scan(text);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Long_runs_of_base64_finish_quickly()
    {
        var random = new Random(9);
        var bytes = new byte[3_000_000];
        random.NextBytes(bytes);
        var text = string.Join("\n", Enumerable.Range(0, 4).Select(_ => Convert.ToBase64String(bytes)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Scan(text);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
