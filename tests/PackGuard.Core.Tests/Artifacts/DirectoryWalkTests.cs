using System.Text;
using PackGuard.Artifacts;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class DirectoryWalkTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("packguard-dir-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Every_file_is_an_entry_with_a_relative_slash_path_in_ordinal_order()
    {
        Write("package.json", "{}");
        Write("src/b.js", "b");
        Write("src/a.js", "a");
        Write("README.md", "readme");
        Write("src/nested/deep.js", "deep");
        Write("a.txt", "");

        var outcome = Walk.Directory(_root.FullName);

        outcome.Visitor.Paths.ShouldBe(["README.md", "a.txt", "package.json", "src/a.js", "src/b.js", "src/nested/deep.js"]);
        outcome.Visitor["src/nested/deep.js"].Text.ShouldBe("deep");
        outcome.Visitor["src/nested/deep.js"].Entry.ShouldBe(new ArtifactEntry("src/nested/deep.js", EntryKind.File, 4, null, 0));
        outcome.Visitor["a.txt"].Truncated.ShouldBe(false);
        outcome.Summary.ShouldBe(new WalkSummary(ArchiveFormat.None, 6, 2 + 1 + 1 + 6 + 4));
    }

    [Fact]
    public void Symbolic_links_are_reported_and_not_followed()
    {
        Write("lib/real.js", "real");
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "lib", "alias.js"), "real.js");
        var outside = Directory.CreateTempSubdirectory("packguard-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "secret.txt"), "secret");
            Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "escape"), outside.FullName);

            var outcome = Walk.Directory(_root.FullName);

            outcome.Visitor.Paths.ShouldBe(["escape", "lib/alias.js", "lib/real.js"]);
            outcome.Visitor["lib/alias.js"].Entry.ShouldBe(new ArtifactEntry("lib/alias.js", EntryKind.SymbolicLink, null, "real.js", 0));
            outcome.Visitor["escape"].Entry.Kind.ShouldBe(EntryKind.SymbolicLink);
            var finding = outcome.Single(ArchiveRules.UnsafePath);
            finding.Location.Path.ShouldBe("escape");
            finding.Properties["reason"]!.GetValue<string>().ShouldBe("link-outside-root");
            finding.Properties["target"]!.GetValue<string>().ShouldBe(outside.FullName);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_absolute_link_to_a_file_inside_the_root_is_not_unsafe()
    {
        Write("real.js", "x");
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "alias.js"), Path.Combine(_root.FullName, "real.js"));
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "up.js"), "../elsewhere.js");

        var outcome = Walk.Directory(_root.FullName);

        outcome.Single(ArchiveRules.UnsafePath).Location.Path.ShouldBe("up.js");
    }

    [Fact]
    public void Archives_in_the_directory_are_walked_as_nested_archives_at_depth_1()
    {
        File.WriteAllBytes(Path.Combine(_root.FullName, "dist.tgz"), TestArchive.NpmTarball(TestFile.Text("index.js", "tgz")));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "bin"));
        File.WriteAllBytes(Path.Combine(_root.FullName, "bin", "app.nupkg"), TestArchive.Zip([TestFile.Text("App.nuspec", "<package/>")]));

        var outcome = Walk.Directory(_root.FullName);

        outcome.Visitor.Paths.ShouldBe(["bin/app.nupkg", "bin/app.nupkg!App.nuspec", "dist.tgz", "dist.tgz!package/index.js"]);
        outcome.Visitor["dist.tgz!package/index.js"].Entry.Depth.ShouldBe(1);
        outcome.Visitor["dist.tgz!package/index.js"].Text.ShouldBe("tgz");
        outcome.Visitor["bin/app.nupkg!App.nuspec"].Text.ShouldBe("<package/>");
        outcome.Visitor["dist.tgz"].Entry.NestedArchive.ShouldBe(ArchiveFormat.Gzip);
        outcome.Visitor["bin/app.nupkg"].Entry.NestedArchive.ShouldBe(ArchiveFormat.Zip);
    }

    [Fact]
    public void A_missing_directory_is_unreadable()
    {
        var missing = Path.Combine(_root.FullName, "nope");

        Should.Throw<ArtifactUnreadableException>(() => Walk.Directory(missing)).Message.ShouldContain(missing);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
