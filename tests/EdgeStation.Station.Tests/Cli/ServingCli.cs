using EdgeStation.Station.Cli;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// A serving command (`demo`) run in-process on its own thread against a <see cref="TestStation"/>'s data dir and
/// clock, stopped through <see cref="CliContext.Stop"/> as SIGTERM would stop the binary.
/// </summary>
public sealed class ServingCli : IAsyncDisposable
{
    // A cap so that a broken build fails the test instead of hanging it; never a pause.
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(3);
    private readonly CancellationTokenSource _stop = new();

    public ServingCli(TestStation station, params string[] args)
    {
        var ctx = new CliContext(Out, Err, station.Clock, name => station.Environment.GetValueOrDefault(name)) { Stop = _stop.Token };
        Exit = Task.Factory.StartNew(() => StationCli.Run(["--data-dir", station.DataDir, .. args], ctx), TaskCreationOptions.LongRunning);
    }

    public LineWatchWriter Out { get; } = new();
    public LineWatchWriter Err { get; } = new();
    public Task<int> Exit { get; }

    /// <summary>The first standard-output line starting with <paramref name="prefix"/>; fails if the command ends first.</summary>
    public async Task<string> LineAsync(string prefix)
    {
        var line = Out.WaitForLine(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var first = await Task.WhenAny(line, Exit).WaitAsync(Cap);
        Assert.True(first == line, $"the command exited {(Exit.IsCompletedSuccessfully ? Exit.Result : -1)} before printing '{prefix}…': {Err}");
        return await line;
    }

    /// <summary>Stops it (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Exit.WaitAsync(Cap);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }
}
