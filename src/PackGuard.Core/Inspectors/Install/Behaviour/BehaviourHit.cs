namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>
/// One place where an install-time script does something of <see cref="BehaviourKind"/>.
/// </summary>
/// <param name="Kind">What it does.</param>
/// <param name="Line">1-based line of the text the excerpt comes from.</param>
/// <param name="Column">1-based column where the matched words start.</param>
/// <param name="Excerpt">The line around the match: one line, at most about 140 characters, control characters escaped.</param>
/// <param name="Matched">The words that matched (<c>| sh</c>, <c>.npmrc</c>, <c>webhook.site</c>), a stable discriminator.</param>
public sealed record BehaviourHit(BehaviourKind Kind, int Line, int Column, string Excerpt, string Matched);
