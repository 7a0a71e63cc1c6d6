using PackGuard.Inspectors.Exposure;

namespace PackGuard.Tests.Inspectors.Exposure;

public sealed class HomePathsTests
{
    [Theory]
    [InlineData("at /home/priya/src/x.ts", "/home/priya/", "priya")]
    [InlineData("\"/Users/jbloggs/work/app\"", "/Users/jbloggs/", "jbloggs")]
    [InlineData("file:///Users/jbloggs/work/app", "/Users/jbloggs/", "jbloggs")]
    [InlineData("C:\\Users\\mwong\\AppData", "C:\\Users\\mwong\\", "mwong")]
    [InlineData("{\"p\":\"c:\\\\Users\\\\mwong\\\\AppData\"}", "C:\\Users\\mwong\\", "mwong")]
    [InlineData("webpack:///C:/Users/Mei Wong/app/src/x.ts", "C:/Users/Mei Wong/", "Mei Wong")]
    public void Reads_the_home_directory_and_the_user(string text, string home, string user)
    {
        var anchor = HomePaths.Anchors.Select(a => text.IndexOf(a, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).Min();

        HomePaths.Read(text, anchor).ShouldBe((home, user));
    }

    [Theory]
    [InlineData("/home/runner/work/app")]
    [InlineData("/Users/runner/work/app")]
    [InlineData("C:\\Users\\runneradmin\\AppData")]
    [InlineData("/home/node/app")]
    [InlineData("/home/linuxbrew/.linuxbrew/bin")]
    [InlineData("/Users/Shared/app")]
    [InlineData("/home/user/.config")]
    [InlineData("/home/user1/.config")]
    [InlineData("/Users/you/.npmrc")]
    [InlineData("/home/<user>/.npmrc")]
    [InlineData("/home/$USER/.npmrc")]
    [InlineData("https://acme.io/home/index/")]
    [InlineData("/api/Users/42/profile")]
    [InlineData("/api/users/ann/profile")]
    [InlineData("/home/priya")]
    [InlineData("~/home/priya/x")]
    [InlineData("foo/node_modules/.bin:/Users/node_modules/.bin")]
    [InlineData("dev/node_modules/.bin:/Users/.bin/x")]
    public void Skips_service_accounts_placeholders_and_url_paths(string text)
    {
        var anchor = HomePaths.Anchors.Select(a => text.IndexOf(a, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (anchor >= 0)
            HomePaths.Read(text, anchor).ShouldBeNull();
    }
}
