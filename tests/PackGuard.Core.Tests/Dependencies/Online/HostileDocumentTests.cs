using System.Net;
using System.Text;
using PackGuard.Dependencies;
using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

/// <summary>
/// A registry (or whatever answers in its place) can send anything. Mutated copies of real-shaped
/// documents must give an answer, never an exception: Exists when the status said so, whatever
/// the body, or Unknown with a reason.
/// </summary>
public sealed class HostileDocumentTests
{
    private const int Rounds = 200;

    private static readonly string Packument = LookupFixture.Json(new Dictionary<string, object>
    {
        ["name"] = "demo",
        ["modified"] = "2026-11-20T00:00:00.000Z",
        ["versions"] = new Dictionary<string, object> { ["1.0.0"] = new { name = "demo", dist = new { tarball = "https://x/demo-1.0.0.tgz" } } },
        ["time"] = new Dictionary<string, string> { ["1.0.0"] = "2026-11-20T00:00:00.000Z", ["modified"] = "2026-11-20T00:00:00.000Z" },
    });

    private static readonly string PyPIProject = """
        {"info": {"name": "demo", "version": "1.0"}, "releases": {"1.0": [{"upload_time": "2026-11-20T00:00:00",
         "upload_time_iso_8601": "2026-11-20T00:00:00.000000Z", "digests": {"sha256": "ab"}}]}, "urls": []}
        """;

    private static readonly string NuGetVersions = """{"versions": ["1.0.0", "2.0.0-beta"]}""";

    private static readonly string NuGetRegistration = """
        {"items": [{"lower": "1.0.0", "upper": "2.0.0-beta", "items": [{"catalogEntry": {"version": "1.0.0", "listed": true, "published": "2026-11-20T00:00:00+00:00"}}]}]}
        """;

    private static byte[] Mutate(Random random, string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document).ToList();
        for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)"{}[]\":,\\"[random.Next(8)]); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\\ud800" : "[[[[[[[[")); break;
            }
        }
        return [.. bytes];
    }

    [Theory]
    [InlineData(Ecosystems.Npm)]
    [InlineData(Ecosystems.PyPI)]
    [InlineData(Ecosystems.NuGet)]
    public async Task Mutated_documents_give_an_answer(string ecosystem)
    {
        var random = new Random(20261121);
        for (var round = 0; round < Rounds; round++)
        {
            using var fixture = new LookupFixture();
            var http = fixture.Http;
            switch (ecosystem)
            {
                case Ecosystems.Npm:
                    http.Bytes(LookupFixture.Npm + "demo", Mutate(random, Packument));
                    break;
                case Ecosystems.PyPI:
                    http.Bytes(LookupFixture.PyPI + "pypi/demo/json", Mutate(random, PyPIProject));
                    break;
                default:
                    fixture.ServeNuGetIndex();
                    http.Bytes(LookupFixture.NuGetFlat + "demo/index.json", Mutate(random, NuGetVersions));
                    http.Bytes(LookupFixture.NuGetRegistrations + "demo/index.json", Mutate(random, NuGetRegistration));
                    break;
            }

            var package = await fixture.Lookup().LookupAsync(ecosystem, "demo", ["1.0.0", "1.0"], LookupFixture.Cutoff, CancellationToken.None);

            package.Presence.ShouldNotBe(RegistryPresence.Missing, $"round {round}");
            if (package.Presence == RegistryPresence.Unknown)
                package.Error.ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task A_body_that_breaks_off_is_retried_then_unknown()
    {
        using var fixture = new LookupFixture();
        fixture.Http.Respond(LookupFixture.Npm + "demo", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) });

        var package = await fixture.LookupAsync(Ecosystems.Npm, "demo", "1.0.0");

        package.Presence.ShouldBe(RegistryPresence.Unknown);
        package.Error.ShouldBe("could not reach https://npm.example/: the connection broke (ResponseEnded)");
        fixture.Http.Requests.Count.ShouldBe(3);
    }

    private sealed class BrokenStream : MemoryStream
    {
        private bool _sent;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent)
                throw new HttpIOException(HttpRequestError.ResponseEnded, "the connection broke");
            _sent = true;
            "{\"name\": \"de"u8.CopyTo(buffer.Span);
            return ValueTask.FromResult(12);
        }
    }
}
