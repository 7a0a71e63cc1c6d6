using PackGuard.Inspectors;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests;

/// <summary>The command-line assembly holds to the same rule as the core: no unbounded regex.</summary>
public sealed class RegexSafetyTests
{
    [Fact]
    public void Every_regex_the_cli_declares_is_linear_time_or_bounded_by_a_timeout()
    {
        ProductRegexes.In(typeof(CliHost).Assembly).Where(r => !RegexSafety.IsSafe(r.Regex)).Select(r => r.Name).ShouldBeEmpty();
    }
}
