using EdgeStation.Center.Cli;
using EdgeStation.Center.Tests.Support;

namespace EdgeStation.Center.Tests.Cli;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CenterRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Demo_shows_three_villages_and_a_second_run_is_all_duplicates()
    {
        var (first, page) = await Demo();

        Assert.Contains("dongshan: pushed 3 envelopes over mutual TLS, acks: Accepted, Accepted, Accepted", first, StringComparison.Ordinal);
        Assert.Contains("东山村", page, StringComparison.Ordinal);
        Assert.Contains("南湖村", page, StringComparison.Ordinal);
        Assert.Contains("台账摘要被更改", page, StringComparison.Ordinal);

        var (second, _) = await Demo();
        Assert.Contains("dongshan: pushed 3 envelopes over mutual TLS, acks: Duplicate, Duplicate, Duplicate", second, StringComparison.Ordinal);
    }

    /// <summary>Runs `demo --port 0` until it prints its address, reads the dashboard, stops it.</summary>
    private async Task<(string Output, string Page)> Demo()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var started = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ctx = new CenterContext(output, output, _run.Time, _ => null) { Stop = stop.Token, Started = a => started.TrySetResult(a) };
        var demo = Task.Run(() => CenterCli.Run(["demo", "--port", "0", "--data-dir", _run.DataDir], ctx));
        Assert.Same(started.Task, await Task.WhenAny(started.Task, demo));
        var admin = (await started.Task).Single(a => a.StartsWith("http://", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = new Uri(admin) };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        await stop.CancelAsync();
        Assert.Equal(0, await demo);
        return (output.ToString(), page);
    }
}
