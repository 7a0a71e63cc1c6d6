namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>An atom met at an absolute character offset, with where it is and what it looks like.</summary>
internal readonly record struct Signal(Atom Atom, long Offset, int Line, int Column, string Matched, string Excerpt);
