using System.Text;
using System.Text.Json;
using PackGuard.Dependencies.Online;

namespace PackGuard.Tests.Dependencies.Online;

public sealed class JsonTokenStreamTests
{
    private static readonly HashSet<string> Wanted = ["1.0.0", "2.0.0"];

    /// <summary>A stream that hands out at most <paramref name="chunk"/> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
        }
    }

    private static async Task<NpmPackumentTimes> Read(string json, int chunk = int.MaxValue, LookupLimits? limits = null)
    {
        var visitor = new NpmPackumentTimes(Wanted);
        await JsonTokenStream.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), chunk), visitor, limits ?? LookupLimits.Default, CancellationToken.None);
        return visitor;
    }

    private static readonly string Packument = LookupFixture.Json(new Dictionary<string, object>
    {
        ["name"] = "demo",
        ["versions"] = new { v = new { readme = new string('x', 300_000), deep = new { a = new { b = new[] { 1, 2, 3 } } } } },
        ["time"] = new Dictionary<string, string>
        {
            ["created"] = "2019-01-01T00:00:00.000Z",
            ["1.0.0"] = "2020-01-01T00:00:00.000Z",
            ["1.5.0"] = "2021-01-01T00:00:00.000Z",
            ["2.0.0"] = "2026-11-20T12:30:00.123Z",
            ["modified"] = "2026-11-20T12:31:00.000Z",
        },
        ["modified"] = "2026-11-19T00:00:00.000Z",
    });

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(int.MaxValue)]
    public async Task Any_chunking_gives_the_same_times(int chunk)
    {
        var times = await Read(Packument, chunk);

        times.Times.ShouldBe(new Dictionary<string, DateTimeOffset>
        {
            ["1.0.0"] = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ["2.0.0"] = new DateTimeOffset(2026, 11, 20, 12, 30, 0, TimeSpan.Zero).AddMilliseconds(123),
        });
        // The later of the top-level modified and time.modified.
        times.Modified.ShouldBe(new DateTimeOffset(2026, 11, 20, 12, 31, 0, TimeSpan.Zero));
        times.HasTimes.ShouldBeTrue();
    }

    [Fact]
    public async Task A_token_longer_than_the_limit_is_refused_not_buffered()
    {
        var limits = LookupLimits.Default with { MaxTokenBytes = 128 * 1024 };

        var ex = await Should.ThrowAsync<InvalidDataException>(() => Read(Packument, limits: limits));

        ex.Message.ShouldStartWith("a single value in the document is longer than");
    }

    [Fact]
    public async Task A_document_longer_than_the_limit_is_refused()
    {
        var limits = LookupLimits.Default with { MaxDocumentBytes = 100_000 };

        await Should.ThrowAsync<InvalidDataException>(() => Read(Packument, chunk: 8192, limits: limits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"name": "demo", "time": {"1.0.0": "2020-01-01""")]
    [InlineData("""{"name": "demo"} trailing""")]
    [InlineData("""["not", "an", "object"]""")]
    [InlineData("null")]
    public async Task Malformed_documents_are_json_errors(string json) =>
        await Should.ThrowAsync<JsonException>(() => Read(json, chunk: 3));

    [Fact]
    public async Task Nesting_beyond_the_limit_is_a_json_error()
    {
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 2000)) + string.Concat(Enumerable.Repeat("]", 2000)) + "}";

        await Should.ThrowAsync<JsonException>(() => Read(deep));
    }

    [Theory]
    [InlineData("""{"time": {"1.0.0": 12345, "2.0.0": "yesterday"}}""")]
    [InlineData("""{"time": {"1.0.0": "\ud800", "2.0.0": null}}""")]
    [InlineData("""{"time": ["1.0.0", "2020-01-01T00:00:00Z"]}""")]
    [InlineData("""{"time": {"1.0.0": {"nested": "2020-01-01T00:00:00Z"}}}""")]
    [InlineData("""{"modified": 5, "time": "2020-01-01T00:00:00Z"}""")]
    public async Task Values_of_the_wrong_shape_are_no_times(string json)
    {
        var times = await Read(json);

        times.Times.ShouldBeEmpty();
        times.Modified.ShouldBeNull();
    }

    [Fact]
    public async Task Escaped_version_keys_are_matched_by_their_text()
    {
        var times = await Read("""{"time": {"\u0031.0.0": "2020-01-01T00:00:00Z"}}""");

        times.Times.Keys.ShouldBe(["1.0.0"]);
    }

    [Fact]
    public async Task Comments_are_read_past()
    {
        var times = await Read("""{/* a mirror's note */ "time": {"1.0.0": "2020-01-01T00:00:00Z"}}""");

        times.Times.Keys.ShouldBe(["1.0.0"]);
    }
}
