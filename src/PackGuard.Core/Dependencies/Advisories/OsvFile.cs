namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// One file of an import: its name as shown to the user (relative to the directory, or
/// <c>all.zip!npm/MAL-....json</c>) and its bytes, or the reason it could not be read.
/// The bytes are valid only until the next file is read. <see cref="EndsRead"/> marks the problem
/// of a limit that stopped the reading: what follows was not read.
/// </summary>
internal readonly record struct OsvFile(string Name, ReadOnlyMemory<byte> Content, string? Problem, bool EndsRead = false);
