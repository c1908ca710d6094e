using EdgeStation.Station.Cli;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>A CLI write through the running service sends an Idempotency-Key of its own, kept in the entry.</summary>
public class CliIdempotencyKeyTests
{
    private static async Task<CliResult> CliAsync(ApiStation api, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ctx = new CliContext(stdout, stderr, api.Clock, name => name == "USER" ? "tester" : null);
        var exit = await Task.Run(() => StationCli.Run(["--data-dir", api.DataDir, .. args], ctx));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Each_cli_write_through_the_service_carries_its_own_key()
    {
        await using var api = await ApiStation.StartAsync();

        var first = await CliAsync(api, "records", "add", "grid-event", "--category", "environment");
        var second = await CliAsync(api, "records", "add", "grid-event", "--category", "environment");

        Assert.True(first.Exit == 0, first.Err);
        var keys = new[] { first.Out.Trim(), second.Out.Trim() }
            .Select(id => api.Store.History(id).Single().Event.Request)
            .ToList();
        Assert.All(keys, k => Assert.Equal(32, k!.Key.Length));
        Assert.NotEqual(keys[0]!.Key, keys[1]!.Key);
    }
}
