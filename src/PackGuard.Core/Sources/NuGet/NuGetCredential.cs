namespace PackGuard.Sources.NuGet;

/// <summary>
/// <c>packageSourceCredentials</c> for one source. Only <c>ClearTextPassword</c> is usable: an
/// encrypted <c>Password</c> is protected with Windows DPAPI and cannot be decrypted elsewhere.
/// </summary>
internal sealed record NuGetCredential(string? Username, string? ClearTextPassword, bool HasEncryptedPassword)
{
    public bool IsUsable => Username is not null && ClearTextPassword is not null;

    // A record would print the password; this one does not.
    public override string ToString() => $"NuGetCredential {{ Username = {Username}, usable = {IsUsable} }}";
}
