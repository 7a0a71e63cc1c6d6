using PackGuard.Inspectors.Exposure;

namespace PackGuard.Tests.Inspectors.Exposure;

public sealed class CodenamesTests
{
    [Theory]
    [InlineData("Falcon", true)]
    [InlineData("falcon_flag", true)]
    [InlineData("FALCON_API", true)]
    [InlineData("use-falcon", true)]
    [InlineData("useFalcon()", true)]
    [InlineData("falconClient", true)]
    [InlineData("(falcon)", true)]
    [InlineData("falconry", false)]
    [InlineData("peregrinefalcon", false)]
    [InlineData("FALCONS", false)]
    [InlineData("falcon2", false)]
    public void Matches_on_code_aware_word_boundaries(string text, bool matches)
    {
        var at = text.IndexOf("falcon", StringComparison.OrdinalIgnoreCase);

        Codenames.OnBoundary(text, at, "falcon".Length).ShouldBe(matches);
    }
}
