using System.Net;

namespace PackGuard.Sources.Http;

/// <summary>Helpers for reading registry responses.</summary>
internal static class HttpResponseExtensions
{
    public static bool IsAuthFailure(this HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    public static string AuthVerb(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized ? "authentication required" : "access refused";

}
