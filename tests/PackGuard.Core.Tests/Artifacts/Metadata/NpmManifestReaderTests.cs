using System.Text;
using PackGuard.Artifacts.Metadata;

namespace PackGuard.Tests.Artifacts.Metadata;

public sealed class NpmManifestReaderTests
{
    [Fact]
    public void A_full_manifest_is_read()
    {
        var metadata = Read("""
            {
              "name": "@acme/cli",
              "version": "2.1.88",
              "license": "MIT",
              "private": false,
              "repository": { "type": "git", "url": "git+https://github.com/acme/cli.git" },
              "files": ["dist", "README.md"],
              "scripts": { "build": "tsc", "postinstall": "node install.js", "weird": 42 },
              "dependencies": { "chalk": "^5.0.0" },
              "devDependencies": { "typescript": "^5.6.0", "chalk": "^5.0.0" },
              "peerDependencies": { "react": ">=18" },
              "optionalDependencies": { "fsevents": "*" },
              "description": { "ignored": [1, 2, { "deep": true }] }
            }
            """);

        metadata.Ecosystem.ShouldBe("npm");
        metadata.Name.ShouldBe("@acme/cli");
        metadata.Version.ShouldBe("2.1.88");
        metadata.License.ShouldBe("MIT");
        metadata.IsPrivate.ShouldBeFalse();
        metadata.Repository.ShouldBe("https://github.com/acme/cli");
        metadata.Files.ShouldBe(["dist", "README.md"]);
        metadata.Scripts.ShouldBe(new Dictionary<string, string> { ["build"] = "tsc", ["postinstall"] = "node install.js" });
        metadata.DeclaredTools.ShouldBe(["chalk", "typescript", "react", "fsevents"]);
        metadata.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"license": "UNLICENSED"}""", "UNLICENSED")]
    [InlineData("""{"license": "SEE LICENSE IN LICENSE.md"}""", "SEE LICENSE IN LICENSE.md")]
    [InlineData("""{"license": {"type": "ISC", "url": "https://opensource.org/licenses/ISC"}}""", "ISC")]
    [InlineData("""{"licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}""", "MIT OR Apache-2.0")]
    [InlineData("""{"licenses": ["BSD-2-Clause"]}""", "BSD-2-Clause")]
    [InlineData("""{"license": "MIT", "licenses": [{"type": "GPL-3.0"}]}""", "MIT")]
    [InlineData("""{"license": 7}""", null)]
    public void Every_licence_shape_is_understood(string json, string? expected) =>
        Read(json).License.ShouldBe(expected);

    [Theory]
    [InlineData("""{"repository": "acme/tool"}""", "https://github.com/acme/tool")]
    [InlineData("""{"repository": "gitlab:acme/tool"}""", "https://gitlab.com/acme/tool")]
    [InlineData("""{"repository": {"type": "git", "url": "git@github.com:acme/tool.git", "directory": "packages/x"}}""", "https://github.com/acme/tool")]
    [InlineData("""{"repository": {"type": "git"}}""", null)]
    public void Every_repository_shape_is_understood(string json, string? expected) =>
        Read(json).Repository.ShouldBe(expected);

    [Theory]
    [InlineData("""{"private": true}""", true)]
    [InlineData("""{"private": "true"}""", true)]
    [InlineData("""{"private": false}""", false)]
    [InlineData("""{}""", false)]
    public void Private_is_read(string json, bool expected) => Read(json).IsPrivate.ShouldBe(expected);

    [Fact]
    public void Malformed_json_keeps_what_came_before_the_damage()
    {
        var metadata = Read("""{"name": "half", "version": "1.0.0", "license": "MIT" "scripts": {}}""");

        metadata.Name.ShouldBe("half");
        metadata.Version.ShouldBe("1.0.0");
        metadata.License.ShouldBe("MIT");
        metadata.Problems.ShouldHaveSingleItem().ShouldStartWith("package/package.json is not valid JSON (line 1");
    }

    [Fact]
    public void A_cut_off_manifest_keeps_the_complete_fields()
    {
        var json = Encoding.UTF8.GetBytes("""{"name": "cut", "version": "3.0.0", "scripts": {"a": "b", "c": """);

        var metadata = NpmManifestReader.Read(json, "package/package.json", isComplete: false);

        metadata.Name.ShouldBe("cut");
        metadata.Version.ShouldBe("3.0.0");
        metadata.Scripts.ShouldBeEmpty();
        metadata.Problems.ShouldBeEmpty(); // the collector says why it was cut
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("[1, 2]", "is not a JSON object")]
    [InlineData("\"text\"", "is not a JSON object")]
    [InlineData("{\"name\": \"x\",}", "is not valid JSON")]
    public void Non_manifests_are_problems_not_exceptions(string json, string problem) =>
        Read(json).Problems.ShouldHaveSingleItem().ShouldContain(problem);

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_a_problem()
    {
        var deep = "{\"name\": \"deep\", \"x\": " + new string('[', 100) + new string(']', 100) + "}";

        var metadata = Read(deep);

        metadata.Name.ShouldBe("deep");
        metadata.Problems.ShouldHaveSingleItem().ShouldContain("is not valid JSON");
    }

    [Fact]
    public void Fields_of_the_wrong_type_are_ignored_and_named_in_one_problem()
    {
        var metadata = Read("""{"name":42,"version":"1.0.0","license":false,"private":[],"files":"dist","scripts":["x"],"dependencies":["a"],"devDependencies":null}""");

        metadata.Name.ShouldBeNull();
        metadata.Version.ShouldBe("1.0.0");
        metadata.License.ShouldBeNull();
        metadata.Files.ShouldBeNull();
        metadata.Scripts.ShouldBeEmpty();
        metadata.Problems.ShouldHaveSingleItem().ShouldBe(
            "package/package.json has fields of the wrong type, which were ignored: \"name\" is a number, not a string; "
            + "\"license\" is a boolean, not a string or an object; \"private\" is an array, not a boolean; "
            + "\"files\" is a string, not an array; \"scripts\" is an array, not an object; \"dependencies\" is an array, not an object.");
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        NpmManifestReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"name":"bom"}""")], "package.json", isComplete: true)
            .Name.ShouldBe("bom");
    }

    [Fact]
    public void The_last_duplicate_wins_like_json_parse()
    {
        Read("""{"version": "1.0.0", "version": "2.0.0"}""").Version.ShouldBe("2.0.0");
    }

    [Fact]
    public void Installed_dependencies_keep_their_ranges_and_leave_dev_dependencies_out()
    {
        var metadata = Read("""
            {"dependencies":{"a":"^1.0.0"},"optionalDependencies":{"b":"2"},"peerDependencies":{"c":">=3"},"devDependencies":{"d":"4"}}
            """);

        metadata.Dependencies.ShouldBe(new Dictionary<string, string> { ["a"] = "^1.0.0", ["b"] = "2", ["c"] = ">=3" }, ignoreOrder: true);
        metadata.DeclaredTools.ShouldContain("d");
    }

    [Fact]
    public void Entry_points_default_to_index_js_and_ignore_export_patterns()
    {
        Read("""{"name":"a"}""").EntryPoints.ShouldBe(["index.js"]);
        Read("""{"main":"lib","bin":"./cli.js","exports":{"./*":"./lib/*.js","./x":["./x.cjs"]}}""").EntryPoints
            .ShouldBe(["lib.js", "cli.js", "x.cjs"]);
    }

    private static PackGuard.Artifacts.Metadata.PackageMetadata Read(string json) =>
        NpmManifestReader.Read(Encoding.UTF8.GetBytes(json), "package/package.json", isComplete: true);
}
