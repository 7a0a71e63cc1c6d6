namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// The last line of defence for the rule that a validation's detail never repeats the secret:
/// every validator's result passes through here, and a detail that shares eight characters in a
/// row with the secret is replaced by a generic one. It also turns an unexpected exception into
/// an "invalid" result, because validators see hostile input and must never throw.
/// </summary>
internal static class DetailGuard
{
    /// <summary>The length of the shortest run of characters that counts as a leak.</summary>
    public const int WindowLength = 8;

    /// <summary>Runs <paramref name="check"/> on <paramref name="secret"/> and screens its detail.</summary>
    public static Validation Run(string? secret, Func<string, Validation> check)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return Validation.NotChecked;
        }

        Validation result;
        try
        {
            result = check(secret);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must not turn hostile input into a crash of the whole scan.
            return Validation.Invalid("could not be parsed");
        }

        return Screen(secret, result);
    }

    /// <summary>Replaces a detail that repeats part of <paramref name="secret"/>.</summary>
    public static Validation Screen(string secret, Validation result)
    {
        if (result.Detail is null || !Overlaps(result.Detail, secret))
        {
            return result;
        }

        string generic = result.Outcome switch
        {
            ValidationOutcome.Valid => "format valid",
            ValidationOutcome.Invalid => "format invalid",
            _ => "not checked",
        };
        return result with { Detail = generic };
    }

    /// <summary>Whether <paramref name="detail"/> contains a run of <see cref="WindowLength"/> characters found in <paramref name="secret"/>.</summary>
    public static bool Overlaps(string detail, string secret)
    {
        // A candidate of a few characters cannot be a credential; any detail would "contain" it.
        if (secret.Length < 4)
        {
            return false;
        }

        int window = Math.Min(WindowLength, secret.Length);
        for (int i = 0; i + window <= detail.Length; i++)
        {
            if (secret.AsSpan().Contains(detail.AsSpan(i, window), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
