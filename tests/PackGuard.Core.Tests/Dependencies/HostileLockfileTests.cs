using System.Diagnostics;
using System.Text;
using PackGuard.Dependencies;

namespace PackGuard.Tests.Dependencies;

/// <summary>
/// Lockfiles come from repositories PackGuard is asked to judge: whatever their content, reading
/// one is a problem at worst, never an exception, a hang or unbounded memory.
/// </summary>
public sealed class HostileLockfileTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly LockfileFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    public static TheoryData<string> Formats => new(SyntheticLockfiles.FileNames);

    private static readonly PackGuard.Dependencies.Audit.DependencyAudit Audit = new(
        new PackGuard.Dependencies.Audit.DependencyPolicy { InternalScopes = ["@scope"], InternalPrefixes = ["pkg", "Pkg."] },
        PackGuard.Dependencies.Typosquatting.TyposquatDetector.Default);

    private Lockfile Timed(string relativePath)
    {
        var clock = Stopwatch.StartNew();
        var lockfile = _fixture.Read(relativePath);
        // What was read from a damaged file is audited too: the checks must not throw on it either.
        Audit.Audit(relativePath, [lockfile], 0).Findings.ShouldAllBe(f => f.Fingerprint.Length == 32);
        clock.Elapsed.ShouldBeLessThan(Patience, relativePath);
        return lockfile;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_huge_line_is_read_without_trouble(string fileName)
    {
        var huge = new string('a', 4 * 1024 * 1024);
        var text = SyntheticLockfiles.Generate(fileName, 20);
        // In the middle of the file, where a value or a name would be.
        var middle = text.IndexOf('\n', text.Length / 2);
        _fixture.Write(fileName, text[..middle] + "\n" + huge + text[middle..]);

        var lockfile = Timed(fileName);

        lockfile.Problems.ShouldNotBeEmpty();
        lockfile.Problems.ShouldAllBe(p => p.Length < 400);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Invalid_utf8_is_a_problem(string fileName)
    {
        var bytes = Encoding.UTF8.GetBytes(SyntheticLockfiles.Generate(fileName, 20)).ToList();
        var at = bytes.IndexOf((byte)'\n', bytes.Count / 3) + 3;
        bytes.InsertRange(at, [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80]);
        _fixture.WriteBytes(fileName, [.. bytes]);

        var lockfile = Timed(fileName);

        lockfile.Problems.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Random_damage_never_throws(string fileName)
    {
        var original = Encoding.UTF8.GetBytes(SyntheticLockfiles.Generate(fileName, 30));
        var random = new Random(20261121);
        for (var round = 0; round < 40; round++)
        {
            _fixture.WriteBytes(fileName, Damage(original, random));
            Timed(fileName);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_truncation_point_reads(string fileName)
    {
        var original = Encoding.UTF8.GetBytes(SyntheticLockfiles.Generate(fileName, 3));
        for (var length = 0; length < original.Length; length += Math.Max(1, original.Length / 97))
        {
            _fixture.WriteBytes(fileName, original[..length]);
            Timed(fileName);
        }
    }

    [Fact]
    public void Deep_nesting_is_a_problem()
    {
        var json = "{\"lockfileVersion\": 1, \"dependencies\": " + string.Concat(Enumerable.Repeat("{\"a\": {\"version\": \"1.0.0\", \"dependencies\": ", 5000)) + "{}" + new string('}', 10000) + "}";
        var yaml = "lockfileVersion: '9.0'\npackages:\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 + i) + "a:\n"));
        var toml = "[[package]]\nname = \"a\"\nversion = \"1\"\nfiles = " + new string('[', 50_000);

        _fixture.Read("package-lock.json", json).Problems.ShouldNotBeEmpty();
        _fixture.Read("pnpm-lock.yaml", yaml).Problems.ShouldNotBeEmpty();
        _fixture.Read("poetry.lock", toml).Problems.ShouldNotBeEmpty();
        _fixture.Read("App.csproj", new StringBuilder().Insert(0, "<a>", 50_000).ToString()).Problems.ShouldNotBeEmpty();
    }

    [Fact]
    public void Nested_package_lock_version_1_within_the_limit_is_read()
    {
        var json = "{\"lockfileVersion\": 1, \"dependencies\": " + string.Concat(Enumerable.Range(0, 100).Select(i => $"{{\"p{i}\": {{\"version\": \"1.0.{i}\", \"integrity\": \"sha512-x\", \"dependencies\": ")) + "{}" + new string('}', 200) + "}";

        var lockfile = _fixture.Read("package-lock.json", json);

        lockfile.Problems.ShouldBeEmpty();
        lockfile.Dependencies.Count.ShouldBe(100);
        lockfile.Dependencies[99].Name.ShouldBe("p99");
    }

    [Fact]
    public void A_file_beyond_the_size_limit_is_not_read()
    {
        var path = _fixture.Write("package-lock.json", SyntheticLockfiles.Generate("package-lock.json", 100));

        var lockfile = LockfileReader.Read(path, "package-lock.json", new LockfileLimits { MaxFileBytes = 1024 });

        lockfile.Dependencies.ShouldBeEmpty();
        lockfile.Problems.ShouldHaveSingleItem().ShouldContain("more than the 1024 read");
        lockfile.Format.ShouldBe(LockfileFormats.PackageLock);
    }

    [Fact]
    public void Dependencies_beyond_the_limit_are_dropped_with_one_problem()
    {
        var path = _fixture.Write("yarn.lock", SyntheticLockfiles.Generate("yarn.lock", 100));

        var lockfile = LockfileReader.Read(path, "yarn.lock", new LockfileLimits { MaxDependencies = 10 });

        lockfile.Dependencies.Count.ShouldBe(10);
        lockfile.Problems.ShouldHaveSingleItem().ShouldContain("more than 10 dependencies");
    }

    [Fact]
    public void Includes_of_devices_directories_and_itself_end()
    {
        _fixture.Write("sub/empty.txt", "");
        var lockfile = _fixture.Read("requirements.txt", "-r requirements.txt\n-r /dev/zero\n-r sub\n-r sub/empty.txt\n-r /dev/null\nok==1\n");

        lockfile.Single("ok").Version.ShouldBe("1");
        lockfile.Problems.ShouldContain(p => p.Contains("include cycle"));
        lockfile.Problems.ShouldContain(p => p.Contains("sub, which does not exist"));
    }

    [Fact]
    public void A_missing_file_throws_and_an_unknown_one_is_a_problem()
    {
        Should.Throw<FileNotFoundException>(() => LockfileReader.Read(Path.Combine(_fixture.Root, "missing.lock"), "missing.lock"));

        var unknown = _fixture.Read("notes.txt", "Dear diary,\nnothing happened today.\n");
        unknown.Format.ShouldBe(LockfileFormats.Unknown);
        unknown.Problems.ShouldHaveSingleItem();
    }

    private static byte[] Damage(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 2; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 2:
                    var start = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(start, Math.Min(random.Next(1, 256), bytes.Count - start)));
                    break;
                case 3:
                    const string Syntax = "{}[]\"':,\\#\n- \t@=|>?";
                    bytes.Insert(at, (byte)Syntax[random.Next(Syntax.Length)]);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string((char)random.Next(32, 127), random.Next(1, 2000))));
                    break;
            }
        }
        return [.. bytes];
    }
}
