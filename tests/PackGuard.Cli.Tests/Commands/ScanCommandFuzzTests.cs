using System.Globalization;
using System.Text.Json;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Fuzzing;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// A sample of the fuzzer's inputs through the whole command line, as a user runs it: every
/// mutated artifact ends with exit code 0, 1 or 3, a readable report or a one-line message, and
/// never a stack trace. (The scanner itself gets the long run: see ScannerFuzzTests and
/// docs/fuzzing.md.) <c>PACKGUARD_FUZZ_CLI_INPUTS</c> and <c>PACKGUARD_FUZZ_SEED</c> change the sample.
/// </summary>
public sealed class ScanCommandFuzzTests : IDisposable
{
    private const int DefaultInputs = 100;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly string[] Formats = ["text", "json", "sarif"];

    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Mutated_artifacts_exit_0_1_or_3_with_a_report_or_a_plain_message()
    {
        var count = Number("PACKGUARD_FUZZ_CLI_INPUTS") ?? DefaultInputs;
        var first = Number("PACKGUARD_FUZZ_SEED") ?? 1;
        var fuzzer = new MutationFuzzer(FuzzSeeds.All);
        var tight = _cli.WriteFile("tight.json", """{ "limits": { "maxEntrySize": "256KB", "maxTotalSize": "2MB", "maxEntries": 64, "maxDepth": 2, "maxCompressionRatio": 20 } }""");
        var exits = new int[4];
        for (var i = 0; i < count; i++)
        {
            var input = fuzzer.Generate(unchecked(first + i));
            var directory = Path.Combine(_cli.Work, "in" + i.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var target = Path.GetRelativePath(_cli.Work, input.Materialize(directory));
            var format = Formats[i % Formats.Length];
            string[] args = input.TightLimits ? ["scan", target, "--format", format, "--config", tight] : ["scan", target, "--format", format];
            var before = FileSystemSnapshot.Of(_cli.Work);

            var result = await Run(args, input);

            var context = $"{input}\nreproduce: PACKGUARD_FUZZ_SEED={input.Seed} PACKGUARD_FUZZ_CLI_INPUTS=1 dotnet test tests/PackGuard.Cli.Tests --filter FullyQualifiedName~Fuzz\n{result}";
            result.ExitCode.ShouldBeOneOf([ExitCodes.Pass, ExitCodes.Fail, ExitCodes.Unreadable], context);
            result.Error.ShouldNotContain("   at ", Case.Sensitive, context);
            result.Error.ShouldNotContain("Exception", Case.Sensitive, context);
            result.Error.ShouldNotContain("This is a bug", Case.Sensitive, context);
            _ = result.Output; // strict UTF-8: a report must never carry invalid bytes
            if (result.ExitCode == ExitCodes.Unreadable)
                result.Error.ShouldStartWith("packguard: ", Case.Sensitive, context);
            else if (format != "text")
                Should.NotThrow(() => JsonDocument.Parse(result.StandardOutput).Dispose(), context);
            FileSystemSnapshot.Of(_cli.Work).ChangesSince(before).ShouldBeEmpty(context);
            _cli.CacheTempFiles().ShouldBeEmpty(context);
            exits[result.ExitCode]++;
            PackGuard.Tests.Fuzzing.FuzzOracle.TryDelete(directory);
        }
        // The sample holds readable and unreadable artifacts, so both paths of the command ran.
        if (count >= DefaultInputs)
            (exits[ExitCodes.Pass] + exits[ExitCodes.Fail]).ShouldBeGreaterThan(0);
    }

    private async Task<CliResult> Run(string[] args, FuzzInput input)
    {
        using var cancellation = new CancellationTokenSource();
        var run = _cli.RunAsync(args, cancellation.Token);
        if (await Task.WhenAny(run, Task.Delay(Bound)) != run)
        {
            await cancellation.CancelAsync();
            throw new TimeoutException($"packguard {string.Join(' ', args)} took more than {Bound.TotalSeconds:0} s: {input}");
        }
        return await run;
    }

    private static int? Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
