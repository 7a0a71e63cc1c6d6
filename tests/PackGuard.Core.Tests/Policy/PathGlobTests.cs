using PackGuard.Policy;

namespace PackGuard.Tests.Policy;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("dist/**", "package/dist/cli.js.map", true)]
    [InlineData("dist/**", "dist/a/b/c.map", true)]
    [InlineData("dist/**", "package/distribution/a.map", false)]
    [InlineData("/dist/**", "package/dist/cli.js.map", false)]
    [InlineData("/package/dist/**", "package/dist/cli.js.map", true)]
    [InlineData("*.map", "package/dist/cli.js.map", true)]
    [InlineData("/*.map", "package/dist/cli.js.map", false)]
    [InlineData("/package/*.map", "package/cli.js.map", true)]
    [InlineData("/package/*.map", "package/dist/cli.js.map", false)]
    [InlineData("**/test/**", "package/test/fixtures/key.pem", true)]
    [InlineData("**/test/**", "package/src/latest/x.js", false)]
    [InlineData("**/x.map", "x.map", true)]
    [InlineData("cli.js.?ap", "package/cli.js.map", true)]
    [InlineData("cli.js.?ap", "package/cli.js.mmap", false)]
    [InlineData("a?b", "a/b", false)]
    // The step into a nested archive ends a folder name as / does.
    [InlineData("lib/*", "package/lib/x.jar!META-INF/MANIFEST.MF", false)]
    [InlineData("lib/**", "package/lib/x.jar!META-INF/MANIFEST.MF", true)]
    [InlineData("META-INF/*", "package/lib/x.jar!META-INF/MANIFEST.MF", true)]
    // Regex characters in a pattern are literal.
    [InlineData("a+b(1).[js]", "src/a+b(1).[js]", true)]
    [InlineData("a+b(1).[js]", "src/aab(1).j", false)]
    [InlineData("package-lock.json", "app/package-lock.json", true)]
    public void Matches_as_documented(string pattern, string path, bool matches) =>
        PathGlob.Create(pattern).IsMatch(path).ShouldBe(matches, $"{pattern} vs {path}");

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("  ", "is empty")]
    [InlineData("dist\\**", "contains a backslash; paths in reports use /")]
    [InlineData("a\tb", "contains a control character")]
    public void Problems_are_named(string pattern, string problem) =>
        PathGlob.Problem(pattern).ShouldBe(problem);

    [Fact]
    public void A_pattern_too_long_is_refused_and_a_long_path_matches_in_linear_time()
    {
        PathGlob.Problem(new string('a', PathGlob.MaxLength + 1)).ShouldBe($"is longer than {PathGlob.MaxLength} characters");
        var glob = PathGlob.Create("**/*a*a*a*a*a*a*a*a*b");
        glob.IsMatch(string.Concat(Enumerable.Repeat("aaaaaaaaaa/", 20_000))).ShouldBeFalse();
    }
}
