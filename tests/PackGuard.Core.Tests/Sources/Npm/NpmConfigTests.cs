using PackGuard.Sources;
using PackGuard.Sources.Npm;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources.Npm;

public sealed class NpmConfigTests : IDisposable
{
    private readonly TestSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private NpmConfig Load() => NpmConfig.Load(_box.Environment);

    [Fact]
    public void Defaults_to_the_public_registry()
    {
        Load().RegistryFor("left-pad").ShouldBe(new Uri("https://registry.npmjs.org/"));
    }

    [Fact]
    public void Precedence_is_environment_then_project_then_user_then_global()
    {
        _box.Write("global/etc/npmrc", "registry=https://global.example/\n@g:registry=https://g.example/");
        _box.Write("home/.npmrc", "registry=https://user.example/\n@u:registry=https://u.example/");
        _box.Write("work/.npmrc", "registry=https://project.example/");
        _box.Variables["NPM_CONFIG_PREFIX"] = Path.Combine(_box.Root, "global");

        Load().RegistryFor("x").ShouldBe(new Uri("https://project.example/"));
        Load().RegistryFor("@u/x").ShouldBe(new Uri("https://u.example/"));
        Load().RegistryFor("@g/x").ShouldBe(new Uri("https://g.example/"));

        _box.Variables["npm_config_registry"] = "https://env.example";
        Load().RegistryFor("x").ShouldBe(new Uri("https://env.example/"));
    }

    [Theory]
    [InlineData("npm_config_registry")]
    [InlineData("NPM_CONFIG_REGISTRY")]
    public void Environment_prefix_is_case_insensitive(string variable)
    {
        _box.Variables[variable] = "https://env.example/";

        Load().RegistryFor("x").ShouldBe(new Uri("https://env.example/"));
    }

    [Fact]
    public void Scoped_registries_come_from_the_environment_too()
    {
        _box.Variables["npm_config_@acme:registry"] = "https://acme.example/npm";

        var config = Load();

        config.RegistryFor("@acme/tool").ShouldBe(new Uri("https://acme.example/npm/"));
        config.RegistryFor("@other/tool").ShouldBe(NpmConfig.PublicRegistry);
        config.RegistryFor("tool").ShouldBe(NpmConfig.PublicRegistry);
    }

    [Fact]
    public void The_project_npmrc_is_found_beside_the_nearest_package_json()
    {
        _box.Write("work/app/package.json", "{}");
        _box.Write("work/app/.npmrc", "registry=https://app.example/");
        _box.Write("work/app/src/deep/.npmrc", "registry=https://not-the-project.example/");
        var env = _box.Environment with { WorkingDirectory = Path.Combine(_box.Work, "app", "src", "deep") };

        NpmConfig.Load(env).RegistryFor("x").ShouldBe(new Uri("https://app.example/"));
    }

    [Fact]
    public void Without_a_package_json_the_working_directory_is_the_project()
    {
        _box.Write("work/.npmrc", "registry=https://cwd.example/");

        Load().RegistryFor("x").ShouldBe(new Uri("https://cwd.example/"));
    }

    [Fact]
    public void Userconfig_and_globalconfig_variables_move_the_files()
    {
        _box.Write("elsewhere/user.npmrc", "@u:registry=https://user.example/");
        _box.Write("elsewhere/global.npmrc", "registry=https://global.example/");
        _box.Write("home/.npmrc", "@u:registry=https://ignored.example/");
        _box.Variables["NPM_CONFIG_USERCONFIG"] = Path.Combine(_box.Root, "elsewhere", "user.npmrc");
        _box.Variables["npm_config_globalconfig"] = Path.Combine(_box.Root, "elsewhere", "global.npmrc");

        var config = Load();

        config.RegistryFor("@u/x").ShouldBe(new Uri("https://user.example/"));
        config.RegistryFor("x").ShouldBe(new Uri("https://global.example/"));
    }

    [Fact]
    public void A_registry_that_is_not_a_url_is_a_configuration_error_naming_the_file()
    {
        var path = _box.Write("home/.npmrc", "registry=not a url");

        Should.Throw<SourceConfigurationException>(() => Load().RegistryFor("x")).Message.ShouldContain(path);
    }

    [Fact]
    public void A_token_is_sent_only_to_the_host_and_path_it_was_configured_for()
    {
        _box.Write("home/.npmrc", "//npm.example.com/repo/:_authToken=tok-repo\n//other.example.com/:_authToken=tok-other");
        var config = Load();

        Header(config, "https://npm.example.com/repo/left-pad").ShouldBe("Bearer tok-repo");
        Header(config, "https://npm.example.com/repo/left-pad/-/left-pad-1.3.0.tgz").ShouldBe("Bearer tok-repo");
        Header(config, "https://npm.example.com/elsewhere/left-pad").ShouldBeNull();
        Header(config, "https://npm.example.com/repository/left-pad").ShouldBeNull();
        Header(config, "https://npm.example.com.evil.test/repo/left-pad").ShouldBeNull();
        Header(config, "https://npm.example.com:8443/repo/left-pad").ShouldBeNull();
        Header(config, "https://registry.npmjs.org/left-pad").ShouldBeNull();
        Header(config, "https://other.example.com/any/thing").ShouldBe("Bearer tok-other");
    }

    [Fact]
    public void The_longest_matching_prefix_wins()
    {
        _box.Write("home/.npmrc", "//npm.example.com/:_authToken=host-wide\n//npm.example.com/team/:_authToken=team");
        var config = Load();

        Header(config, "https://npm.example.com/team/pkg").ShouldBe("Bearer team");
        Header(config, "https://npm.example.com/pkg").ShouldBe("Bearer host-wide");
    }

    [Fact]
    public void Basic_auth_comes_from_auth_or_from_username_and_base64_password()
    {
        var password = Convert.ToBase64String("p@ss"u8.ToArray());
        _box.Write("home/.npmrc", $"//a.example/:_auth=dXNlcjpwYXNz\n//b.example/:username=bob\n//b.example/:_password={password}");
        var config = Load();

        Header(config, "https://a.example/pkg").ShouldBe("Basic dXNlcjpwYXNz");
        Header(config, "https://b.example/pkg").ShouldBe("Basic " + Convert.ToBase64String("bob:p@ss"u8.ToArray()));
    }

    [Fact]
    public void Tokens_come_from_expanded_variables_and_an_unset_one_is_reported_not_sent()
    {
        _box.Write("home/.npmrc", "//a.example/:_authToken=${A_TOKEN}\n//b.example/:_authToken=${B_TOKEN}");
        _box.Variables["A_TOKEN"] = "from-env";
        var config = Load();

        Header(config, "https://a.example/pkg").ShouldBe("Bearer from-env");
        var unset = config.CredentialsFor(new Uri("https://b.example/pkg"))!;
        unset.Header.ShouldBeNull();
        unset.Problem!.ShouldContain("not set");
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        _box.Write("home/.npmrc", "//a.example/:_authToken=super-secret-value");

        var credentials = Load().CredentialsFor(new Uri("https://a.example/x"))!;

        credentials.ToString().ShouldNotContain("super-secret-value");
        credentials.ToString().ShouldContain("//a.example/");
    }

    [Fact]
    public void Environment_variables_can_carry_tokens()
    {
        _box.Variables["npm_config_//npm.example.com/:_authToken"] = "env-token";

        Header(Load(), "https://npm.example.com/pkg").ShouldBe("Bearer env-token");
    }

    private static string? Header(NpmConfig config, string url) => config.CredentialsFor(new Uri(url))?.Header?.ToString();
}
