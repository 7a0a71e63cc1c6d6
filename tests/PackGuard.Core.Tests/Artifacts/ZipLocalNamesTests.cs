using System.Buffers.Binary;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

/// <summary>
/// A zip entry whose local header names another file than the central directory: streaming
/// extractors and central-directory readers would unpack different files.
/// </summary>
public sealed class ZipLocalNamesTests
{
    private static byte[] Renamed(string central, string local)
    {
        var zip = TestArchive.Zip([TestFile.Text("README.md", "hello"), TestFile.Text(central, "module.exports = 1;")]);
        new ZipPatch(zip).SetLocalName(1, local);
        return zip;
    }

    [Fact]
    public void A_local_header_that_names_another_file_is_a_high_ambiguous_name_finding()
    {
        var outcome = Walk.Bytes(Renamed("lib/index.js", "lib/pwned.sh"), "pkg.zip");

        var finding = outcome.Single(ArchiveRules.AmbiguousName);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("lib/index.js");
        finding.Properties["reason"]!.GetValue<string>().ShouldBe("local-header-mismatch");
        finding.Properties["localName"]!.GetValue<string>().ShouldBe("lib/pwned.sh");
        finding.Message.ShouldContain("'lib/pwned.sh'");
        // The content is still inspected, under the central name.
        outcome.Visitor["lib/index.js"].Text.ShouldBe("module.exports = 1;");
    }

    [Fact]
    public void Inside_a_nested_zip_the_finding_carries_the_nested_path()
    {
        var outer = TestArchive.NpmTarball(new TestFile("vendor/lib.jar", Renamed("a/b.class", "a/c.class")));

        var finding = Walk.Bytes(outer, "pkg.tgz").Single(ArchiveRules.AmbiguousName);

        finding.Location.Path.ShouldBe("package/vendor/lib.jar!a/b.class");
    }

    [Fact]
    public void Matching_names_are_not_reported()
    {
        var zip = TestArchive.Zip([TestFile.Text("a.txt", "a"), TestFile.Text("dir/b.txt", "b")]);

        Walk.Bytes(zip, "ok.zip").Of(ArchiveRules.AmbiguousName).ShouldBeEmpty();
    }

    [Fact]
    public void A_zip64_end_record_is_followed_to_the_central_directory()
    {
        var outcome = Walk.Bytes(WithZip64End(Renamed("lib/index.js", "lib/pwned.sh")), "z64.zip");

        outcome.Single(ArchiveRules.AmbiguousName).Properties["localName"]!.GetValue<string>().ShouldBe("lib/pwned.sh");
        outcome.Visitor["lib/index.js"].Text.ShouldBe("module.exports = 1;");
    }

    /// <summary>The same zip with its end record pointing through zip64 records, as large archives have.</summary>
    private static byte[] WithZip64End(byte[] zip)
    {
        var end = zip.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 12));
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(12), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(14), 45);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(24), entries);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(32), entries);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), size);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(48), offset);
        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)end);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
        var endRecord = zip[end..];
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(16), uint.MaxValue);
        return [.. zip[..end], .. record, .. locator, .. endRecord];
    }

    [Fact]
    public void Something_that_only_looks_like_a_zip_end_record_finds_nothing()
    {
        byte[] noise = [.. "PK\u0005\u0006"u8, .. new byte[18], .. "PK\u0005\u0006"u8, .. new byte[40]];
        using var stream = new MemoryStream(noise);

        PackGuard.Artifacts.Walking.ZipLocalNames.Mismatches(stream, noise.Length).ShouldBeEmpty();
    }
}
