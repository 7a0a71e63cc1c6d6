using PackGuard.Policy;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Policy;

public sealed class PolicyFileLocatorTests : IDisposable
{
    private readonly TestSandbox _box = new(workInsideHome: true);

    public void Dispose() => _box.Dispose();

    private string Project(string relative) => Directory.CreateDirectory(Path.Combine(_box.Work, relative)).FullName;

    [Fact]
    public void The_working_directory_s_own_file_is_found()
    {
        var file = _box.Write("home/work/packguard.json", "{}");

        PolicyFileLocator.Find(_box.Work, _box.Home).ShouldBe(file);
    }

    [Fact]
    public void The_nearest_file_upward_wins()
    {
        _box.Write("home/packguard.json", "{}");
        var nearer = _box.Write("home/work/app/packguard.json", "{}");

        PolicyFileLocator.Find(Project("app/src/lib"), _box.Home).ShouldBe(nearer);
    }

    [Fact]
    public void The_home_directory_s_file_is_found_but_nothing_above_it()
    {
        var inHome = _box.Write("home/packguard.json", "{}");
        _box.Write("packguard.json", "{}"); // the sandbox root, above home

        PolicyFileLocator.Find(Project("deep/er"), _box.Home).ShouldBe(inHome);
        File.Delete(inHome);
        PolicyFileLocator.Find(Project("deep/er"), _box.Home).ShouldBeNull();
    }

    [Fact]
    public void Outside_home_the_search_goes_up_to_the_root()
    {
        // The working directory is outside "home", so the file in the sandbox root (its parent) is found.
        var outside = Directory.CreateDirectory(Path.Combine(_box.Root, "srv", "build")).FullName;
        var file = _box.Write("packguard.json", "{}");

        PolicyFileLocator.Find(outside, _box.Home).ShouldBe(file);
    }

    [Fact]
    public void A_directory_named_packguard_json_is_not_a_policy_file()
    {
        Directory.CreateDirectory(Path.Combine(_box.Work, "packguard.json"));

        PolicyFileLocator.Find(_box.Work, _box.Home).ShouldBeNull();
    }
}
