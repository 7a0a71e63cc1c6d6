namespace PackGuard.Dependencies.Online;

/// <summary>Asks a package's public registry whether the name is taken and when versions were published.</summary>
public interface IRegistryLookup
{
    /// <summary>
    /// Looks up one package. Network failures never throw: they give
    /// <see cref="RegistryPresence.Unknown"/> with <see cref="RegistryPackage.Error"/> set. Only
    /// cancellation of <paramref name="ct"/> propagates.
    /// </summary>
    /// <param name="ecosystem">One of <see cref="Ecosystems"/>.</param>
    /// <param name="name">The package name.</param>
    /// <param name="versions">The versions whose publish time is wanted; may be empty.</param>
    /// <param name="olderThan">
    /// The cut-off the caller compares publish times with. The lookup may skip fetching times when
    /// it can prove every version is older (npm's <c>modified</c>).
    /// </param>
    /// <param name="ct">Cancels the lookup.</param>
    Task<RegistryPackage> LookupAsync(string ecosystem, string name, IReadOnlyCollection<string> versions, DateTimeOffset olderThan, CancellationToken ct);
}
