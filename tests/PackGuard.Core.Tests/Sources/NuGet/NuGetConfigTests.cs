using PackGuard.Sources;
using PackGuard.Sources.NuGet;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Sources.NuGet;

public sealed class NuGetConfigTests : IDisposable
{
    private readonly TestSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private NuGetConfig Load() => NuGetConfig.Load(_box.Environment);

    private static string Config(string body) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
        {body}
        </configuration>
        """;

    [Fact]
    public void Without_any_file_nuget_org_is_the_source()
    {
        var source = Load().Sources.ShouldHaveSingleItem();

        source.Name.ShouldBe("nuget.org");
        source.Kind.ShouldBe(NuGetSourceKind.V3);
        source.Url.ShouldBe(new Uri("https://api.nuget.org/v3/index.json"));
    }

    [Fact]
    public void Closer_files_add_after_farther_ones_and_override_by_key()
    {
        _box.Write("home/.nuget/NuGet/NuGet.Config", Config("""
            <packageSources>
              <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              <add key="Shared" value="https://far.example/v3/index.json" />
            </packageSources>
            """));
        _box.Write("NuGet.Config", Config("""
            <packageSources><add key="Middle" value="https://middle.example/index.json" /></packageSources>
            """));
        _box.Write("work/nuget.config", Config("""
            <packageSources><add key="shared" value="https://near.example/v3/index.json" /></packageSources>
            """));

        var sources = Load().Sources;

        sources.Select(s => s.Location).ShouldBe([
            "https://api.nuget.org/v3/index.json",
            "https://near.example/v3/index.json",
            "https://middle.example/index.json",
        ]);
    }

    [Fact]
    public void Clear_in_a_closer_file_drops_farther_sources()
    {
        _box.Write("home/.nuget/NuGet/NuGet.Config", Config("""
            <packageSources><add key="user" value="https://user.example/index.json" /></packageSources>
            """));
        _box.Write("work/NuGet.config", Config("""
            <packageSources>
              <add key="dropped-too" value="https://before-clear.example/index.json" />
              <clear />
              <add key="only" value="https://only.example/index.json" />
            </packageSources>
            """));

        Load().Sources.Select(s => s.Name).ShouldBe(["only"]);
    }

    [Fact]
    public void Clear_also_drops_the_implicit_nuget_org()
    {
        _box.Write("work/nuget.config", Config("<packageSources><clear /></packageSources>"));

        Load().Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Disabled_sources_are_marked_and_a_closer_file_can_reenable_them()
    {
        _box.Write("home/.nuget/NuGet/NuGet.Config", Config("""
            <packageSources>
              <add key="a" value="https://a.example/index.json" />
              <add key="b" value="https://b.example/index.json" />
            </packageSources>
            <disabledPackageSources>
              <add key="a" value="true" />
              <add key="b" value="true" />
            </disabledPackageSources>
            """));
        _box.Write("work/nuget.config", Config("""
            <disabledPackageSources><add key="b" value="false" /></disabledPackageSources>
            """));

        Load().Sources.Select(s => (s.Name, s.Enabled)).ShouldBe([("a", false), ("b", true)]);
    }

    [Fact]
    public void Credentials_attach_to_their_source_only_and_names_are_xml_decoded()
    {
        _box.Variables["FEED_PAT"] = "pat-from-env";
        _box.Write("work/nuget.config", Config("""
            <packageSources>
              <add key="My Feed" value="https://feed.example/v3/index.json" />
              <add key="Other" value="https://other.example/v3/index.json" />
              <add key="Windows" value="https://win.example/v3/index.json" />
            </packageSources>
            <packageSourceCredentials>
              <My_x0020_Feed>
                <add key="Username" value="me" />
                <add key="ClearTextPassword" value="%FEED_PAT%" />
              </My_x0020_Feed>
              <Windows>
                <add key="Username" value="me" />
                <add key="Password" value="AQAAANCMnd8BFdERjHoAwE" />
              </Windows>
            </packageSourceCredentials>
            """));

        var sources = Load().Sources.ToDictionary(s => s.Name);

        sources["My Feed"].Credential.ShouldBe(new NuGetCredential("me", "pat-from-env", false));
        sources["Other"].Credential.ShouldBeNull();
        sources["Windows"].Credential!.IsUsable.ShouldBeFalse();
        sources["Windows"].Credential!.HasEncryptedPassword.ShouldBeTrue();
        sources["My Feed"].Credential!.ToString().ShouldNotContain("pat-from-env");
    }

    [Fact]
    public void Sources_are_classified_and_folders_resolve_against_their_config_file()
    {
        _box.Write("work/nuget.config", Config("""
            <packageSources>
              <add key="v3" value="https://a.example/v3/index.json" />
              <add key="v3-declared" value="https://b.example/nuget" protocolVersion="3" />
              <add key="v2" value="https://c.example/api/v2" />
              <add key="relative" value="packages" />
              <add key="absolute" value="/srv/feed" />
            </packageSources>
            """));

        var sources = Load().Sources.ToDictionary(s => s.Name);

        sources["v3"].Kind.ShouldBe(NuGetSourceKind.V3);
        sources["v3-declared"].Kind.ShouldBe(NuGetSourceKind.V3);
        sources["v2"].Kind.ShouldBe(NuGetSourceKind.V2);
        sources["relative"].Kind.ShouldBe(NuGetSourceKind.LocalFolder);
        sources["relative"].Location.ShouldBe(Path.Combine(_box.Work, "packages"));
        sources["absolute"].Location.ShouldBe("/srv/feed");
    }

    [Fact]
    public void Malformed_xml_is_a_configuration_error_naming_the_file()
    {
        var path = _box.Write("work/nuget.config", "<configuration><packageSources>");

        Should.Throw<SourceConfigurationException>(Load).Message.ShouldContain(path);
    }

    [Fact]
    public void Dtds_are_refused_so_external_entities_cannot_be_read()
    {
        var secret = _box.Write("secret.txt", "https://exfiltrated.example/index.json");
        _box.Write("work/nuget.config", $"""
            <?xml version="1.0"?>
            <!DOCTYPE configuration [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <configuration><packageSources><add key="x" value="&xxe;" /></packageSources></configuration>
            """);

        Should.Throw<SourceConfigurationException>(Load);
    }

    [Fact]
    public void The_root_element_must_be_configuration()
    {
        _box.Write("work/nuget.config", "<settings />");

        Should.Throw<SourceConfigurationException>(Load).Message.ShouldContain("<configuration>");
    }
}
