using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

/// <summary>The embedded popularity lists (Data/README.md): present, whole, and shaped as the detector expects.</summary>
public sealed class CorpusTests
{
    [Theory]
    [InlineData("npm", 70_202, "semver", 2_399_072_936L)]
    [InlineData("pypi", 14_985, "boto3", -1L)]
    [InlineData("nuget", 1_575 + 282, "Newtonsoft.Json", 1_381_598L)]
    public void Each_list_is_embedded_whole(string ecosystem, int count, string first, long firstDownloads)
    {
        SquatEcosystems.TryParse(ecosystem, out var parsed).ShouldBeTrue();
        var corpus = CorpusResources.Load(parsed);

        corpus.Count.ShouldBe(count);
        corpus.Names[0].ShouldBe(first);
        corpus.Downloads[0].ShouldBe(firstDownloads);
        corpus.Ranks[0].ShouldBe(1);
    }

    [Fact]
    public void Lists_are_most_popular_first()
    {
        var npm = CorpusResources.Load(SquatEcosystem.Npm);
        for (var i = 1; i < npm.Count; i++)
            npm.Weights[i].ShouldBeLessThanOrEqualTo(npm.Weights[i - 1]);
        var pypi = CorpusResources.Load(SquatEcosystem.PyPI);
        for (var i = 1; i < pypi.Count; i++)
            pypi.Ranks[i].ShouldBeGreaterThan(pypi.Ranks[i - 1]);
    }

    [Fact]
    public void Well_known_NuGet_IDs_are_new_and_under_a_reserved_prefix()
    {
        var nuget = CorpusResources.Load(SquatEcosystem.NuGet);
        var handAdded = Enumerable.Range(0, nuget.Count).Where(i => nuget.Ranks[i] == 0).ToList();

        handAdded.Count.ShouldBe(282);
        foreach (var entry in handAdded)
        {
            NuGetFinder.IsReserved(nuget.Identities[entry]).ShouldBeTrue(nuget.Names[entry]);
            nuget.Find(nuget.Identities[entry]).ShouldBe(entry, $"{nuget.Names[entry]} is listed twice");
            nuget.Downloads[entry].ShouldBe(-1);
            nuget.IsEstablished(entry).ShouldBeTrue();
        }
        foreach (var id in new[] { "Microsoft.Extensions.Logging.Abstractions", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Authentication.JwtBearer", "System.Text.Json", "System.Memory", "NuGet.Versioning" })
            nuget.Find(id.ToLowerInvariant()).ShouldBeGreaterThanOrEqualTo(0, id);
    }

    [Fact]
    public void Malformed_lines_are_skipped()
    {
        var corpus = PopularityCorpus.Parse(SquatEcosystem.Npm, "name\tfigure\nok\t5\nno-figure\n\tnameless\t3\nbad\tx\r\nfine\t4\r\n"u8);

        corpus.Names.ShouldBe(["ok", "fine"]);
        corpus.Ranks.ShouldBe([1, 2]);
    }

    [Fact]
    public void The_default_detector_is_one_instance()
    {
        TyposquatDetector.Default.ShouldBeSameAs(TyposquatDetector.Default);
    }
}
