using System.Globalization;
using System.Text;

namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// One ecosystem's list of popular names, most popular first: the names as the registry spells
/// them, their download figures (none on PyPI, which is ranked only, and none for NuGet IDs added by
/// hand), their rank, and a weight to compare popularity by (<see cref="EcosystemProfile"/>).
/// </summary>
internal sealed class PopularityCorpus
{
    private readonly Dictionary<string, int> _byIdentity;

    private PopularityCorpus(SquatEcosystem ecosystem, EcosystemProfile profile, List<string> names, List<long> downloads, List<int> ranks, List<double> weights)
    {
        Ecosystem = ecosystem;
        Names = [.. names];
        Downloads = [.. downloads];
        Ranks = [.. ranks];
        Weights = [.. weights];
        Identities = new string[Names.Length];
        _byIdentity = new Dictionary<string, int>(Names.Length, StringComparer.Ordinal);
        for (var i = 0; i < Names.Length; i++)
        {
            Identities[i] = NameForms.Identity(ecosystem, Names[i]);
            _byIdentity.TryAdd(Identities[i], i); // the first is the more popular spelling
        }
        Profile = profile;
    }

    public SquatEcosystem Ecosystem { get; }

    public EcosystemProfile Profile { get; }

    public string[] Names { get; }

    public string[] Identities { get; }

    /// <summary>Downloads as listed, or -1 when the list gives none.</summary>
    public long[] Downloads { get; }

    /// <summary>1-based rank, or 0 for IDs added by hand.</summary>
    public int[] Ranks { get; }

    public double[] Weights { get; }

    public int Count => Names.Length;

    /// <summary>The entry whose registry identity is <paramref name="identity"/>, or -1.</summary>
    public int Find(string identity) => _byIdentity.GetValueOrDefault(identity, -1);

    /// <summary>Popular itself: ranked within the established head of the list, or added by hand as well known.</summary>
    public bool IsEstablished(int entry) => Ranks[entry] == 0 || Ranks[entry] <= Profile.EstablishedRank;

    public long? DownloadsOf(int entry) => entry >= 0 && Downloads[entry] >= 0 ? Downloads[entry] : null;

    public int? RankOf(int entry) => entry >= 0 && Ranks[entry] > 0 ? Ranks[entry] : null;

    /// <summary>
    /// Reads a list as the data files give it: a header line, then <c>name TAB figure</c>, most
    /// popular first. The figure is downloads, except on PyPI where it is the rank. Malformed lines
    /// are skipped. <paramref name="wellKnown"/> adds names without figures (one a line, <c>#</c> comments).
    /// <paramref name="profile"/> replaces the ecosystem's thresholds (tests use small lists).
    /// </summary>
    public static PopularityCorpus Parse(SquatEcosystem ecosystem, ReadOnlySpan<byte> tsv, ReadOnlySpan<byte> wellKnown = default, EcosystemProfile? profile = null)
    {
        var names = new List<string>(ecosystem == SquatEcosystem.Npm ? 70_500 : 16_000);
        var downloads = new List<long>(names.Capacity);
        var ranks = new List<int>(names.Capacity);
        var weights = new List<double>(names.Capacity);
        var first = true;
        foreach (var range in tsv.Split((byte)'\n'))
        {
            var line = tsv[range].TrimEnd((byte)'\r');
            if (first)
            {
                first = false;
                continue; // header
            }
            var tab = line.IndexOf((byte)'\t');
            if (tab <= 0 || !long.TryParse(line[(tab + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var figure))
                continue;
            names.Add(Encoding.UTF8.GetString(line[..tab]));
            var rank = names.Count;
            if (ecosystem == SquatEcosystem.PyPI)
            {
                rank = (int)Math.Clamp(figure, 1, int.MaxValue);
                downloads.Add(-1);
                weights.Add(EcosystemProfile.PyPIWeight(rank));
            }
            else
            {
                downloads.Add(figure);
                weights.Add(figure);
            }
            ranks.Add(rank);
        }
        var top = weights.Count > 0 ? weights.Max() : 1;
        foreach (var range in wellKnown.Split((byte)'\n'))
        {
            var line = wellKnown[range].Trim(" \t\r"u8);
            if (line.IsEmpty || line[0] == (byte)'#')
                continue;
            names.Add(Encoding.UTF8.GetString(line));
            downloads.Add(-1);
            ranks.Add(0);
            weights.Add(top);
        }
        return new PopularityCorpus(ecosystem, profile ?? EcosystemProfile.For(ecosystem), names, downloads, ranks, weights);
    }
}
