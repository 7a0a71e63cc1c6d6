using PackGuard.Fix.Text;

namespace PackGuard.Tests.Fix;

/// <summary>The line diff and its unified-diff text: minimal, correctly numbered, and accepted by git.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff() => UnifiedDiff.Format("a.txt", "x\n", "x\n").ShouldBeEmpty();

    [Fact]
    public void A_one_line_change_gets_three_lines_of_context_and_correct_numbers()
    {
        var old = string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i}\n"));
        var updated = old.Replace("line 6\n", "line six\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Format("a.txt", old, updated);

        diff.ShouldBe("diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -3,7 +3,7 @@\n line 3\n line 4\n line 5\n-line 6\n+line six\n line 7\n line 8\n line 9\n");
    }

    [Fact]
    public void Distant_changes_get_separate_hunks_and_near_ones_share_one()
    {
        var old = string.Concat(Enumerable.Range(1, 30).Select(i => $"{i}\n"));
        var updated = old.Replace("\n2\n", "\ntwo\n", StringComparison.Ordinal).Replace("\n5\n", "\nfive\n", StringComparison.Ordinal).Replace("\n25\n", "\n25\nextra\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Format("n.txt", old, updated);

        diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ShouldBe(["@@ -1,8 +1,8 @@", "@@ -23,6 +23,7 @@"]);
        GitApply.Apply(new Dictionary<string, string> { ["n.txt"] = old }, diff)["n.txt"].ShouldBe(updated);
    }

    [Fact]
    public void A_missing_final_newline_is_marked_and_applies()
    {
        var diff = UnifiedDiff.Format("p.json", "{\n  \"a\": 1\n}", "{\n  \"a\": 1,\n  \"b\": 2\n}");

        diff.ShouldContain("\\ No newline at end of file");
        GitApply.Apply(new Dictionary<string, string> { ["p.json"] = "{\n  \"a\": 1\n}" }, diff)["p.json"].ShouldBe("{\n  \"a\": 1,\n  \"b\": 2\n}");
    }

    [Fact]
    public void Crlf_files_keep_their_line_ends_through_git_apply()
    {
        const string old = "{\r\n  \"name\": \"x\"\r\n}\r\n";
        const string updated = "{\r\n  \"name\": \"x\",\r\n  \"files\": []\r\n}\r\n";

        GitApply.Apply(new Dictionary<string, string> { ["package.json"] = old }, UnifiedDiff.Format("package.json", old, updated))["package.json"].ShouldBe(updated);
    }

    [Fact]
    public void A_new_file_is_diffed_from_dev_null()
    {
        var diff = UnifiedDiff.Format(".npmignore", null, "*.map\n/.env\n");

        diff.ShouldStartWith("diff --git a/.npmignore b/.npmignore\nnew file mode 100644\n--- /dev/null\n+++ b/.npmignore\n@@ -0,0 +1,2 @@\n");
        GitApply.Apply(new Dictionary<string, string>(), diff)[".npmignore"].ShouldBe("*.map\n/.env\n");
    }

    [Fact]
    public void Random_edits_are_minimal_and_reproduce_the_new_text()
    {
        var random = new Random(20261121);
        for (var round = 0; round < 200; round++)
        {
            var old = Enumerable.Range(0, random.Next(0, 25)).Select(_ => "l" + random.Next(0, 6)).ToList();
            var updated = old.ToList();
            for (var edit = random.Next(1, 5); edit > 0; edit--)
            {
                var at = random.Next(0, updated.Count + 1);
                if (random.Next(2) == 0 && at < updated.Count)
                    updated.RemoveAt(at);
                else
                    updated.Insert(at, "n" + random.Next(0, 6));
            }
            var script = LineDiff.Compute(old, updated);
            script.Where(s => s.Kind != DiffLineKind.Add).Select(s => old[s.OldIndex]).ShouldBe(old);
            script.Where(s => s.Kind != DiffLineKind.Remove).Select(s => updated[s.NewIndex]).ShouldBe(updated);
            // Myers finds a shortest script: no more edits than the LCS bound allows.
            script.Count(s => s.Kind != DiffLineKind.Keep).ShouldBe(old.Count + updated.Count - 2 * Lcs(old, updated));
        }
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
        }
        return table[a.Count, b.Count];
    }
}
