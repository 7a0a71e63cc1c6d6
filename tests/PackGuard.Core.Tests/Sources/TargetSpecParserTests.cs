using PackGuard.Sources;

namespace PackGuard.Tests.Sources;

public sealed class TargetSpecParserTests
{
    [Theory]
    [InlineData("./dist/pkg.tgz")]
    [InlineData("pkg.tgz")]
    [InlineData("/abs/path/to/dir")]
    [InlineData("my-package-1.0.0.nupkg")]
    [InlineData("C:\\work\\pkg.tgz")]
    public void Anything_that_is_not_a_registry_spec_is_a_local_path_kept_as_given(string raw)
    {
        var spec = TargetSpecParser.Parse(raw);

        spec.ShouldBe(new TargetSpec(raw, TargetKind.Local, raw, null));
    }

    [Theory]
    [InlineData("npm:left-pad", "left-pad", null)]
    [InlineData("npm:left-pad@1.3.0", "left-pad", "1.3.0")]
    [InlineData("npm:left-pad@latest", "left-pad", "latest")]
    [InlineData("npm:left-pad@^1.2 || >=3", "left-pad", "^1.2 || >=3")]
    [InlineData("npm:@scope/name", "@scope/name", null)]
    [InlineData("npm:@scope/name@1.2.3", "@scope/name", "1.2.3")]
    [InlineData("npm:@isaacs/string-locale-compare@next", "@isaacs/string-locale-compare", "next")]
    [InlineData("NPM:lodash", "lodash", null)]
    public void Npm_specs_split_name_and_version(string raw, string name, string? version)
    {
        var spec = TargetSpecParser.Parse(raw);

        spec.Kind.ShouldBe(TargetKind.Npm);
        spec.Name.ShouldBe(name);
        spec.Version.ShouldBe(version);
        spec.Raw.ShouldBe(raw);
        spec.RegistryOverride.ShouldBeNull();
    }

    [Theory]
    [InlineData("nuget:Newtonsoft.Json", "Newtonsoft.Json", null)]
    [InlineData("nuget:Newtonsoft.Json@13.0.3", "Newtonsoft.Json", "13.0.3")]
    [InlineData("nuget:Foo@1.0", "Foo", "1.0.0")]
    [InlineData("nuget:Foo@01.002.0.0", "Foo", "1.2.0")]
    [InlineData("nuget:Foo@1.0.0.4", "Foo", "1.0.0.4")]
    [InlineData("nuget:Foo@1.0.0-Beta.1+sha.abc", "Foo", "1.0.0-Beta.1")]
    [InlineData("nuget:Foo_Bar-Baz.Qux", "Foo_Bar-Baz.Qux", null)]
    public void NuGet_specs_split_id_and_normalise_the_version(string raw, string id, string? version)
    {
        var spec = TargetSpecParser.Parse(raw);

        spec.Kind.ShouldBe(TargetKind.NuGet);
        spec.Name.ShouldBe(id);
        spec.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("pkg:npm/%40scope/name@1.2.3", TargetKind.Npm, "@scope/name", "1.2.3")]
    [InlineData("pkg:npm/@scope/name@1.2.3", TargetKind.Npm, "@scope/name", "1.2.3")]
    [InlineData("pkg:npm/%40scope/name", TargetKind.Npm, "@scope/name", null)]
    [InlineData("pkg:npm/is-number@7.0.0", TargetKind.Npm, "is-number", "7.0.0")]
    [InlineData("pkg:npm/is-number@7.0.0#lib/index.js", TargetKind.Npm, "is-number", "7.0.0")]
    [InlineData("pkg:npm/is-number@7.0.0-beta%2B1", TargetKind.Npm, "is-number", "7.0.0-beta+1")]
    [InlineData("PKG:NPM/is-number", TargetKind.Npm, "is-number", null)]
    [InlineData("pkg://npm/is-number@7.0.0", TargetKind.Npm, "is-number", "7.0.0")]
    [InlineData("pkg:nuget/Newtonsoft.Json@13.0.3", TargetKind.NuGet, "Newtonsoft.Json", "13.0.3")]
    [InlineData("pkg:nuget/Foo@1.0", TargetKind.NuGet, "Foo", "1.0.0")]
    public void Package_urls_are_percent_decoded(string raw, TargetKind kind, string name, string? version)
    {
        var spec = TargetSpecParser.Parse(raw);

        spec.Kind.ShouldBe(kind);
        spec.Name.ShouldBe(name);
        spec.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("pkg:npm/foo@1.0.0?repository_url=https://npm.example.com/repo/", "https://npm.example.com/repo/")]
    [InlineData("pkg:npm/foo@1.0.0?repository_url=https%3A%2F%2Fnpm.example.com%2Frepo", "https://npm.example.com/repo")]
    [InlineData("pkg:npm/foo@1.0.0?arch=x64&repository_url=npm.example.com/repo", "https://npm.example.com/repo")]
    [InlineData("pkg:nuget/Foo@1.0.0?repository_url=https://feed.example.com/v3/index.json", "https://feed.example.com/v3/index.json")]
    public void The_repository_url_qualifier_overrides_the_registry(string raw, string registry)
    {
        var spec = TargetSpecParser.Parse(raw);

        spec.RegistryOverride.ShouldBe(new Uri(registry));
    }

    [Theory]
    [InlineData("npm:JSONStream@1.3.5", "JSONStream")]
    [InlineData("npm:@Scope/Legacy!", "@Scope/Legacy!")]
    public void Accepts_legacy_npm_names_the_registry_still_serves(string raw, string name)
    {
        TargetSpecParser.Parse(raw).Name.ShouldBe(name);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("npm:", "names no package")]
    [InlineData("npm:@", "not a valid npm package name")]
    [InlineData("npm:@scope", "@scope/name")]
    [InlineData("npm:@scope/", "@scope/name")]
    [InlineData("npm:foo@", "no version")]
    [InlineData("npm:.hidden", "cannot start with '.'")]
    [InlineData("npm:_private", "cannot start with '_'")]
    [InlineData("npm:foo bar", "URL-safe")]
    [InlineData("npm:foo/bar", "URL-safe")]
    [InlineData("npm:caf\u00e9", "URL-safe")]
    [InlineData("npm:node_modules", "reserved")]
    [InlineData("nuget:", "names no package")]
    [InlineData("nuget:Foo@", "no version")]
    [InlineData("nuget:Foo@not-a-version", "not a valid NuGet version")]
    [InlineData("nuget:Foo@1.2.3.4.5", "not a valid NuGet version")]
    [InlineData("nuget:Foo..Bar", "not a valid NuGet package id")]
    [InlineData("nuget:Foo Bar", "not a valid NuGet package id")]
    [InlineData("nuget:Foo.", "cannot end with")]
    [InlineData("pkg:pypi/requests@2.0", "Supported types: npm, nuget")]
    [InlineData("pkg:npm", "no type or no name")]
    [InlineData("pkg:npm/", "no type or no name")]
    [InlineData("pkg:npm/foo@", "empty version")]
    [InlineData("pkg:nuget/ns/Foo@1.0.0", "no namespace")]
    [InlineData("pkg:npm/foo?repository_url=ftp://x", "not an http(s) address")]
    [InlineData("pkg:npm/foo?broken", "malformed qualifier")]
    [InlineData("https://registry.npmjs.org/foo/-/foo-1.0.0.tgz", "web address")]
    public void Malformed_registry_specs_are_usage_errors_that_say_why(string raw, string reason)
    {
        var ex = Should.Throw<InvalidTargetSpecException>(() => TargetSpecParser.Parse(raw));

        ex.Message.ShouldContain(reason, Case.Insensitive);
    }

    [Fact]
    public void Npm_names_may_be_214_characters_but_not_215()
    {
        TargetSpecParser.Parse("npm:" + new string('a', 214)).Name.Length.ShouldBe(214);

        Should.Throw<InvalidTargetSpecException>(() => TargetSpecParser.Parse("npm:" + new string('a', 215)))
            .Message.ShouldContain("214");
    }

    [Fact]
    public void NuGet_ids_are_limited_to_100_characters()
    {
        TargetSpecParser.Parse("nuget:" + new string('A', 100)).Name.Length.ShouldBe(100);

        Should.Throw<InvalidTargetSpecException>(() => TargetSpecParser.Parse("nuget:" + new string('A', 101)));
    }
}
