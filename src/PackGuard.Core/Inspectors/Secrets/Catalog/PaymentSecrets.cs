using PackGuard.Inspectors.Secrets.Validators;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Payments and commerce: Stripe, Square, PayPal/Braintree, Shopify, Paystack, Flutterwave, Plaid,
/// Razorpay. Publishable keys (Stripe and Paystack pk_, Razorpay key IDs) are public by design and
/// have no rule.
/// </summary>
internal static class PaymentSecrets
{
    private const string End = @"(?:[^A-Za-z0-9_\-]|$)";
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/stripe-live-secret-key",
            Name = "Stripe live secret key",
            Description = "A Stripe live-mode secret key (sk_live_). It can charge cards, issue refunds and read every customer of the account.",
            Prefixes = ["sk_live_"],
            Pattern = @"\Ask_live_[A-Za-z0-9]{24,247}\b",
            Validator = NotPaystackKey.Instance,
            DiscardInvalid = true,
            Rotate = "Roll the key in the Stripe Dashboard (Developers, API keys, Roll key) and review recent API requests in the logs.",
            Positives = [Join("stripe(\"sk_li", "ve_", Random(99, Base62, 401), "\")"), Join("STRIPE_SECRET_KEY=sk_li", "ve_", Random(24, Base62, 403))],
            Negatives = [Join("sk_li", "ve_", Random(12, Base62, 402)), "sk_live_YOUR_KEY_HERE_xxxxxxxxxxxxxxxx", Join("sk_li", "ve_", Random(40, Hex, 404))],
        },
        new()
        {
            Id = "secret/stripe-test-secret-key",
            Name = "Stripe test secret key",
            Description = "A Stripe test-mode secret key (sk_test_). It cannot move real money but exposes the account's test data and configuration.",
            Prefixes = ["sk_test_"],
            Pattern = @"\Ask_test_[A-Za-z0-9]{24,247}\b",
            Validator = NotPaystackKey.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Roll the test key in the Stripe Dashboard and keep keys out of published code.",
            Positives = [Join("sk_te", "st_", Random(99, Base62, 411))],
            Negatives = [Join("sk_te", "st_", Random(10, Base62, 412)), Join("sk_te", "st_", Random(40, Hex, 413))],
        },
        new()
        {
            Id = "secret/stripe-restricted-key",
            Name = "Stripe live restricted key",
            Description = "A Stripe live-mode restricted API key (rk_live_). It has the permissions chosen when it was created, often enough to read customers or create charges.",
            Prefixes = ["rk_live_"],
            Pattern = @"\Ark_live_[A-Za-z0-9]{24,247}\b",
            Rotate = "Roll or delete the restricted key in the Stripe Dashboard (Developers, API keys) and review its recent requests in the logs.",
            Positives = [Join("const stripe = new Stripe('rk_li", "ve_", Random(99, Base62, 421), "');")],
            Negatives = [Join("rk_li", "ve_", Random(12, Base62, 422)), Join("rk_li", "ve_", Random(30, Base62, 423), "_x")],
        },
        new()
        {
            Id = "secret/stripe-restricted-test-key",
            Name = "Stripe test restricted key",
            Description = "A Stripe test-mode restricted API key (rk_test_). It cannot move real money but reads and changes the account's test data.",
            Prefixes = ["rk_test_"],
            Pattern = @"\Ark_test_[A-Za-z0-9]{24,247}\b",
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Roll or delete the restricted test key in the Stripe Dashboard and keep keys out of published code.",
            Positives = [Join("rk_te", "st_", Random(99, Base62, 431))],
            Negatives = [Join("rk_te", "st_", Random(10, Base62, 432))],
        },
        new()
        {
            Id = "secret/webhook-signing-secret",
            Name = "Webhook signing secret (whsec_)",
            Description = "A webhook signing secret (whsec_), as issued by Stripe and by Svix-based webhook senders (Clerk, Resend and others). Whoever holds it can forge webhook events the receiver will trust.",
            Prefixes = ["whsec_"],
            Pattern = @"\Awhsec_[A-Za-z0-9+/]{32,100}={0,2}",
            MinEntropy = 3.5,
            Rotate = "Roll the endpoint's signing secret where it was issued (Stripe Dashboard, Developers, Webhooks; or the sender's webhook settings), and keep it in the environment.",
            Positives = [Join("STRIPE_WEBHOOK_SECRET=whs", "ec_", Random(32, Base62, 441)), Join("const secret = 'whs", "ec_", Random(32, Base64, 442), "';")],
            Negatives = [Join("whs", "ec_", Random(16, Base62, 443)), "whsec_test_secret"],
        },
        new()
        {
            Id = "secret/square-access-token",
            Name = "Square access token",
            Description = "A Square access token (EAAA followed by 60 characters, or the older sq0atp- form). It takes payments, issues refunds and reads customers and orders of the seller account.",
            Prefixes = ["EAAA", "sq0atp-"],
            Pattern = @"\A(?<secret>EAAA[A-Za-z0-9_\-]{60}|sq0atp-[A-Za-z0-9_\-]{22})" + End,
            MaxLength = 80,
            MinEntropy = 3.8,
            Rotate = "Revoke the token in the Square Developer Dashboard (the application's Credentials or OAuth page, or the RevokeToken API) and issue a new one.",
            Positives = [Join("SQUARE_ACCESS_TOKEN=EA", "AA", Random(60, Base64Url, 451)), Join("accessToken: 'sq0", "atp-", Random(22, Base64Url, 452), "'")],
            Negatives = [Join("EA", "AA", Random(90, Base64Url, 453)), Join("sq0", "atp-", Random(10, Base64Url, 454)), Join("EA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")],
        },
        new()
        {
            Id = "secret/square-oauth-secret",
            Name = "Square OAuth application secret",
            Description = "A Square OAuth application secret (sq0csp-). With the application ID it exchanges authorisation codes for access tokens to sellers' accounts.",
            Prefixes = ["sq0csp-"],
            Pattern = @"\A(?<secret>sq0csp-[A-Za-z0-9_\-]{43})" + End,
            MaxLength = 64,
            Rotate = "Replace the application secret in the Square Developer Dashboard (OAuth page) and update the server that uses it.",
            Positives = [Join("SQUARE_APP_SECRET=sq0", "csp-", Random(43, Base64Url, 461))],
            Negatives = [Join("sq0", "csp-", Random(20, Base64Url, 462)), Join("sq0", "idp-", Random(22, Base64Url, 463))],
        },
        new()
        {
            Id = "secret/braintree-access-token",
            Name = "Braintree / PayPal production access token",
            Description = "A Braintree gateway access token for production (access_token$production$<merchant>$<secret>), also issued for PayPal Express Checkout through Braintree. It takes payments as the merchant.",
            Prefixes = ["access_token$production$"],
            Pattern = @"\Aaccess_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}\b",
            Rotate = "Revoke the access token in the Braintree or PayPal developer dashboard (or through the OAuth revoke endpoint) and issue a new one.",
            Positives = [Join("new braintree.BraintreeGateway({ accessToken: 'access_tok", "en$production$", Random(16, LowerAlnum, 471), "$", Random(32, Hex, 472), "' })")],
            Negatives = [Join("access_tok", "en$production$", Random(16, LowerAlnum, 473), "$", Random(12, Hex, 474)), Join("access_tok", "en$production$", "$", Random(32, Hex, 475))],
        },
        new()
        {
            Id = "secret/braintree-sandbox-access-token",
            Name = "Braintree / PayPal sandbox access token",
            Description = "A Braintree gateway access token for the sandbox (access_token$sandbox$...). It cannot move real money but reaches the sandbox merchant's data.",
            Prefixes = ["access_token$sandbox$"],
            Pattern = @"\Aaccess_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32}\b",
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Revoke the sandbox access token in the Braintree or PayPal developer dashboard and keep tokens out of published code.",
            Positives = [Join("access_tok", "en$sandbox$", Random(16, LowerAlnum, 481), "$", Random(32, Hex, 482))],
            Negatives = [Join("access_tok", "en$sandbox$", Random(16, LowerAlnum, 483))],
        },
        new()
        {
            Id = "secret/braintree-private-key",
            Name = "Braintree private key",
            Description = "A Braintree API private key (32 hexadecimal characters) next to the word braintree. With the merchant ID and public key it takes payments and reads transactions.",
            Context = ["braintree"],
            Pattern = @"[0-9a-f]{32}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.2,
            Rotate = "Delete the API key pair in the Braintree Control Panel (Settings, API), create a new one, and keep the private key in the environment.",
            Positives = [Join("BRAINTREE_PRIVATE_KEY=", Random(32, Hex, 491))],
            Negatives = [Join("BRAINTREE_MERCHANT_ID=", Random(16, LowerAlnum, 492)), Join("commit ", Random(32, Hex, 493))],
        },
        new()
        {
            Id = "secret/paypal-client-secret",
            Name = "PayPal REST client secret",
            Description = "A PayPal REST API client secret (80 base64url characters) named as such. With the client ID it obtains access tokens that take and refund payments.",
            Context = ["paypal_client_secret", "paypal_secret", "paypalclientsecret", "paypalsecret"],
            Pattern = @"[A-Za-z0-9_\-]{80}",
            Confidence = Confidence.Medium,
            MinEntropy = 4.0,
            Rotate = "Generate a new secret for the app in the PayPal Developer Dashboard (Apps & Credentials), disable the old one, and keep it in the environment.",
            Positives = [Join("PAYPAL_CLIENT_SECRET=E", Random(79, Base64Url, 4001))],
            Negatives = [Join("PAYPAL_CLIENT_ID=A", Random(79, Base64Url, 4002)), Join("PAYPAL_CLIENT_SECRET=E", Random(40, Base64Url, 4003))],
        },
        new()
        {
            Id = "secret/shopify-access-token",
            Name = "Shopify access token",
            Description = "A Shopify Admin API access token: shpat_ (custom or public app), shpca_ (custom app) or shppa_ (legacy private app), followed by 32 hexadecimal characters. It reads and changes the store's orders, customers and products.",
            Prefixes = ["shpat_", "shpca_", "shppa_"],
            Pattern = @"\Ashp(?:at|ca|pa)_[0-9a-fA-F]{32}\b",
            Rotate = "Uninstall or rotate the app's credentials in the Shopify admin (Apps, App development, API credentials) and reinstall to get a new token.",
            Positives = [Join("X-Shopify-Access-Token: shp", "at_", Random(32, Hex, 4011)), Join("const token = 'shp", "pa_", Random(32, Hex, 4012), "';")],
            Negatives = [Join("shp", "at_", Random(20, Hex, 4013)), Join("shp", "at_", Random(32, Hex, 4014), "z")],
        },
        new()
        {
            Id = "secret/shopify-shared-secret",
            Name = "Shopify app shared secret",
            Description = "A Shopify app's shared secret (shpss_ followed by 32 hexadecimal characters). It signs and verifies OAuth requests and webhooks for every store that installed the app.",
            Prefixes = ["shpss_"],
            Pattern = @"\Ashpss_[0-9a-fA-F]{32}\b",
            Rotate = "Rotate the app's client secret in the Shopify Partner Dashboard (the app's Client credentials) and update the server.",
            Positives = [Join("SHOPIFY_API_SECRET=shp", "ss_", Random(32, Hex, 4021))],
            Negatives = [Join("shp", "ss_", Random(16, Hex, 4022))],
        },
        new()
        {
            Id = "secret/paystack-live-secret-key",
            Name = "Paystack live secret key",
            Description = "A Paystack live secret key (sk_live_ followed by 40 hexadecimal characters). It charges customers, initiates transfers and reads the business's transactions.",
            Prefixes = ["sk_live_"],
            Pattern = @"\Ask_live_[0-9a-f]{40}\b",
            Rotate = "Generate new API keys in the Paystack Dashboard (Settings, API Keys & Webhooks) and update the server that uses them.",
            Positives = [Join("PAYSTACK_SECRET_KEY=sk_li", "ve_", Random(40, Hex, 4031))],
            Negatives = [Join("sk_li", "ve_", Random(99, Base62, 4032)), Join("sk_li", "ve_", Random(30, Hex, 4033))],
        },
        new()
        {
            Id = "secret/paystack-test-secret-key",
            Name = "Paystack test secret key",
            Description = "A Paystack test secret key (sk_test_ followed by 40 hexadecimal characters). It cannot move real money but reads and changes the business's test data.",
            Prefixes = ["sk_test_"],
            Pattern = @"\Ask_test_[0-9a-f]{40}\b",
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Generate new API keys in the Paystack Dashboard (Settings, API Keys & Webhooks) and keep keys out of published code.",
            Positives = [Join("sk_te", "st_", Random(40, Hex, 4041))],
            Negatives = [Join("sk_te", "st_", Random(99, Base62, 4042))],
        },
        new()
        {
            Id = "secret/flutterwave-secret-key",
            Name = "Flutterwave live secret key",
            Description = "A Flutterwave live secret key (FLWSECK- followed by 32 hexadecimal characters and -X). It collects payments and makes transfers and payouts from the account.",
            Prefixes = ["FLWSECK-"],
            Pattern = @"\AFLWSECK-[0-9a-fA-F]{32}-X\b",
            Rotate = "Generate new API keys in the Flutterwave Dashboard (Settings, API Keys) and update the server that uses them.",
            Positives = [Join("FLW_SECRET_KEY=FLWS", "ECK-", Random(32, Hex, 4051), "-X")],
            Negatives = [Join("FLWS", "ECK-", Random(32, Hex, 4052)), Join("FLWS", "ECK-", Random(20, Hex, 4053), "-X")],
        },
        new()
        {
            Id = "secret/flutterwave-test-secret-key",
            Name = "Flutterwave test secret key",
            Description = "A Flutterwave test secret key (FLWSECK_TEST- followed by 32 hexadecimal characters and -X). It cannot move real money but reaches the account's test data.",
            Prefixes = ["FLWSECK_TEST-"],
            Pattern = @"\AFLWSECK_TEST-[0-9a-fA-F]{32}-X\b",
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Generate new test keys in the Flutterwave Dashboard and keep keys out of published code.",
            Positives = [Join("FLWS", "ECK_TEST-", Random(32, Hex, 4061), "-X")],
            Negatives = [Join("FLWS", "ECK_TEST-SANDBOXDEMOKEY-X")],
        },
        new()
        {
            Id = "secret/plaid-access-token",
            Name = "Plaid access token",
            Description = "A Plaid access token for the production or development environment (access-production-<uuid>). With the client ID and secret it reads the linked bank accounts, balances and transactions.",
            Prefixes = ["access-production-", "access-development-"],
            Pattern = @"\Aaccess-(?:production|development)-" + Uuid + @"\b",
            Rotate = "Remove the Item (/item/remove) or rotate its token (/item/access_token/invalidate), and keep access tokens in server-side storage only.",
            Positives = [Join("const accessToken = 'acc", "ess-production-", Random(8, Hex, 4071), "-", Random(4, Hex, 4072), "-", Random(4, Hex, 4073), "-", Random(4, Hex, 4074), "-", Random(12, Hex, 4075), "';")],
            Negatives = [Join("acc", "ess-production-", Random(8, Hex, 4076)), Join("acc", "ess-sandbox-", Random(8, Hex, 4077), "-", Random(4, Hex, 4078), "-", Random(4, Hex, 4079), "-", Random(4, Hex, 4080), "-", Random(12, Hex, 4081))],
        },
        new()
        {
            Id = "secret/plaid-sandbox-access-token",
            Name = "Plaid sandbox access token",
            Description = "A Plaid access token for the sandbox environment (access-sandbox-<uuid>). It reaches only test data, but belongs to the team's Plaid account.",
            Prefixes = ["access-sandbox-"],
            Pattern = @"\Aaccess-sandbox-" + Uuid + @"\b",
            Confidence = Confidence.Low,
            TestCredential = true,
            Rotate = "Remove the sandbox Item (/item/remove) and keep tokens out of published code.",
            Positives = [Join("acc", "ess-sandbox-", Random(8, Hex, 4091), "-", Random(4, Hex, 4092), "-", Random(4, Hex, 4093), "-", Random(4, Hex, 4094), "-", Random(12, Hex, 4095))],
            Negatives = [Join("acc", "ess-sandbox-", Random(12, Hex, 4096))],
        },
        new()
        {
            Id = "secret/plaid-secret",
            Name = "Plaid API secret",
            Description = "A Plaid API secret (30 hexadecimal characters) next to the word plaid. With the client ID it calls every Plaid endpoint for the team's linked accounts.",
            Context = ["plaid"],
            Pattern = @"[0-9a-f]{30}",
            Confidence = Confidence.Medium,
            MinEntropy = 3.2,
            Rotate = "Rotate the secret in the Plaid Dashboard (Team Settings, Keys) and update the server that uses it.",
            Positives = [Join("PLAID_SECRET=", Random(30, Hex, 4101))],
            Negatives = [Join("PLAID_CLIENT_ID=", Random(24, Hex, 4102)), Join("revision=", Random(30, Hex, 4103))],
        },
        new()
        {
            Id = "secret/razorpay-key-secret",
            Name = "Razorpay key secret",
            Description = "A Razorpay API key secret (24 letters and digits) next to the word razorpay. With the key ID (rzp_live_, which is public) it creates orders, captures payments and issues refunds.",
            Context = ["razorpay"],
            Pattern = @"[A-Za-z0-9]{24}",
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            MinEntropy = 3.8,
            Rotate = "Regenerate the API key in the Razorpay Dashboard (Account & Settings, API Keys) and update the server that uses it.",
            Positives = [Join("RAZORPAY_KEY_SECRET=", Random(24, Base62, 4111))],
            Negatives = [Join("RAZORPAY_KEY_ID=rzp_li", "ve_", Random(14, Base62, 4112)), "razorpay: RazorpayCheckoutBuilders"],
        },
    ];

    /// <summary>
    /// Paystack secret keys share Stripe's sk_live_/sk_test_ prefixes but are 40 lower-case
    /// hexadecimal characters, which a Stripe key (mixed-case base62) never is: leave those to
    /// the Paystack rules so that one key is reported once, under its real provider.
    /// </summary>
    private sealed class NotPaystackKey : ISecretFilter
    {
        public static readonly ISecretValidator Instance = new NotPaystackKey();

        public Validation Validate(string secret)
        {
            var body = secret.AsSpan(secret.IndexOf('_', 3) + 1);
            return body.Length == 40 && !body.ContainsAnyExcept("0123456789abcdef")
                ? Validation.Invalid("a Paystack key")
                : Validation.NotChecked;
        }
    }
}
