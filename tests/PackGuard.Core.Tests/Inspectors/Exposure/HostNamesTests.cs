using PackGuard.Inspectors.Exposure;

namespace PackGuard.Tests.Inspectors.Exposure;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("grafana.internal", ".internal")]
    [InlineData("db-01.prod.corp", ".corp")]
    [InlineData("nas.lan", ".lan")]
    [InlineData("printer.office.local", ".local")]
    [InlineData("wiki.intranet", ".intranet")]
    [InlineData("ip-10-0-1-17.eu-west-1.compute.internal", null)]
    [InlineData("metadata.google.internal", null)]
    [InlineData("host.docker.internal", null)]
    [InlineData("redis.default.svc.cluster.local", null)]
    [InlineData("git.mycorp.internal", null)]
    [InlineData("api.example.local", null)]
    [InlineData("your-server.lan", null)]
    [InlineData("acme.com", null)]
    public void Knows_internal_names_from_public_and_placeholder_ones(string host, string? suffix) =>
        HostNames.InternalDomain(host).ShouldBe(suffix);

    [Theory]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.16.5.4", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("192.168.10.123:8080", true)]
    [InlineData("172.32.0.5", false)]
    [InlineData("11.0.0.5", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.255.255.255", false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("10.1.2.3/24", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("10.1.2.3.4", false)]
    [InlineData("10.1.2.345", false)]
    [InlineData("10.01.2.3", false)]
    [InlineData("10.1.2", false)]
    public void Reads_private_host_addresses(string text, bool found) =>
        HostNames.TryPrivateIpv4(text, out _, out _).ShouldBe(found);

    [Theory]
    [InlineData("api-staging.acme.com", true)]
    [InlineData("staging.acme.com", true)]
    [InlineData("mcp-proxy-staging.acme.co.uk", true)]
    [InlineData("dev.to", false)]
    [InlineData("api.acme.dev", false)]
    [InlineData("developer.acme.com", false)]
    [InlineData("qa.acme.com", true)]
    public void Knows_environment_labels(string host, bool names) =>
        HostNames.NamesEnvironment(host).ShouldBe(names);
}
