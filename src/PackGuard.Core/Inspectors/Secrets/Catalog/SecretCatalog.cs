using PackGuard.Findings;
using PackGuard.Rules;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Every credential rule, grouped by provider family in the files beside this one. Each family
/// file exposes a <c>Rules</c> list; this class gathers them and derives the catalog entries that
/// <c>packguard rules</c>, SARIF and the sample test see.
/// </summary>
internal static class SecretCatalog
{
    private static readonly Lazy<IReadOnlyList<SecretRule>> AllRules = new(() =>
    [
        .. CodeHostSecrets.Rules,
        .. RegistrySecrets.Rules,
        .. CloudSecrets.Rules,
        .. AiSecrets.Rules,
        .. SaasSecrets.Rules,
        .. PaymentSecrets.Rules,
        .. MessagingSecrets.Rules,
        .. PrivateKeySecrets.Rules,
        .. DatabaseSecrets.Rules,
        .. GenericSecrets.Rules,
    ]);

    private static readonly Lazy<IReadOnlyList<RuleDescriptor>> AllDescriptors = new(() => [.. All.Select(ToDescriptor)]);

    /// <summary>All rules.</summary>
    public static IReadOnlyList<SecretRule> All => AllRules.Value;

    /// <summary>The catalog entries of all rules.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors => AllDescriptors.Value;

    /// <summary>The severity a finding of the rule has without context: what a real, live match means.</summary>
    public static Severity DefaultSeverity(SecretRule rule) => rule switch
    {
        { TestCredential: true } => Severity.Low,
        { Validator: not (null or ISecretFilter) } => Severity.Critical,
        { Confidence: Confidence.High or Confidence.Validated } => Severity.High,
        { Confidence: Confidence.Medium } => Severity.Medium,
        _ => Severity.Low,
    };

    private static RuleDescriptor ToDescriptor(SecretRule rule) => new(
        rule.Id,
        rule.Name,
        DefaultSeverity(rule),
        rule.Description,
        $"A {rule.Name} in a published package can be read by anyone who installs it, and registries keep every version forever. Attackers scan new releases for credential formats within minutes of publication. Severity: critical when an offline check proves the format real, high for distinctive formats, medium or low for keyword matches; test, example and documentation paths and test-mode keys stay low.",
        rule.Rotate,
        [
            .. rule.Positives.Select((text, i) => new RuleSample($"contains one ({i + 1})", true, [new SampleFile("package/lib/settings.js", text)])),
            .. rule.Negatives.Select((text, i) => new RuleSample($"looks alike but is not ({i + 1})", false, [new SampleFile("package/lib/settings.js", text)])),
        ]);
}
