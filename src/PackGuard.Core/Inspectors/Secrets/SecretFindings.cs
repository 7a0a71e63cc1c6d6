using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets;

/// <summary>
/// Turns hits into findings: decides confidence and severity, writes a message that says what
/// and where without the value, and fingerprints the secret with the installation key. This is
/// the boundary past which no secret travels.
/// </summary>
internal sealed class SecretFindings(IFindingSink sink, SecretFingerprinter fingerprinter)
{
    private static readonly string[] TestSegments =
    [
        "test", "tests", "__tests__", "__test__", "__mocks__", "mocks", "mock", "fixtures", "fixture", "__fixtures__",
        "testdata", "test-data", "test_data", "spec", "specs", "examples", "example", "samples", "sample", "demo",
        "demos", "docs", "doc", "e2e",
    ];

    /// <summary>Reports the hits of one text, keeping per place the most specific rule that matched.</summary>
    public void Report(string path, string? originalPath, IReadOnlyList<SecretHit> hits)
    {
        var best = new Dictionary<(long?, long?, long?, string), (SecretHit Hit, Confidence Confidence)>();
        foreach (var hit in hits)
        {
            var confidence = ConfidenceOf(hit);
            var key = (hit.Line, hit.Column, hit.Offset, hit.Secret);
            if (!best.TryGetValue(key, out var current) || confidence > current.Confidence ||
                (confidence == current.Confidence && hit.Rule.Priority > current.Hit.Rule.Priority))
                best[key] = (hit, confidence);
        }
        foreach (var (hit, confidence) in best.Values.OrderBy(b => b.Hit.Line).ThenBy(b => b.Hit.Column).ThenBy(b => b.Hit.Offset))
            sink.Report(Build(path, originalPath, hit, confidence));
    }

    private Finding Build(string path, string? originalPath, SecretHit hit, Confidence confidence)
    {
        var rule = hit.Rule;
        var (severity, why) = SeverityOf(hit, confidence, originalPath ?? path);
        var preview = Redaction.Preview(hit.Secret, hit.VisiblePrefix);
        var where = Where(path, originalPath, hit);
        var message = $"{rule.Name} {preview} {where}. {why}";
        var properties = new JsonObject
        {
            ["secretType"] = rule.Name,
            ["confidence"] = confidence.ToName(),
            ["preview"] = preview,
            ["length"] = hit.Secret.Length,
            ["secretFingerprint"] = fingerprinter.Fingerprint(hit.Secret),
            ["encoding"] = hit.Encoding,
            ["validation"] = hit.Validation.Detail,
            ["offset"] = hit.Offset,
        };
        var discriminator = $"{originalPath}:{hit.Line}:{hit.Column}:{hit.Offset}";
        return new Finding(rule.Id, severity, rule.Name, message,
            new FindingLocation(path, ToInt(hit.Line), ToInt(hit.Column), originalPath),
            Fingerprint.Compute(rule.Id, path, discriminator), properties)
        {
            Fix = $"{rule.Rotate} Then rebuild the package without it: a secret that was published stays in every copy already downloaded, so rotating it is the fix, removing it only stops the next leak.",
        };
    }

    internal static Confidence ConfidenceOf(in SecretHit hit) => hit.Validation.Outcome switch
    {
        ValidationOutcome.Valid => Confidence.Validated,
        ValidationOutcome.Invalid => Confidence.Low,
        _ => hit.Rule.Confidence,
    };

    private static (Severity Severity, string Why) SeverityOf(in SecretHit hit, Confidence confidence, string path)
    {
        var detail = hit.Validation.Detail is { Length: > 0 } d ? d.TrimEnd('.') : null;
        if (hit.Rule.TestCredential)
            return (Severity.Low, "It is a test-mode credential; it cannot touch live data, but it still belongs to an account.");
        if (Placeholders.IsDocumentedExample(hit.Secret))
            return (Severity.Low, "It is a value published in documentation as an example, not a live credential.");
        if (confidence == Confidence.Low && hit.Validation.Outcome == ValidationOutcome.Invalid)
            return (Severity.Low, $"It has the format but fails its check ({detail}), so it is probably an example or a made-up value.");
        if (IsTestPath(path))
            return (Severity.Low, "It is in test, example or documentation files, where published test credentials are common; check that it is not a live one.");
        return confidence switch
        {
            Confidence.Validated when hit.Validation.Weakened => (Severity.High, $"{detail}: weakened, but still a real credential."),
            Confidence.Validated => (Severity.Critical, $"{detail}, so this is a real credential, not an example."),
            Confidence.High => (Severity.High, "Its format is distinctive to this provider."),
            Confidence.Medium => (Severity.Medium, "A provider name and a value of the provider's shape appear together."),
            _ => (Severity.Low, "A keyword and a plausible value appear together; this is often a false alarm."),
        };
    }

    private static string Where(string path, string? originalPath, in SecretHit hit)
    {
        var encoding = hit.Encoding is "plain" ? "" : $" ({hit.Encoding})";
        if (hit.Offset is { } offset)
            return $"in {path} at byte {offset.ToString(CultureInfo.InvariantCulture)} (a string inside a binary)";
        var line = hit.Line is { } l ? $" line {l.ToString(CultureInfo.InvariantCulture)}" : "";
        return originalPath is null
            ? $"in {path}{line}{encoding}"
            : $"in {originalPath}{line}{encoding}, original source embedded in {path}";
    }

    /// <summary>Paths of tests, fixtures, examples and docs, where libraries keep public test credentials.</summary>
    internal static bool IsTestPath(string path)
    {
        var segments = path.Replace('\\', '/').Split(['/', '!'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].ToLowerInvariant();
            if (i < segments.Length - 1 && TestSegments.Contains(segment))
                return true;
            if (i == segments.Length - 1 && (segment.Contains(".test.", StringComparison.Ordinal) || segment.Contains(".spec.", StringComparison.Ordinal) ||
                segment.StartsWith("test_", StringComparison.Ordinal) || segment.Contains("_test.", StringComparison.Ordinal) || IsDocument(segment)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Prose documentation (README, CHANGELOG, Markdown, reStructuredText, AsciiDoc): where packages
    /// show example output, keys included (keypair's README prints a real, parseable RSA key).
    /// </summary>
    private static bool IsDocument(string fileName) =>
        DocumentExtensions.Any(e => fileName.EndsWith(e, StringComparison.Ordinal)) ||
        DocumentNames.Any(n => fileName.StartsWith(n, StringComparison.Ordinal));

    private static readonly string[] DocumentExtensions = [".md", ".markdown", ".mdx", ".rst", ".adoc", ".asciidoc"];
    private static readonly string[] DocumentNames = ["readme", "changelog", "changes", "history"];

    private static int? ToInt(long? value) => value is { } v && v <= int.MaxValue ? (int)v : null;
}
