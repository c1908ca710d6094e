using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// A lockdown (封锁) or free passage (常开) set by an admin outlives a restart of the service: the doors come back in the
/// mode they had, from <c>door-modes</c> in the data dir, and the event log says so. Back to normal, it stays normal.
/// </summary>
public sealed class DoorModeRestartTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    /// <summary>Stops the running service and starts the doors again on the same data, as a reboot does.</summary>
    private async Task<AccessService> RestartAsync()
    {
        await Station.App.StopAsync();
        _doors.Access.Dispose();
        return AccessService.Create(Station.Store, new RecordService(Station.Store, Station.Config, Station.Clock), Station.Config.Access, Station.Clock);
    }

    [Fact]
    public async Task A_lockdown_is_still_in_force_after_a_restart_and_refuses_a_valid_card()
    {
        await _doors.OkAsync("door", "mode", "--door", "2", "lockdown");
        await _doors.OkAsync("door", "mode", "--door", "1", "free");

        using var again = await RestartAsync();

        Assert.Equal((DoorMode.FreePassage, DoorMode.Lockdown), (again.System.Door(1)!.Mode, again.System.Door(2)!.Mode));
        var decision = again.System.Door(2)!.Present(ReaderDirection.In, CardId.Parse("12:10001"), null);
        Assert.Equal(DecisionReason.Lockdown, decision.Reason);
        Assert.True(again.System.Door(1)!.Logic.Outputs.Unlocked); // free passage holds the lock open again
        again.Log.WriteQueued();
        var restored = again.Log.Recent(10).Select(e => e.Event).Where(e => e.Kind == AccessEventKind.Mode && e.Actor == AccessService.RestoredActor);
        Assert.Equal(["free", "lockdown"], restored.OrderBy(e => e.Door).Select(e => e.Reason));
    }

    [Fact]
    public async Task A_door_set_back_to_normal_starts_normal()
    {
        await _doors.OkAsync("door", "mode", "--door", "2", "lockdown");
        await _doors.OkAsync("door", "mode", "--door", "2", "normal");

        using var again = await RestartAsync();

        Assert.Equal(DoorMode.Normal, again.System.Door(2)!.Mode);
        Assert.Equal("", File.ReadAllText(Path.Combine(Station.DataDir, DoorModeFile.FileName)));
    }

    [Fact]
    public async Task A_damaged_mode_file_stops_the_start_naming_the_file()
    {
        await File.WriteAllTextAsync(Path.Combine(Station.DataDir, DoorModeFile.FileName), "2 closed\n");

        var ex = await Assert.ThrowsAsync<Storage.StorageEnvironmentException>(RestartAsync);

        Assert.Contains("door-modes line 1 is not 'DOOR lockdown|free'", ex.Message, StringComparison.Ordinal);
    }
}
