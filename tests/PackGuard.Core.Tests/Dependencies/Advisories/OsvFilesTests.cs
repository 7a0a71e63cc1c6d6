using System.IO.Compression;
using PackGuard.Dependencies.Advisories;

namespace PackGuard.Tests.Dependencies.Advisories;

public sealed class OsvFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("packguard-osv-files-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Walks_a_directory_for_json_files_each_directory_s_files_before_its_subdirectories()
    {
        Write("osv/malicious/npm/b/MAL-2.json", "{}");
        Write("osv/malicious/npm/a/MAL-1.json", "{}");
        Write("osv/malicious/npm/a/README.md", "not a record");
        Write("osv/top.JSON", "{}");
        Write(".git/objects/pack.json", "{}");
        Write("node_modules/x/package.json", "{}");

        Names(_root).ShouldBe(["osv/top.JSON", "osv/malicious/npm/a/MAL-1.json", "osv/malicious/npm/b/MAL-2.json"]);
    }

    [Fact]
    public void Does_not_follow_symbolic_links()
    {
        var outside = Directory.CreateTempSubdirectory("packguard-osv-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "MAL-9.json"), "{}");
            Write("osv/MAL-1.json", "{}");
            Directory.CreateSymbolicLink(Path.Combine(_root, "osv", "linked"), outside);
            File.CreateSymbolicLink(Path.Combine(_root, "osv", "MAL-9.json"), Path.Combine(outside, "MAL-9.json"));

            Names(_root).ShouldBe(["osv/MAL-1.json"]);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Reads_the_json_entries_of_a_zip_without_extracting_them()
    {
        var zip = Path.Combine(_root, "all.zip");
        AdvisoryRecords.WriteZip(zip);

        var files = Read(zip).ToList();

        files.Select(f => f.Name).ShouldContain("all.zip!MAL-2026-2306.json");
        files.Count.ShouldBe(Directory.EnumerateFiles(AdvisoryRecords.Directory, "*.json", SearchOption.AllDirectories).Count());
        files.ShouldAllBe(f => f.Problem == null);
        Directory.GetFiles(_root).ShouldBe([zip]);
    }

    [Fact]
    public void A_file_larger_than_the_record_limit_is_not_read()
    {
        Write("big.json", "{\"id\": \"MAL-1\", \"details\": \"" + new string('x', 5000) + "\"}");
        Write("small.json", "{}");

        var files = Read(_root, new AdvisoryImportLimits { MaxRecordBytes = 4096 }).ToList();

        files[0].Problem.ShouldBe("larger than 4096 bytes; not read");
        files[1].Problem.ShouldBeNull();
        files[1].Content.Length.ShouldBe(2);
    }

    [Fact]
    public void A_zip_bomb_entry_is_a_bad_file_and_the_rest_is_read()
    {
        var zip = Path.Combine(_root, "all.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var bomb = new StreamWriter(archive.CreateEntry("bomb.json", CompressionLevel.SmallestSize).Open()))
                bomb.Write(new string(' ', 3 * 1024 * 1024));
            using (var big = archive.CreateEntry("huge.json").Open())
                big.Write(new byte[5 * 1024 * 1024]);
            using var fine = new StreamWriter(archive.CreateEntry("MAL-1.json").Open());
            fine.Write(AdvisoryRecords.Malicious("MAL-1", "npm", "evil"));
        }

        var files = Read(zip).ToList();

        files[0].Problem.ShouldNotBeNull().ShouldContain("zip bomb");
        files[1].Problem.ShouldBe("larger than 4 MiB; not read");
        files[2].Problem.ShouldBeNull();
    }

    [Fact]
    public void Stops_at_the_file_limit_with_a_problem()
    {
        for (var i = 0; i < 5; i++)
            Write($"MAL-{i}.json", "{}");

        var files = Read(_root, new AdvisoryImportLimits { MaxFiles = 3 }).ToList();

        files.Count.ShouldBe(4);
        files[3].Problem.ShouldBe("more than 3 files; the rest were not read");
    }

    [Fact]
    public void Reads_one_json_file()
    {
        var path = Write("MAL-1.json", "{\"id\": \"MAL-1\"}");

        var file = Read(path).ShouldHaveSingleItem();

        file.Name.ShouldBe("MAL-1.json");
        file.Content.Length.ShouldBe(15);
    }

    [Fact]
    public void A_path_that_is_neither_a_directory_a_zip_nor_json_cannot_be_read()
    {
        Should.Throw<AdvisorySourceException>(() => Read(Path.Combine(_root, "missing"))).Message.ShouldContain("no such file or directory");
        var text = Write("notes.txt", "hello");
        Should.Throw<AdvisorySourceException>(() => Read(text)).Message.ShouldContain("not a directory, a zip of OSV records or an OSV JSON file");
        var broken = Write("broken.zip", "PK\u0003\u0004 and then nothing a zip needs");
        Should.Throw<AdvisorySourceException>(() => Read(broken).ToList()).Message.ShouldContain("not a readable zip");
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static IEnumerable<OsvFile> Read(string path, AdvisoryImportLimits? limits = null) =>
        OsvFiles.Read(path, limits ?? AdvisoryImportLimits.Default, CancellationToken.None);

    private static List<string> Names(string path) => [.. Read(path).Select(f => f.Name)];
}
