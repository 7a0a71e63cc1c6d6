using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class UnsafePathTests
{
    [Theory]
    [InlineData("package/../../etc/passwd", "parent-traversal")]
    [InlineData("../outside.txt", "parent-traversal")]
    [InlineData("package/..\\..\\evil.dll", "parent-traversal")]
    [InlineData("/etc/cron.d/job", "absolute-path")]
    [InlineData("C:\\Windows\\evil.dll", "absolute-path")]
    [InlineData("C:/Windows/evil.dll", "absolute-path")]
    [InlineData("\\\\server\\share\\x", "absolute-path")]
    public void Unsafe_names_in_a_tarball_are_high_findings_and_the_walk_goes_on(string name, string reason)
    {
        var tarball = TestArchive.TarGz([TestFile.Text(name, "x"), TestFile.Text("package/ok.js", "ok")]);

        var outcome = Walk.Bytes(tarball, "evil.tgz");

        var finding = outcome.Single(ArchiveRules.UnsafePath);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe(name);
        finding.Properties["reason"]!.GetValue<string>().ShouldBe(reason);
        finding.Fingerprint.ShouldBe(Fingerprint.Compute(ArchiveRules.UnsafePath, name, reason));
        outcome.Visitor["package/ok.js"].Text.ShouldBe("ok");
    }

    [Theory]
    [InlineData("package/..config/x.json")]
    [InlineData("package/a..b.js")]
    [InlineData("package/...")]
    [InlineData("package/C:colon-in-a-segment.txt")]
    public void Names_that_only_look_unsafe_are_fine(string name)
    {
        Walk.Bytes(TestArchive.TarGz([TestFile.Text(name, "x")]), "fine.tgz").Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("package/lib/link", "../../../etc/passwd")]
    [InlineData("package/link", "/etc/passwd")]
    [InlineData("package/link", "C:\\Users\\me\\.ssh\\id_rsa")]
    [InlineData("package/a/b/link", "../../../../x")]
    [InlineData("package/link", "../../x")]
    public void Symbolic_links_that_leave_the_archive_are_reported(string name, string target)
    {
        var outcome = Walk.Bytes(TestArchive.TarGz([TestFile.Symlink(name, target)]), "links.tgz");

        var finding = outcome.Single(ArchiveRules.UnsafePath);
        finding.Location.Path.ShouldBe(name);
        finding.Properties["reason"]!.GetValue<string>().ShouldBe("link-outside-root");
        finding.Properties["target"]!.GetValue<string>().ShouldBe(target);
    }

    [Theory]
    [InlineData("package/lib/link", "../index.js")]
    [InlineData("package/link", "./lib/../index.js")]
    [InlineData("package/a/b/link", "../../../x")]
    [InlineData("link", "package/index.js")]
    public void Symbolic_links_inside_the_archive_are_fine(string name, string target)
    {
        Walk.Bytes(TestArchive.TarGz([TestFile.Symlink(name, target)]), "links.tgz").Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Hard_links_resolve_from_the_archive_root()
    {
        var outcome = Walk.Bytes(TestArchive.TarGz([
            TestFile.Text("package/a.js", "a"),
            TestFile.Hardlink("package/lib/inside", "package/a.js"),
            TestFile.Hardlink("package/lib/outside", "../etc/shadow"),
        ]), "hard.tgz");

        var finding = outcome.Single(ArchiveRules.UnsafePath);
        finding.Location.Path.ShouldBe("package/lib/outside");
        finding.Properties["reason"]!.GetValue<string>().ShouldBe("link-outside-root");
    }

    [Fact]
    public void Zip_slip_names_and_links_in_a_zip_are_reported()
    {
        var zip = TestArchive.Zip([
            TestFile.Text("../../evil.sh", "x"),
            TestFile.Symlink("lib/key", "/home/me/.ssh/id_rsa"),
        ]);

        var outcome = Walk.Bytes(zip, "slip.zip");

        outcome.Of(ArchiveRules.UnsafePath).Select(f => (f.Location.Path, f.Properties["reason"]!.GetValue<string>()))
            .ShouldBe([("../../evil.sh", "parent-traversal"), ("lib/key", "link-outside-root")]);
    }

    [Fact]
    public void Names_inside_a_nested_archive_are_judged_relative_to_that_archive()
    {
        var inner = TestArchive.TarGz([TestFile.Text("../escape.txt", "x"), TestFile.Symlink("package/ok", "../package/x")]);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("dep.tgz", inner)), "outer.tgz");

        outcome.Single(ArchiveRules.UnsafePath).Location.Path.ShouldBe("package/dep.tgz!../escape.txt");
    }
}
