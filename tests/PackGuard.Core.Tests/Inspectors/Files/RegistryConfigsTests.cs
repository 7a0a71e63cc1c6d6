using PackGuard.Inspectors.Files;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Tests.Inspectors.Files;

public sealed class RegistryConfigsTests
{
    private static readonly string Secret = Random(32, Base62, 31);

    public static TheoryData<string, string, string> WithCredentials => new()
    {
        { "npmrc", $"//npm.acme.io/:_authToken={Secret}", "_authToken" },
        { "npmrc", $"//npm.acme.io/:_auth=\"{Secret}\"", "_auth" },
        { "npmrc", $"//npm.acme.io/:_password={Secret}", "_password" },
        { "npmrc", $"registry=https://ci:{Secret}@npm.acme.io/", "password in a URL" },
        { "yarnrc", $"npmScopes:\n  acme:\n    npmAuthIdent: \"ci:{Secret}\"", "npmAuthIdent" },
        { "yarnrc", $"\"//registry.yarnpkg.com/:_authToken\" \"{Secret}\"", "_authToken" },
        { "pypirc", $"[pypi]\nusername: __token__\npassword: {Secret}", "password" },
        { "pip-conf", $"[global]\nindex-url = https://ci:{Secret}@pypi.acme.io/simple", "password in a URL" },
        { "nuget-config", $"<packageSourceCredentials><acme><add key=\"ClearTextPassword\" value=\"{Secret}\" /></acme></packageSourceCredentials>", "ClearTextPassword" },
        { "nuget-config", $"<packageSourceCredentials><acme><add key=\"Password\" value=\"{Secret}\" /></acme></packageSourceCredentials>", "Password (encrypted)" },
        { "nuget-config", $"<apikeys><add key=\"https://www.nuget.org/api/v2/package\" value=\"{Secret}\" /></apikeys>", "apikey" },
        { "netrc", $"machine github.com\n  login ci\n  password {Secret}", "password" },
        { "cargo-credentials", $"[registry]\ntoken = \"{Secret}\"", "token" },
        { "gem-credentials", $"---\n:rubygems_api_key: {Secret}", "rubygems_api_key" },
    };

    [Theory]
    [MemberData(nameof(WithCredentials))]
    public void Finds_the_credentials_each_format_keeps(string kind, string text, string credential) =>
        RegistryConfigs.Credentials(kind, text + "\n").ShouldBe([credential]);

    [Theory]
    [InlineData("npmrc", "registry=https://npm.acme.io/\n@acme:registry=https://npm.acme.io/\nalways-auth=true\nengine-strict=true")]
    [InlineData("npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}")]
    [InlineData("npmrc", "//registry.npmjs.org/:_authToken=")]
    [InlineData("yarnrc", "npmAuthToken: \"${NPM_TOKEN}\"\nnodeLinker: node-modules")]
    [InlineData("pypirc", "[pypi]\nusername = __token__\npassword = <your PyPI token>")]
    [InlineData("nuget-config", "<packageSources><add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources><packageSourceCredentials><acme><add key=\"ClearTextPassword\" value=\"%FEED_PASSWORD%\" /></acme></packageSourceCredentials>")]
    [InlineData("netrc", "machine github.com login ci password $GITHUB_TOKEN")]
    public void Settings_and_environment_references_are_not_credentials(string kind, string text) =>
        RegistryConfigs.Credentials(kind, text + "\n").ShouldBeEmpty();
}
