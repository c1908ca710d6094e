using EdgeStation.Center.Cli;

namespace EdgeStation.Center.Tests.Support;

/// <summary>`edgestation-center run` in this process on loopback ports chosen by the system; stopped on dispose.</summary>
public sealed class RunningCenter : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;
    private readonly StringWriter _log = new();

    private RunningCenter(CenterRun run)
    {
        var started = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ctx = new CenterContext(_log, _log, run.Time, _ => null) { Stop = _stop.Token, Started = a => started.TrySetResult(a) };
        _run = Task.Run(() => CenterCli.Run(["run", "--urls", "https://127.0.0.1:0", "--admin-port", "0", .. run.StoreArgs], ctx));
        var first = Task.WhenAny(started.Task, _run).GetAwaiter().GetResult();
        if (first != started.Task)
        {
            throw new InvalidOperationException($"the center did not start (exit {_run.Result}): {_log}");
        }
        var addresses = started.Task.Result;
        StationUrl = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        AdminUrl = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    public Uri StationUrl { get; }
    public Uri AdminUrl { get; }

    public static RunningCenter Start(CenterRun run) => new(run);

    public void Dispose()
    {
        _stop.Cancel();
        var exit = _run.GetAwaiter().GetResult();
        _stop.Dispose();
        Assert.Equal(0, exit);
    }
}
