namespace EdgeStation.Station.Doors;

/// <summary>POST /api/doors/{id}/mode (`door mode`): "normal", "lockdown" (封锁: no card, PIN or exit button opens it) or "free" (常开: unlocked, no alarms).</summary>
public sealed class DoorModeRequest
{
    public string? Mode { get; set; }
}
