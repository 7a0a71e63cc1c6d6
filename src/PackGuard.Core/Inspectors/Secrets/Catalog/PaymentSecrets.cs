using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Payments and commerce: Stripe, Square, PayPal/Braintree, Shopify.</summary>
internal static class PaymentSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/stripe-live-secret-key",
            Name = "Stripe live secret key",
            Description = "A Stripe live-mode secret key (sk_live_). It can charge cards, issue refunds and read every customer of the account.",
            Prefixes = ["sk_live_"],
            Pattern = @"sk_live_[A-Za-z0-9]{24,247}\b",
            Rotate = "Roll the key in the Stripe Dashboard (Developers, API keys, Roll key) and review recent API requests in the logs.",
            Positives = [Join("stripe(\"sk_li", "ve_", Random(99, Base62, 401), "\")")],
            Negatives = [Join("sk_li", "ve_", Random(12, Base62, 402)), "sk_live_YOUR_KEY_HERE_xxxxxxxxxxxxxxxx"],
        },
        new()
        {
            Id = "secret/stripe-test-secret-key",
            Name = "Stripe test secret key",
            Description = "A Stripe test-mode secret key (sk_test_). It cannot move real money but exposes the account's test data and configuration.",
            Prefixes = ["sk_test_"],
            Pattern = @"sk_test_[A-Za-z0-9]{24,247}\b",
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Roll the test key in the Stripe Dashboard and keep keys out of published code.",
            Positives = [Join("sk_te", "st_", Random(99, Base62, 411))],
            Negatives = [Join("sk_te", "st_", Random(10, Base62, 412))],
        },
    ];
}
