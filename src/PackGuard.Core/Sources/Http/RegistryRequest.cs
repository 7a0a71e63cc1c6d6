using System.Net.Http.Headers;

namespace PackGuard.Sources.Http;

/// <summary>One GET against a registry.</summary>
/// <param name="Url">What to fetch.</param>
/// <param name="Origin">The registry or feed, as users know it; named in error messages.</param>
/// <param name="Authorization">Credentials for this exact URL, already scoped by the caller; never logged.</param>
/// <param name="Accept">The Accept header, when the server negotiates formats.</param>
internal sealed record RegistryRequest(Uri Url, string Origin, AuthenticationHeaderValue? Authorization = null, string? Accept = null)
{
    // A record would print the credentials in ToString; this one does not.
    public override string ToString() => $"GET {SafeUri.Display(Url)}";
}
