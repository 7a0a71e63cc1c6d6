using System.Globalization;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Reads the expiry (<c>se=</c>) of an Azure shared access signature. The signature covers the
/// expiry, so a SAS whose day has passed opens nothing: it is called invalid and reported low,
/// as documentation samples usually are. A SAS without <c>se=</c> (one that names a stored
/// access policy) is left unchecked.
/// </summary>
internal sealed class AzureSasExpiry(TimeProvider? time = null) : ISecretFilter
{
    /// <summary>The shared instance, on the system clock.</summary>
    public static readonly ISecretValidator Instance = new AzureSasExpiry();

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public Validation Validate(string secret)
    {
        var at = secret.StartsWith("se=", StringComparison.Ordinal) ? 0 : secret.IndexOf("&se=", StringComparison.Ordinal) + 1;
        if (at == 0 && !secret.StartsWith("se=", StringComparison.Ordinal))
            return Validation.NotChecked;
        var value = secret.AsSpan(at + 3);
        if (value.Length < 10 || !DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
            return Validation.NotChecked;
        return expiry < DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime)
            ? Validation.Invalid($"expired on {expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            : Validation.NotChecked;
    }
}
