namespace PackGuard.Dependencies.Advisories;

/// <summary>What was given to import from cannot be read at all: it does not exist, or it is neither a directory, a zip nor a JSON file.</summary>
public sealed class AdvisorySourceException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public AdvisorySourceException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
