using System.CommandLine;
using PackGuard.Policy;

namespace PackGuard.Cli.Commands;

/// <summary>The options every reporting command shares: <c>--format</c>, <c>--output</c>, <c>--fail-on</c>, <c>--config</c>, <c>--baseline</c>.</summary>
internal sealed class ReportOptions
{
    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Report format: text for people, json or sarif for machines.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|sarif",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the report to FILE instead of standard output (replaced atomically).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _failOn = new("--fail-on")
    {
        Description = "Fail (exit 1) when a finding is at or above LEVEL. Default: high, or the config file's failOn.",
        HelpName = "critical|high|medium|low|info|none",
    };

    private readonly Option<string?> _config = new("--config", "-c")
    {
        Description = "Policy file (JSON): failOn, limits, rules, excludes, suppressions. Default: the nearest packguard.json from the working directory upward. See docs/configuration.md.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "Report only findings whose fingerprint is not in FILE (made by packguard baseline create).",
        HelpName = "FILE",
    };

    public ReportOptions()
    {
        _format.AcceptOnlyFromAmong("text", "json", "sarif");
        _failOn.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !FailThreshold.TryParse(text, out _))
                result.AddError($"--fail-on must be one of critical, high, medium, low, info, none (got \"{text}\")");
        });
    }

    public void AddTo(Command command)
    {
        command.Add(_format);
        command.Add(_output);
        command.Add(_failOn);
        command.Add(_config);
        command.Add(_baseline);
    }

    public Values Read(ParseResult parse)
    {
        FailThreshold? failOn = FailThreshold.TryParse(parse.GetValue(_failOn), out var threshold) ? threshold : null;
        return new Values(parse.GetValue(_format) ?? "text", parse.GetValue(_output), failOn, parse.GetValue(_config), parse.GetValue(_baseline));
    }

    public sealed record Values(string Format, string? OutputPath, FailThreshold? FailOn, string? ConfigPath, string? BaselinePath = null);
}
