using System.Net.Http.Headers;
using System.Text;

namespace PackGuard.Sources.Http;

/// <summary>Builds Authorization headers.</summary>
internal static class HttpAuth
{
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
