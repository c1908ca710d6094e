using EdgeStation.Access.Alarms;
using EdgeStation.Access.Doors;

namespace EdgeStation.Station.Config;

/// <summary>The doors of the station as configured and checked (<see cref="AccessConfigParser"/>); none when station.json has no "access".</summary>
public sealed record AccessSettings(string Gpio, IReadOnlyList<DoorSettings> Doors, IReadOnlyList<AlarmButton> AlarmButtons)
{
    public const string Simulated = "simulated";
    public static readonly AccessSettings None = new(Simulated, [], []);

    public TimeSpan EventRetention { get; init; } = Storage.Access.AccessEventLog.DefaultRetention;
    public int EventQueue { get; init; } = Storage.Access.AccessEventLog.DefaultCapacity;
    public bool IsSimulated => Gpio == Simulated;

    /// <summary>The OSDP bus; null when station.json has no "access.osdp".</summary>
    public OsdpSettings? Osdp { get; init; }
}
