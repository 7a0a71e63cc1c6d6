using PackGuard.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await PackGuardCli.RunAsync(args, CliHost.FromProcess(), cancel.Token);
