using System.Text;
using PackGuard.Cli.Tests.Support;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// The one promise a secret scanner cannot break: no secret value reaches any output. Secrets
/// are planted in text, in a source map's embedded sources, in base64 and in a binary; every
/// report format and standard error are searched for them.
/// </summary>
public sealed class ScanCommandSecretTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task No_planted_secret_appears_in_any_output(string format)
    {
        var planted = new[]
        {
            Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, 7001)),
            Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, 7002)),
            Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, 7003)),
            Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, 7004)),
            "Zq8" + SampleText.Random(17, SampleText.Base62, 7005),
        };
        var map = $$"""{"version":3,"sources":["../src/keys.ts"],"sourcesContent":["export const key = '{{planted[1]}}';\n"],"mappings":"AAAA"}""";
        var binary = new byte[2048];
        Encoding.ASCII.GetBytes(planted[3]).CopyTo(binary, 512);
        _cli.WriteFile("leaky-1.0.0.tgz", TestArchive.NpmTarball(
            TestFile.Text("package.json", """{"name":"leaky","version":"1.0.0","license":"UNLICENSED"}"""),
            TestFile.Text("index.js", $"const token = \"{planted[0]}\";\nconst dbPassword = \"{planted[4]}\";\n"),
            TestFile.Text("index.js.map", map),
            TestFile.Text("config.js", $"module.exports = \"{Convert.ToBase64String(Encoding.ASCII.GetBytes($"token={planted[2]}"))}\";\n"),
            new TestFile("addon.node", binary)));

        var result = await _cli.RunAsync("scan", "leaky-1.0.0.tgz", "--format", format);

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        var everything = result.Output + result.Error;
        foreach (var secret in planted)
        {
            everything.ShouldNotContain(secret);
            everything.ShouldNotContain(secret[^12..]);
        }
        // The findings are there, just never the values.
        if (format == "json")
        {
            foreach (var place in new[] { "index.js", "index.js.map", "config.js", "addon.node" })
                result.Output.ShouldContain($"\"package/{place}\"");
            result.Output.ShouldContain("\"src/keys.ts\"");
        }
    }

    public void Dispose() => _cli.Dispose();
}
