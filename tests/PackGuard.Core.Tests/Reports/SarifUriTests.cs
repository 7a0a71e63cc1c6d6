using PackGuard.Reports;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Reports;

/// <summary>Entry paths become valid, readable relative URI references.</summary>
public sealed class SarifUriTests
{
    [Theory]
    [InlineData("package/cli.js.map", "package/cli.js.map")]
    [InlineData("package/lib/x.jar!META-INF/MANIFEST.MF", "package/lib/x.jar!META-INF/MANIFEST.MF")]
    [InlineData("package/a b/c d.js", "package/a%20b/c%20d.js")]
    [InlineData("package/@scope/x~y_z-1.0+build,(1);$&'*=.js", "package/@scope/x~y_z-1.0+build,(1);$&'*=.js")]
    [InlineData("package/100%.txt", "package/100%25.txt")]
    [InlineData("package/q?.js#frag", "package/q%3F.js%23frag")]
    [InlineData("C:/temp/x.js", "C%3A/temp/x.js")]
    [InlineData("webpack://app/src/x.ts", "webpack%3A//app/src/x.ts")]
    [InlineData("/etc/passwd", "%2Fetc/passwd")]
    [InlineData("//host/share", "%2F/host/share")]
    [InlineData("dir\\file.txt", "dir%5Cfile.txt")]
    [InlineData("Größe/日本.txt", "Gr%C3%B6%C3%9Fe/%E6%97%A5%E6%9C%AC.txt")]
    [InlineData("evil\u202Etxt.exe", "evil%E2%80%AEtxt.exe")]
    [InlineData("emoji😀", "emoji%F0%9F%98%80")]
    [InlineData("a\"<>[]{}|^`b", "a%22%3C%3E%5B%5D%7B%7D%7C%5E%60b")]
    [InlineData("", "")]
    public void Entry_paths_are_encoded(string path, string uri)
    {
        var encoded = SarifUri.FromEntryPath(path);

        encoded.ShouldBe(uri);
        JsonSchemaFormats.Check("uri-reference", encoded).ShouldBeNull();
        Uri.IsWellFormedUriString(encoded, UriKind.Relative).ShouldBeTrue();
        Uri.UnescapeDataString(encoded).ShouldBe(path);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        SarifUri.FromEntryPath("a\uD800b").ShouldBe("a%EF%BF%BDb");
    }
}
