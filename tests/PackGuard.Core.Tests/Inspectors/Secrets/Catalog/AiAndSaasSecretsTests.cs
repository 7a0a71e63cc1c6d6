using System.Diagnostics;
using System.Text;
using PackGuard.Inspectors.Secrets;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

/// <summary>
/// What the catalog's sample test cannot see for the AI and SaaS rules: the offline header checks
/// (a real shape is validated, a made-up one is not), the identifier filters, the token
/// boundaries, and that the patterns stay linear on hostile input.
/// </summary>
public sealed class AiAndSaasSecretsTests
{
    private static readonly SecretEngine Engine = SecretEngine.Create([.. AiSecrets.Rules, .. SaasSecrets.Rules]);

    [Theory]
    [InlineData("secret/sentry-org-token")]
    [InlineData("secret/grafana-cloud-token")]
    [InlineData("secret/mapbox-secret-token")]
    [InlineData("secret/intercom-access-token")]
    public void A_real_header_is_validated(string ruleId)
    {
        var rule = Rule(ruleId);

        var hits = Scan(rule.Positives[0]).Where(h => h.Rule.Id == ruleId).ToList();

        hits.ShouldHaveSingleItem().Validation.Outcome.ShouldBe(ValidationOutcome.Valid);
        hits[0].Validation.Detail.ShouldNotBeNull().ShouldNotContain(hits[0].Secret[^10..]);
    }

    [Fact]
    public void A_sentry_token_whose_header_is_not_json_is_reported_but_not_validated()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"iat\":1719579541,\"url\":")) + Random(60, Base64, 9101);

        var hits = Scan(Join("authToken: \"sntr", "ys_", header, "_", Random(43, Base64, 9102), "\"")).Where(h => h.Rule.Id == "secret/sentry-org-token").ToList();

        hits.ShouldHaveSingleItem().Validation.Outcome.ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void An_intercom_token_of_another_layout_is_left_unjudged()
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(Join("tok:", Random(40, LowerAlnum, 9111), ":2:0")));

        var hits = Scan(Join("Authorization: `Bearer ", token, "`")).Where(h => h.Rule.Id == "secret/intercom-access-token").ToList();

        hits.ShouldHaveSingleItem().Validation.Outcome.ShouldBe(ValidationOutcome.NotChecked);
    }

    [Theory]
    [InlineData("const hfToken = \"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\";")]
    [InlineData("use_auth_token='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'")]
    public void Hugging_face_prefixes_on_camel_case_names_are_not_tokens(string line) =>
        Scan(line).ShouldNotContain(h => h.Rule.Id.StartsWith("secret/huggingface", StringComparison.Ordinal));

    [Theory]
    [InlineData("secret/groq-api-key", "gs", "k_", 52)]
    [InlineData("secret/nvidia-api-key", "nv", "api-", 64)]
    [InlineData("secret/figma-pat", "fi", "gd_", 40)]
    [InlineData("secret/linear-api-key", "lin", "_api_", 40)]
    public void A_token_glued_to_more_token_characters_is_not_matched(string ruleId, string head, string tail, int length)
    {
        var token = Join(head, tail, Random(length, Base62, 9121));

        Scan($"key = \"{token}\"").ShouldContain(h => h.Rule.Id == ruleId);
        Scan($"key = \"{token}-suffix\"").ShouldNotContain(h => h.Rule.Id == ruleId);
        Scan($"key = \"{token}_2\"").ShouldNotContain(h => h.Rule.Id == ruleId);
    }

    [Fact]
    public void Context_words_stay_few_because_every_scan_searches_for_all_of_them()
    {
        var words = AiSecrets.Rules.Concat(SaasSecrets.Rules).Where(r => r.Anchor == AnchorKind.Context).SelectMany(r => r.Context).ToList();

        words.Count.ShouldBeLessThanOrEqualTo(10);
        words.ShouldAllBe(w => w.Length >= 5 && w == w.ToLowerInvariant());
    }

    [Fact]
    public void Hostile_input_is_scanned_in_linear_time()
    {
        var text = new StringBuilder();
        foreach (var piece in new[] { "sntrys_eyJ", "glc_eyJ", "sk.eyJ", "dG9rO", "ATATT3", "sl.u.", "2/", "pat", "u+" })
            text.Append(piece).Append('A', 200_000).Append('\n');
        text.Append("DD_API_KEY=").Append('a', 200_000).Append(" license_key: '").Append('0', 200_000).Append('\n');

        var clock = Stopwatch.StartNew();
        Scan(text.ToString());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    private static SecretRule Rule(string id) => AiSecrets.Rules.Concat(SaasSecrets.Rules).Single(r => r.Id == id);

    private static List<SecretHit> Scan(string text)
    {
        var sink = new Sink();
        var scanner = new SecretTextScanner(Engine, sink);
        scanner.Write(text.AsSpan());
        scanner.Complete();
        return sink.Hits;
    }

    private sealed class Sink : ISecretHitSink
    {
        public List<SecretHit> Hits { get; } = [];

        public void OnHit(in SecretHit hit) => Hits.Add(hit);
    }
}
