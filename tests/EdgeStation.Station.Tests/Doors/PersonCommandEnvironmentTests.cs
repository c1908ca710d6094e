using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>`person` and `card` where they cannot work: no service running (exit 3), a station without doors (exit 2).</summary>
public sealed class PersonCommandEnvironmentTests
{
    [Fact]
    public void Without_a_running_service_person_add_exits_3_and_says_to_start_it()
    {
        using var station = new TestStation();

        var r = station.Run("person", "add", "--name", "赵六");

        Assert.Equal(3, r.Exit);
        Assert.Contains("no station service runs", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(station.DbPath));
    }

    [Fact]
    public async Task A_station_without_doors_refuses_to_enrol_and_changes_nothing()
    {
        await using var station = await ApiStation.StartAsync();
        var head = station.Store.Head;

        var r = await station.CliAsync("person", "add", "--name", "赵六");

        Assert.Equal(2, r.Exit);
        Assert.Contains("no doors configured", r.Err, StringComparison.Ordinal);
        Assert.Equal(head, station.Store.Head);
    }
}
