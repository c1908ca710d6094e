using EdgeStation.Station.Cli;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>A CLI write through the running service sends an Idempotency-Key of its own, kept in the entry.</summary>
public class CliIdempotencyKeyTests
{
    [Fact]
    public async Task Each_cli_write_through_the_service_carries_its_own_key()
    {
        await using var api = await ApiStation.StartAsync();

        var first = await api.CliAsync("records", "add", "grid-event", "--category", "environment");
        var second = await api.CliAsync("records", "add", "grid-event", "--category", "environment");

        Assert.True(first.Exit == 0, first.Err);
        var keys = new[] { first.Out.Trim(), second.Out.Trim() }
            .Select(id => api.Store.History(id).Single().Event.Request)
            .ToList();
        Assert.All(keys, k => Assert.Equal(32, k!.Key.Length));
        Assert.NotEqual(keys[0]!.Key, keys[1]!.Key);
    }
}
