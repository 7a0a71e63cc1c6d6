using PackGuard.Inspectors.DebugSymbols;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

public sealed class UserPathsTests
{
    [Theory]
    [InlineData("/home/jdoe/src/acme/engine.c", "jdoe")]
    [InlineData("/Users/Jane.Doe/Projects/acme/Pricing.cs", "Jane.Doe")]
    [InlineData(@"C:\Users\John Smith\source\repos\Acme\obj\Release\Acme.pdb", "John Smith")]
    [InlineData("c:\\users\\jdoe\\src\\x.cs", "jdoe")]
    [InlineData("C:/Users/jdoe/src/x.cs", "jdoe")]
    [InlineData(@"D:\Documents and Settings\olduser\x.cpp", "olduser")]
    [InlineData("/mnt/c/Users/jdoe/src/x.cs", "jdoe")]
    [InlineData("-I/home/jdoe/include", "jdoe")]
    [InlineData("cwd=\"/home/jdoe/build\"", "jdoe")]
    public void A_home_directory_yields_its_user(string path, string? user)
    {
        var found = UserPaths.Find(path).ToList();

        if (user is null)
            found.ShouldBeEmpty();
        else
            found.ShouldHaveSingleItem().User.ShouldBe(user);
    }

    [Theory]
    [InlineData("/home/runner/work/acme/acme/src/x.cs")]
    [InlineData("/Users/runner/work/acme/x.cs")]
    [InlineData(@"C:\Users\runneradmin\AppData\Local\Temp\x.cs")]
    [InlineData(@"C:\Users\VssAdministrator\.nuget\packages\x.cs")]
    [InlineData("/home/vsts/work/1/s/src/x.cs")]
    [InlineData("/Users/distiller/project/x.c")]
    [InlineData(@"C:\Users\CLOUDT~1\AppData\Local\Temp\lnk{C709F6DE}.tmp")]
    [InlineData("/home/buildozer/aports/main/musl/src/musl-1.2.6")]
    public void Build_service_accounts_are_no_person(string path) =>
        UserPaths.Find(path).ShouldHaveSingleItem().ServiceAccount.ShouldBeTrue();

    [Theory]
    [InlineData("https://example.com/home/jdoe/page")]
    [InlineData("/_/src/Acme/Pricing.cs")]
    [InlineData("/home/$USER/src/x.c")]
    [InlineData("/home/%USERNAME%/src/x.c")]
    [InlineData("/home/jdoe")] // no separator after the name: not a path under the home
    [InlineData("/opt/build/src/x.c")]
    [InlineData(@"C:\Users\JDOE~1\x.c")] // a short name that no service account starts with is a person's, tested below
    public void Other_paths_name_no_user(string path) =>
        UserPaths.Find(path).ShouldAllBe(p => p.User == "JDOE~1" && !p.ServiceAccount);

    [Fact]
    public void A_set_keeps_accounts_counts_and_a_few_examples_bounded()
    {
        var set = new UserPathSet();
        for (var i = 0; i < 100; i++)
            set.Scan($"/home/jdoe/src/file{i}.c", "dwarf");
        for (var i = 0; i < 100; i++)
            set.Scan($"/home/user{i}/x.c", "strings");
        set.Scan("/home/runner/work/x.c", "codeview");

        var jdoe = set.People.First();
        jdoe.User.ShouldBe("jdoe");
        jdoe.Paths.ShouldBe(100);
        jdoe.Examples.Count.ShouldBe(3);
        (set.People.Count + set.Services.Count).ShouldBe(32); // bounded
    }
}
