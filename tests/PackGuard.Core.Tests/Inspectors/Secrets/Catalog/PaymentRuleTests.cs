using PackGuard.Findings;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

public sealed class PaymentRuleTests
{
    [Fact]
    public void A_paystack_key_is_reported_once_as_paystack_not_stripe()
    {
        var findings = SecretScan.Findings("package/lib/pay.js", Join("const key = 'sk_li", "ve_", Random(40, Hex, 1), "';"));

        findings.ShouldHaveSingleItem().RuleId.ShouldBe("secret/paystack-live-secret-key");
    }

    [Fact]
    public void A_stripe_key_is_reported_once_as_stripe()
    {
        var findings = SecretScan.Findings("package/lib/pay.js", Join("const key = 'sk_li", "ve_", Random(99, Base62, 2), "';"));

        findings.ShouldHaveSingleItem().RuleId.ShouldBe("secret/stripe-live-secret-key");
        findings[0].Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void Test_mode_keys_are_low()
    {
        SecretScan.Single("secret/paystack-test-secret-key", "package/lib/pay.js", Join("sk_te", "st_", Random(40, Hex, 3))).Severity.ShouldBe(Severity.Low);
        SecretScan.Single("secret/stripe-restricted-test-key", "package/lib/pay.js", Join("rk_te", "st_", Random(99, Base62, 4))).Severity.ShouldBe(Severity.Low);
    }
}
