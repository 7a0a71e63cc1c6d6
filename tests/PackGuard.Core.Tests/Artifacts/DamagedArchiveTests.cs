using System.Text;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

public sealed class DamagedArchiveTests
{
    private static readonly byte[] Tarball = TestArchive.NpmTarball(
        TestFile.Text("package.json", """{"name":"demo"}"""),
        new TestFile("lib/big.js", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"var v{i} = {i * 7919 % 10007};\n")))),
        TestFile.Text("lib/last.js", "last"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_truncated_tgz_is_unreadable_and_the_message_says_where(bool readAhead)
    {
        var truncated = Tarball[..(Tarball.Length / 2)];

        var error = Walk.Unreadable(truncated, "demo-1.0.0.tgz", readAhead);

        error.Message.ShouldStartWith("Cannot read '");
        error.Message.ShouldContain("demo-1.0.0.tgz");
        error.Message.ShouldContain("truncated");
        error.EntryPath.ShouldBe("package/lib/big.js");
        error.Message.ShouldContain("reading stopped at entry 'package/lib/big.js'");
    }

    [Fact]
    public void A_tgz_cut_at_an_entry_boundary_is_unreadable()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.js", "a"), TestFile.Text("package/b.js", "b")]);
        var cut = tar[..(tar.Length - 1024)]; // the end-of-archive blocks are missing

        Walk.Unreadable(TestArchive.Gzip(cut), "cut.tgz").Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_truncated_tar_names_the_entry_and_the_missing_bytes()
    {
        var tar = TestArchive.Tar([TestFile.Text("package/a.js", new string('a', 3000)), TestFile.Text("package/b.js", "b")]);

        var error = Walk.Unreadable(tar[..2500], "demo.tar");

        error.EntryPath.ShouldBe("package/a.js");
        error.Problem.ShouldContain("of its declared 3000 bytes");
    }

    [Fact]
    public void Corrupted_deflate_data_is_unreadable()
    {
        var damaged = (byte[])Tarball.Clone();
        for (var i = damaged.Length / 3; i < damaged.Length / 3 + 64; i++)
            damaged[i] ^= 0xA5;

        Walk.Unreadable(damaged, "damaged.tgz").Message.ShouldContain("damaged.tgz");
    }

    [Fact]
    public void A_wrong_gzip_checksum_is_unreadable()
    {
        var damaged = (byte[])Tarball.Clone();
        damaged[^6] ^= 0xFF; // inside the CRC-32 of the trailer

        Walk.Unreadable(damaged, "crc.tgz");
    }

    [Fact]
    public void A_truncated_zip_is_unreadable()
    {
        var zip = TestArchive.Zip([TestFile.Text("a.txt", "alpha"), TestFile.Text("b.txt", "beta")]);

        var error = Walk.Unreadable(zip[..(zip.Length - 30)], "pkg.nupkg");

        error.Message.ShouldContain("pkg.nupkg");
        error.Problem.ShouldContain("central directory", Case.Insensitive);
    }

    [Fact]
    public void A_zip_whose_central_directory_lies_about_a_size_is_unreadable()
    {
        var zip = TestArchive.Zip([new TestFile("a.bin", new byte[10_000]), TestFile.Text("b.txt", "b")]);
        var central = IndexOf(zip, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.GetBytes(20_000).CopyTo(zip, central + 24); // the uncompressed size

        var error = Walk.Unreadable(zip, "liar.zip");

        error.EntryPath.ShouldBe("a.bin");
        error.Problem.ShouldContain("10000 of its declared 20000 bytes");
    }

    [Fact]
    public void A_zip_entry_pointing_past_the_end_is_unreadable()
    {
        var zip = TestArchive.Zip([TestFile.Text("a.txt", "alpha")]);
        var central = IndexOf(zip, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.GetBytes(999_999).CopyTo(zip, central + 42); // the local header offset

        Walk.Unreadable(zip, "offset.zip").EntryPath.ShouldBe("a.txt");
    }

    [Fact]
    public void A_truncated_nested_tgz_is_a_corrupt_finding_and_the_walk_goes_on()
    {
        var nested = Tarball[..(Tarball.Length / 2)];
        var outer = TestArchive.Tar([new TestFile("package/vendor/dep.tgz", nested), TestFile.Text("package/after.js", "after")]);

        var outcome = Walk.Bytes(outer, "outer.tar");

        var finding = outcome.Single(ArchiveRules.Corrupt);
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Location.Path.ShouldBe("package/vendor/dep.tgz");
        finding.Properties["reason"]!.GetValue<string>().ShouldContain("truncated");
        outcome.Visitor["package/after.js"].Text.ShouldBe("after");
        outcome.Visitor["package/vendor/dep.tgz!package/lib/big.js"].Truncated.ShouldBe(true);
    }

    [Fact]
    public void A_file_that_starts_like_a_zip_but_is_not_one_is_a_corrupt_finding()
    {
        var outer = TestArchive.NpmTarball(TestFile.Text("data.zip", "PK\u0003\u0004 and then nonsense"), TestFile.Text("after.js", "after"));

        var outcome = Walk.Bytes(outer, "outer.tgz");

        outcome.Single(ArchiveRules.Corrupt).Location.Path.ShouldBe("package/data.zip");
        outcome.Visitor["package/after.js"].Text.ShouldBe("after");
    }

    [Fact]
    public void A_truncated_nested_tar_in_a_tgz_is_a_corrupt_finding()
    {
        var inner = TestArchive.Tar([TestFile.Text("x.js", new string('x', 5000))]);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("lib.tar", inner[..3000]), TestFile.Text("z.js", "z")), "outer.tgz");

        outcome.Single(ArchiveRules.Corrupt).Location.Path.ShouldBe("package/lib.tar");
        outcome.Visitor["package/z.js"].Text.ShouldBe("z");
    }

    [Fact]
    public void A_damaged_archive_two_levels_deep_is_blamed_on_the_innermost_archive()
    {
        var broken = TestArchive.Zip([TestFile.Text("a.txt", "a")])[..20];
        var middle = TestArchive.Zip([new TestFile("inner.zip", broken), TestFile.Text("ok.txt", "ok")]);

        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("middle.zip", middle)), "outer.tgz");

        outcome.Single(ArchiveRules.Corrupt).Location.Path.ShouldBe("package/middle.zip!inner.zip");
        outcome.Visitor["package/middle.zip!ok.txt"].Text.ShouldBe("ok");
    }

    [Theory]
    [InlineData("tgz")]
    [InlineData("tar")]
    [InlineData("zip")]
    public void Mangled_artifacts_are_walked_or_unreadable_never_anything_else(string kind)
    {
        var original = Fixture(kind);
        var random = new Random(kind.Length * 7919);
        var (walked, unreadable) = (0, 0);
        for (var round = 0; round < 150; round++)
        {
            var mangled = (byte[])original.Clone();
            if (round % 3 == 0)
                mangled = mangled[..random.Next(1, mangled.Length)];
            else
            {
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                    mangled[random.Next(mangled.Length)] = (byte)random.Next(256);
            }
            try
            {
                Walk.Bytes(mangled, "fuzz." + kind, readAhead: round % 2 == 0);
                walked++;
            }
            catch (ArtifactUnreadableException)
            {
                unreadable++;
            }
        }
        // Both outcomes occur, so the mangling reaches the readers rather than the file name.
        unreadable.ShouldBeGreaterThan(0);
        walked.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Mangled_nested_archives_never_break_the_outer_walk()
    {
        var nested = Fixture("tgz");
        var zip = Fixture("zip");
        var random = new Random(4242);
        var corrupt = 0;
        for (var round = 0; round < 150; round++)
        {
            var mangled = (byte[])(round % 2 == 0 ? nested : zip).Clone();
            if (round % 3 == 0)
                mangled = mangled[..random.Next(1, mangled.Length)];
            else
            {
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                    mangled[random.Next(mangled.Length)] = (byte)random.Next(256);
            }
            var outer = TestArchive.NpmTarball(new TestFile("inner.bin", mangled), TestFile.Text("after.js", "after"));

            var outcome = Walk.Bytes(outer, "outer.tgz");

            outcome.Visitor["package/after.js"].Text.ShouldBe("after");
            corrupt += outcome.Of(ArchiveRules.Corrupt).Count();
        }
        corrupt.ShouldBeGreaterThan(0);
    }

    private static byte[] Fixture(string kind)
    {
        TestFile[] files =
        [
            TestFile.Text("package/package.json", """{"name":"fuzz","version":"1.0.0"}"""),
            TestFile.Text("package/index.js", string.Concat(Enumerable.Repeat("module.exports = require('./lib');\n", 200))),
            TestFile.Symlink("package/link.js", "index.js"),
            new TestFile("package/inner.tgz", TestArchive.NpmTarball(TestFile.Text("x.js", "nested"))),
        ];
        return kind switch
        {
            "tgz" => TestArchive.TarGz(files),
            "tar" => TestArchive.Tar(files),
            _ => TestArchive.Zip(files),
        };
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
