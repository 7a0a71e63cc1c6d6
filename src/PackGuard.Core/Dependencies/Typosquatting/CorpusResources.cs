namespace PackGuard.Dependencies.Typosquatting;

/// <summary>The popularity lists embedded in the assembly (see <c>Data/README.md</c> beside the files).</summary>
internal static class CorpusResources
{
    public static PopularityCorpus Load(SquatEcosystem ecosystem) => ecosystem switch
    {
        SquatEcosystem.Npm => PopularityCorpus.Parse(ecosystem, Read("npm-popular.tsv")),
        SquatEcosystem.NuGet => PopularityCorpus.Parse(ecosystem, Read("nuget-popular.tsv"), Read("nuget-well-known.txt")),
        _ => PopularityCorpus.Parse(ecosystem, Read("pypi-popular.tsv")),
    };

    private static byte[] Read(string file)
    {
        var name = "PackGuard.Typosquatting." + file;
        using var stream = typeof(CorpusResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded popularity list {name} is missing from the build.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
