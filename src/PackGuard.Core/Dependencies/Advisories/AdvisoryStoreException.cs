namespace PackGuard.Dependencies.Advisories;

/// <summary>The advisory store cannot be opened or written: not a PackGuard store, made by a newer PackGuard, or the disk refused.</summary>
public sealed class AdvisoryStoreException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public AdvisoryStoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
