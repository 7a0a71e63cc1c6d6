namespace PackGuard.Sources.Http;

/// <summary>Renders addresses for messages without anything secret in them.</summary>
internal static class SafeUri
{
    /// <summary>The address without user info, query or fragment (where credentials can hide).</summary>
    public static string Display(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : uri.ToString();

    /// <summary>A URL shown safely, or a folder path as it is.</summary>
    public static string DisplayLocation(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile ? Display(uri) : location;

    /// <summary>The address with a trailing slash, so relative paths resolve beneath it.</summary>
    public static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
