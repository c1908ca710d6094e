using System.Device.Gpio;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Service;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// Stopping the doors inside the host: relays de-energised at the first stop, every later stop and the dispose
/// harmless, and a host that never started still releases them.
/// </summary>
public sealed class DoorStopTests
{
    private const int ArchiveLock = 16; // door 2 of the reference wiring: fail-secure, relay board active-low

    /// <summary>Opens the archive door (card 12:10002, then its PIN): its fail-secure relay is energised.</summary>
    private static async Task OpenArchiveAsync(ApiStation station, AccessService access)
    {
        DemoDoors.Seed(station.Store, station.Clock.GetUtcNow(), access.System.Rights);
        DemoDoors.SetPins(access);
        Assert.Equal(0, (await station.CliAsync("door", "simulate", "swipe", "12:10002", "--door", "2")).Exit);
        Assert.Equal(0, (await station.CliAsync("door", "simulate", "pin", "1357", "--door", "2")).Exit);
        Assert.Equal(PinValue.Low, access.Simulated!.OutputLevel(ArchiveLock));
    }

    [Fact]
    public async Task Regression_a_second_stop_threw_on_the_token_the_first_had_disposed()
    {
        var station = await ApiStation.StartAsync(DoorStation.Config());
        var access = station.App.Services.GetRequiredService<AccessService>();
        await OpenArchiveAsync(station, access);

        await station.App.StopAsync();
        Assert.True(access.DoorsStopped);
        Assert.Equal(PinValue.High, access.Simulated!.OutputLevel(ArchiveLock)); // de-energised: the strike locks

        await station.App.StopAsync(); // as DiskFullRecoveryTests and the CLI tests stop, then dispose (which stops again)
        await station.DisposeAsync();
    }

    [Fact]
    public async Task The_event_log_writes_what_the_doors_logged_before_the_stop_ends()
    {
        var station = await ApiStation.StartAsync(DoorStation.Config());
        var access = station.App.Services.GetRequiredService<AccessService>();
        await OpenArchiveAsync(station, access);

        await station.App.StopAsync();

        Assert.Equal(0, access.Log.Stats.Waiting);
        Assert.Contains(access.Log.Recent(10), e => e.Event is { Kind: Domain.Doors.AccessEventKind.Granted, Door: 2 });
        await station.DisposeAsync();
    }

    [Fact]
    public async Task A_host_disposed_without_a_start_releases_the_doors()
    {
        var dataDir = Directory.CreateTempSubdirectory("edgestation-doors-").FullName;
        try
        {
            var clock = new FakeTimeProvider(ApiStation.Start);
            using var store = LedgerStore.Open(dataDir, time: clock);
            var app = StationHost.Build(store, DoorStation.Config(), clock, "http://127.0.0.1:0");
            var access = app.Services.GetRequiredService<AccessService>();

            await app.DisposeAsync();

            Assert.True(access.DoorsStopped);
            Assert.False(access.Simulated!.IsOpen(ArchiveLock));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
