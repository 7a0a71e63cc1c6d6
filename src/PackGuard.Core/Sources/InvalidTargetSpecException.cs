namespace PackGuard.Sources;

/// <summary>
/// The target spec is malformed (<c>npm:</c> with no name, an invalid package name, an
/// unsupported package URL type). The CLI turns this into exit code 2 (usage error) with
/// <see cref="Exception.Message"/> as the explanation.
/// </summary>
public sealed class InvalidTargetSpecException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and what would be right.</summary>
    public InvalidTargetSpecException(string message) : base(message) { }
}
