using System.Net;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Config;
using EdgeStation.Station.Doors;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeStation.Station.Tests.Support;

/// <summary>
/// The door tests' station, as `edgestation demo` runs its doors: the reference wiring (hardware/station.example.json)
/// on the simulated chip, the demo's schedules, levels (1: every door, always; 2: the front door in office hours),
/// people P-000001…3 with cards 12:10001…3 and their PINs, on a real service with the CLI going through its local API.
/// A test class holds one per test: <c>IAsyncLifetime</c> with <see cref="StartAsync"/> and <see cref="DisposeAsync"/>.
/// </summary>
public sealed class DoorStation : IAsyncDisposable
{
    private DoorStation(ApiStation station, AccessService access)
    {
        Station = station;
        Access = access;
    }

    public ApiStation Station { get; }
    public AccessService Access { get; }

    /// <param name="pins">Whether the demo people get their PINs (through the PIN store, as the demo does).</param>
    public static async Task<DoorStation> StartAsync(bool pins = true)
    {
        var station = await ApiStation.StartAsync(Config());
        var access = station.App.Services.GetRequiredService<AccessService>();
        DemoDoors.Seed(station.Store, station.Clock.GetUtcNow(), access.System.Rights);
        if (pins)
        {
            DemoDoors.SetPins(access);
        }
        return new DoorStation(station, access);
    }

    /// <summary>A station configuration with the demo's doors on the simulated chip.</summary>
    public static StationConfig Config() => new(new StationSettings(), "测试村", null) { Access = DemoDoors.Settings() };

    /// <summary>Runs the CLI (through the running service) and fails the test unless it exits 0; its output, trimmed.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var r = await Station.CliAsync(args);
        Assert.True(r.Exit == 0, $"{string.Join(' ', args)}: exit {r.Exit}: {r.Err}");
        return r.Out.Trim();
    }

    /// <summary>A client signed in as <paramref name="role"/> ("anonymous": not signed in; a grid worker of grid-2).</summary>
    public async Task<HttpClient> AsAsync(string role) => role switch
    {
        "anonymous" => Station.NewClient(),
        "grid-worker" => await Station.SignedInAsync("zhaolei", Role.GridWorker, "grid-2"),
        _ => await Station.SignedInAsync("someone", RoleNames.Parse(role)),
    };

    /// <summary>
    /// What each role gets from an endpoint: 200 for <paramref name="allowed"/> (space-separated role names), 403 for
    /// every other role, 401 for a caller not signed in.
    /// </summary>
    public static TheoryData<string, HttpStatusCode> Answers(string allowed)
    {
        var ok = allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string, HttpStatusCode>();
        foreach (var role in new[] { "admin", "official", "grid-worker", "viewer", "engineer" })
        {
            data.Add(role, ok.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        }
        data.Add("anonymous", HttpStatusCode.Unauthorized);
        return data;
    }

    public ValueTask DisposeAsync() => Station.DisposeAsync();
}
