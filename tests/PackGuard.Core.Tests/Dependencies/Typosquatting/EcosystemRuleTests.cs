using PackGuard.Dependencies.Typosquatting;

namespace PackGuard.Tests.Dependencies.Typosquatting;

/// <summary>The rules that belong to one ecosystem: PyPI's normalised names, NuGet's dotted IDs and reserved prefixes.</summary>
public sealed class EcosystemRuleTests
{
    private static readonly TyposquatDetector PyPI = SmallLists.Detector("pypi",
        [("boto3", 1), ("requests", 2), ("python-dateutil", 3), ("setuptools", 4), ("pyyaml", 5), ("colorama", 6), ("zope.interface", 7), ("tiny", 400)]);

    private static readonly TyposquatDetector NuGet = SmallLists.Detector("nuget",
        [("Newtonsoft.Json", 1_400_000), ("Serilog", 400_000), ("Serilog.Sinks.Console", 380_000), ("Polly", 160_000), ("Polly.Core", 200_000), ("Dapper", 160_000)],
        ["# by hand", "Microsoft.Extensions.Logging.Abstractions", "System.Text.Json"]);

    [Theory]
    [InlineData("python_dateutil")]
    [InlineData("Python.DateUtil")]
    [InlineData("python--dateutil")]
    [InlineData("REQUESTS")]
    [InlineData("zope-interface")]
    [InlineData("zope_interface")]
    public void PyPI_names_equal_after_PEP_503_normalisation_are_the_same_project(string name)
    {
        PyPI.Check("pypi", name).ShouldBeNull();
    }

    [Theory]
    [InlineData("setup-tools", "setuptools", SquatTechnique.Separator)]
    [InlineData("setup_tools", "setuptools", SquatTechnique.Separator)]
    [InlineData("zopeinterface", "zope.interface", SquatTechnique.Separator)]
    [InlineData("python3-dateutil", "python-dateutil", SquatTechnique.EditDistance)]
    [InlineData("dateutil", "python-dateutil", SquatTechnique.Combosquat)]
    [InlineData("yaml", "pyyaml", SquatTechnique.Combosquat)]
    [InlineData("boto", "boto3", SquatTechnique.EditDistance)]
    [InlineData("boto3-python", "boto3", SquatTechnique.Combosquat)]
    [InlineData("requests-py", "requests", SquatTechnique.Combosquat)]
    [InlineData("co1orama", "colorama", SquatTechnique.Homoglyph)]
    public void PyPI_lookalikes(string name, string intended, string technique)
    {
        var match = PyPI.Check("pypi", name).ShouldNotBeNull();

        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
        match.IntendedPopularity.ShouldBeNull();
        match.IntendedRank.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("newtonsoft.json")]
    [InlineData("NEWTONSOFT.JSON")]
    [InlineData("Polly.Core")] // listed, and Polly is not a hundred times more popular
    [InlineData("Serilog.Sinks.Grafana")] // a real kind of extension: the segment names what it adds
    public void NuGet_IDs_that_imitate_nothing(string name)
    {
        NuGet.Check("nuget", name).ShouldBeNull();
    }

    [Theory]
    [InlineData("Newtonsoft.Json.Core", "Newtonsoft.Json", SquatTechnique.NuGetSuffix)]
    [InlineData("Newtonsoft.Json.Net", "Newtonsoft.Json", SquatTechnique.NuGetSuffix)]
    [InlineData("Dapper.Utils", "Dapper", SquatTechnique.NuGetSuffix)]
    [InlineData("Serilog.Sinks", "Serilog.Sinks.Console", SquatTechnique.NuGetSuffix)]
    [InlineData("NewtonsoftJson", "Newtonsoft.Json", SquatTechnique.Separator)]
    [InlineData("Newtonsoft.Jsno", "Newtonsoft.Json", SquatTechnique.Transposition)]
    [InlineData("Microsoft.Extensions.Logging.Abstraction", "Microsoft.Extensions.Logging.Abstractions", SquatTechnique.NuGetPrefix)]
    [InlineData("Microsoft.Extensions.Logging.Abstractions.Core", "Microsoft.Extensions.Logging.Abstractions", SquatTechnique.NuGetPrefix)]
    [InlineData("Microsft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Logging.Abstractions", SquatTechnique.NuGetPrefix)]
    [InlineData("System.Text.Jsno", "System.Text.Json", SquatTechnique.NuGetPrefix)]
    [InlineData("System.Text-Json", "System.Text.Json", SquatTechnique.NuGetPrefix)]
    [InlineData("Micr\u043esoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Logging.Abstractions", SquatTechnique.Homoglyph)]
    public void NuGet_lookalikes(string name, string intended, string technique)
    {
        var match = NuGet.Check("nuget", name).ShouldNotBeNull();

        match.Intended.ShouldBe(intended);
        match.Technique.ShouldBe(technique);
    }

    [Fact]
    public void IDs_added_by_hand_have_no_download_figures_and_count_as_established()
    {
        var match = NuGet.Check("nuget", "System.Text.Jsno").ShouldNotBeNull();

        match.IntendedPopularity.ShouldBeNull();
        match.IntendedRank.ShouldBeNull();
        match.Confidence.ShouldBeGreaterThanOrEqualTo(0.85);
        NuGet.Check("nuget", "System.Text.Json").ShouldBeNull();
    }
}
