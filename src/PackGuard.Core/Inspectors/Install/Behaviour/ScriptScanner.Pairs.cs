namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>Atoms that mean something only together, paired by distance once the text has ended.</summary>
internal sealed partial class ScriptScanner
{
    /// <summary>A downloaded file made executable or started within this many characters after the download.</summary>
    public const int DownloadThenRun = 3000;

    /// <summary>A network call and an eval this close belong to one piece of code.</summary>
    public const int FetchAndEval = 1500;

    /// <summary>A decoder and an eval this close: the decoded text is what runs.</summary>
    public const int DecodeAndEval = 400;

    /// <summary>The whole environment as a value this close to a network call: it is being sent.</summary>
    public const int EnvironmentAndNetwork = 400;

    private void Pair()
    {
        var anywhere = _mode == ScanMode.Inline ? long.MaxValue : 0;
        // An eval that runs a decoded payload is that, not also a download: decoding is judged first.
        PairNear(Atom.Eval, Atom.Decode, DecodeAndEval, BehaviourKind.DecodesAndRuns);
        PairAfter(Atom.Downloader, Atom.RunFile, DownloadThenRun, BehaviourKind.DownloadsAndRuns, reportAtFirst: true);
        PairNear(Atom.Eval, Atom.Network, Math.Max(anywhere, FetchAndEval), BehaviourKind.DownloadsAndRuns);
        if (_mode == ScanMode.Inline)
            PairNear(Atom.Spawn, Atom.Network, anywhere, BehaviourKind.DownloadsAndRuns);
        PairNear(Atom.Spawn, Atom.Decode, DecodeAndEval / 2, BehaviourKind.DecodesAndRuns);
        PairNear(Atom.ShellEval, Atom.ShellDecode, DecodeAndEval / 2, BehaviourKind.DecodesAndRuns);
        PairNear(Atom.EnvironmentValue, Atom.Network, EnvironmentAndNetwork, BehaviourKind.ReadsEnvironment);
    }

    /// <summary>Each <paramref name="first"/> followed within <paramref name="distance"/> by a <paramref name="then"/>.</summary>
    private void PairAfter(Atom first, Atom then, long distance, BehaviourKind kind, bool reportAtFirst)
    {
        foreach (var a in _signals.Where(s => s.Atom == first))
        {
            var b = _signals.FirstOrDefault(s => s.Atom == then && s.Offset > a.Offset && s.Offset - a.Offset <= distance);
            if (b.Matched is null)
                continue;
            var at = reportAtFirst ? a : b;
            Add(new BehaviourHit(kind, at.Line, at.Column, at.Excerpt, $"{a.Matched} … {b.Matched}"));
        }
    }

    /// <summary>Each <paramref name="at"/> with a <paramref name="partner"/> within <paramref name="distance"/> either side; reported at <paramref name="at"/>.</summary>
    private void PairNear(Atom at, Atom partner, long distance, BehaviourKind kind)
    {
        foreach (var a in _signals.Where(s => s.Atom == at && !_hitLines.Contains((BehaviourKind.DecodesAndRuns, s.Line))))
        {
            var b = _signals.FirstOrDefault(s => s.Atom == partner && Math.Abs(s.Offset - a.Offset) <= distance);
            if (b.Matched is not null)
                Add(new BehaviourHit(kind, a.Line, a.Column, a.Excerpt, $"{b.Matched} … {a.Matched}"));
        }
    }
}
