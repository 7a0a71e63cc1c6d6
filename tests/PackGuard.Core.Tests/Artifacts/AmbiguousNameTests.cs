using System.Formats.Tar;
using System.IO.Compression;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class AmbiguousNameTests
{
    [Fact]
    public void A_name_that_appears_twice_is_reported_once_and_both_copies_are_read()
    {
        var tarball = TestArchive.NpmTarball(TestFile.Text("index.js", "first"), TestFile.Text("index.js", "second"));

        var outcome = Walk.Bytes(tarball, "dup.tgz");

        var finding = outcome.Single(ArchiveRules.AmbiguousName);
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Location.Path.ShouldBe("package/index.js");
        finding.Properties["reason"]!.GetValue<string>().ShouldBe("duplicate");
        finding.Fingerprint.ShouldBe(Fingerprint.Compute(ArchiveRules.AmbiguousName, "package/index.js", "duplicate"));
        outcome.Visitor.Entries.Select(e => e.Text).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void Names_that_differ_only_in_case_collide()
    {
        var zip = TestArchive.Zip([TestFile.Text("lib/a.js", "a"), TestFile.Text("lib/A.js", "A"), TestFile.Text("lib/b.js", "b")]);

        var finding = Walk.Bytes(zip, "case.zip").Single(ArchiveRules.AmbiguousName);

        finding.Location.Path.ShouldBe("lib/A.js");
        finding.Properties["reason"]!.GetValue<string>().ShouldBe("case-collision");
    }

    [Theory]
    [InlineData("package/\u001b]0;pwned\u0007.js", "control-character")]
    [InlineData("package/line\nbreak.js", "control-character")]
    [InlineData("package/\u0085next-line.js", "control-character")]
    [InlineData("package/\uFFFD\uFFFD.js", "invalid-utf8")]
    public void Names_with_control_characters_or_undecodable_bytes_are_ambiguous(string name, string reason)
    {
        // Ustar: .NET's own PAX reader refuses the newline its PAX writer stores (an unreadable artifact).
        var tarball = TestArchive.TarGz([TestFile.Text(name, "x"), TestFile.Text("package/ok.js", "ok")], TarEntryFormat.Ustar);

        var finding = Walk.Bytes(tarball, "odd.tgz").Single(ArchiveRules.AmbiguousName);

        finding.Location.Path.ShouldBe(name);
        finding.Properties["reason"]!.GetValue<string>().ShouldBe(reason);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_in_a_tar_header_are_reported_as_such()
    {
        // TarWriter only writes strings; build the header by hand with the bytes 0xFF 0xFE in the name.
        var tar = TestArchive.Tar([TestFile.Text("package/XX.js", "x")], TarEntryFormat.Ustar);
        tar[8] = 0xFF;
        tar[9] = 0xFE;
        var checksum = tar.Take(512).Select((b, i) => i is >= 148 and < 156 ? (int)' ' : b).Sum();
        System.Text.Encoding.ASCII.GetBytes(Convert.ToString(checksum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, 148);

        var finding = Walk.Bytes(TestArchive.Gzip(tar), "bytes.tgz").Single(ArchiveRules.AmbiguousName);

        finding.Properties["reason"]!.GetValue<string>().ShouldBe("invalid-utf8");
    }

    [Fact]
    public void Distinct_names_directories_listed_twice_and_accents_are_not_ambiguous()
    {
        var tarball = TestArchive.TarGz([
            new TestFile("package/lib/", []) ,
            TestFile.Text("package/lib/index.js", "1"),
            TestFile.Text("package/index.js", "2"),
            TestFile.Text("package/café au lait.js", "3"),
        ]);

        Walk.Bytes(tarball, "plain.tgz").Of(ArchiveRules.AmbiguousName).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_name_in_two_nested_archives_is_no_duplicate()
    {
        var inner = TestArchive.Zip([TestFile.Text("index.js", "x")], CompressionLevel.Fastest);
        var tarball = TestArchive.NpmTarball(new TestFile("a.zip", inner), new TestFile("b.zip", inner));

        Walk.Bytes(tarball, "nested.tgz").Of(ArchiveRules.AmbiguousName).ShouldBeEmpty();
    }
}
