namespace PackGuard.Sources;

/// <summary>
/// The user's package-manager configuration (<c>.npmrc</c>, <c>NuGet.Config</c>) could not be
/// read or is malformed. It is a configuration error, so the CLI maps it to exit code 2.
/// </summary>
public sealed class SourceConfigurationException : Exception
{
    /// <summary>Creates the exception with a message naming the file and the problem.</summary>
    public SourceConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
