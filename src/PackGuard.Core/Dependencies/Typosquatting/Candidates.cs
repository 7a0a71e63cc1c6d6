namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Weighs the popular names a checked name resembles and keeps the likeliest. A candidate counts
/// only when it passes the popularity gate: the checked name is not popular itself, and the
/// candidate is <see cref="EcosystemProfile.RequiredRatio"/> times more popular than the checked
/// name, or the checked name is not in the list at all. Confidence is the technique's closeness
/// scaled by the popularity gap. The likeliest candidate is the most popular one among the
/// closest kind of resemblance found: near-identical spellings (closeness 0.85 or more) before
/// one-edit and filler-word spellings (0.6 or more) before the loosest ones, so <c>nodesass</c>
/// imitates <c>node-sass</c> rather than the more popular <c>sass</c>, while <c>dateutil</c> on
/// PyPI imitates <c>python-dateutil</c> rather than the one-letter-off but little used <c>dateutils</c>.
/// </summary>
internal sealed class Candidates
{
    private readonly PopularityCorpus _corpus;
    private readonly SquatQuery _query;
    private readonly int _self;
    private readonly double _selfWeight;
    private readonly PopularityGate _gate;

    public Candidates(PopularityCorpus corpus, SquatQuery query, PopularityGate gate = PopularityGate.Full)
    {
        _corpus = corpus;
        _query = query;
        _gate = gate;
        _self = corpus.Find(query.Identity);
        _selfWeight = _self >= 0 ? corpus.Weights[_self] : 0;
    }

    /// <summary>The checked name is popular itself: nothing it resembles can make it a squat.</summary>
    public bool SelfEstablished => _gate == PopularityGate.Full && _self >= 0 && _corpus.IsEstablished(_self);

    /// <summary>
    /// The checked name is listed (it has real use of its own). Filler-word and dropped-scope
    /// resemblances are then how companion packages are named (<c>preact-cli</c>, <c>d3-node</c>,
    /// <c>turf-helpers</c> before <c>@turf/helpers</c>), so those techniques weigh only unlisted names.
    /// </summary>
    public bool SelfListed => _gate == PopularityGate.Full && _self >= 0;

    public int BestEntry { get; private set; } = -1;

    public string? BestTechnique { get; private set; }

    public double BestConfidence { get; private set; }

    private int _bestTier = -1;

    /// <summary>Weighs a listed entry as the name imitated.</summary>
    /// <param name="entry">The listed entry, or -1 (ignored).</param>
    /// <param name="technique">One of <see cref="SquatTechnique"/>.</param>
    /// <param name="closeness">How closely the technique imitates, 0..1, before the popularity gap.</param>
    public void Consider(int entry, string technique, double closeness)
    {
        if (entry < 0 || entry == _self || _corpus.Identities[entry] == _query.Identity)
            return;
        var weight = _corpus.Weights[entry];
        var profile = _corpus.Profile;
        if (weight < profile.TargetWeight)
            return;
        if (_self >= 0 && _gate != PopularityGate.Off && weight < EcosystemProfile.RequiredRatio * _selfWeight)
            return;
        if (_query.Scope is { } scope && NameForms.Scope(_corpus.Identities[entry]) == scope)
            return; // only the scope's owner can publish under it
        var gap = Math.Log10(weight / Math.Max(_selfWeight, profile.FloorWeight)); // negative with the gate off
        var confidence = Math.Round(closeness * (0.7 + 0.3 * Math.Clamp(gap / 4, 0, 1)), 3);
        var tier = closeness >= 0.85 ? 2 : closeness >= 0.6 ? 1 : 0;
        if (BestEntry >= 0 && (tier, weight, confidence).CompareTo((_bestTier, _corpus.Weights[BestEntry], BestConfidence)) <= 0)
            return;
        _bestTier = tier;
        BestEntry = entry;
        BestTechnique = technique;
        BestConfidence = confidence;
    }

    public TyposquatMatch? ToMatch()
    {
        if (BestEntry < 0)
            return null;
        return new TyposquatMatch(_query.Name, _corpus.Names[BestEntry], BestTechnique!, BestConfidence)
        {
            IntendedPopularity = _corpus.DownloadsOf(BestEntry),
            IntendedRank = _corpus.RankOf(BestEntry),
            NamePopularity = _corpus.DownloadsOf(_self),
            NameRank = _corpus.RankOf(_self),
        };
    }
}

/// <summary>How much of the popularity gate applies; anything but <see cref="Full"/> is for measuring false positives.</summary>
internal enum PopularityGate
{
    /// <summary>The checked name must not be established, and the intended one 100 times more popular than a listed name.</summary>
    Full,

    /// <summary>Only the 100-times ratio: a listed name is checked however popular it is.</summary>
    RatioOnly,

    /// <summary>The checked name's own popularity is ignored: any listed lookalike counts.</summary>
    Off,
}
